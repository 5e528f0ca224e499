// Namespace "county": the county manager's home and navigation (pages/county). Chinese; county.en.ts has the same keys.
export const countyZh = {
  county: {
    overviewTitle: "县域概况",
    region: "{{province}} · {{city}}",
    code: "区划代码",
    townships: "乡镇（街道）",
    villageUnits: "村级单位",
    villageCommittees: "村委会",
    nodes: "物流节点",
    users: "用户",
    select: "选择县区",
    noCounty: "暂无可管理的县区。",
  },
  nav: {
    review: "上架审核",
    merchants: "商户",
    counters: "专柜",
    report: "专柜销售报表",
  },
};
