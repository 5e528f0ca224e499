// Namespace "county": the county manager's home (banner, figures, the dashboard's heading) and the county area's navigation, the
// names of its pages (pages/county). Chinese; county.en.ts has the same keys.
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
    dashboardTitle: "县域看板",
    dashboardLoading: "正在加载看板…",
  },
  nav: {
    dashboard: "看板",
    exceptions: "异常件",
    loads: "装车",
    review: "上架审核",
    merchants: "商户",
    counters: "专柜",
    report: "专柜销售报表",
    queues: "队列",
  },
  /** The API clients page (pages/county/api-clients) in the nav. */
  apiClientsNav: "接口机构",
};
