// Namespace "merchant": the merchant's pages (pages/merchant). Chinese; merchant.en.ts has the same keys.
export const merchantZh = {
  merchant: {
    overviewTitle: "商户信息",
    name: "商户名称",
    id: "商户编号",
    countyCode: "所属县区代码",
    welcome: "欢迎，{{name}}",
    noScope: "当前账号未关联商户。",
  },
};
