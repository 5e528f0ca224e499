// Namespace "apiClients": the county's API clients (接口机构, pages/county/api-clients): the carriers and platforms
// that connect by API, their list, the form that adds one, and a client's page with its keys and webhooks. Chinese;
// api-clients.en.ts has the same keys.
export const apiClientsZh = {
  list: {
    title: "接口机构",
    intro: "通过开放接口接入本县配送网络的快递公司和电商平台。点击一行管理该机构的接口密钥和 Webhook。",
    add: "新增机构",
    empty: "还没有接口机构。",
    kind: "类型",
    name: "名称",
    activeKeys: "有效密钥",
    state: "状态",
    active: "启用",
    inactive: "已停用",
    createdAt: "创建时间",
    open: "管理",
  },
  kinds: {
    CARRIER: "快递公司",
    PLATFORM: "电商平台 / 商户系统",
  },
  form: {
    kind: "类型",
    carrier: "快递公司",
    blacklisted: "黑名单",
    name: "名称",
    carrierNameHint: "可留空：默认使用快递公司的名称。每家快递公司在本县只有一个机构，重复添加即打开已有的。",
    platformNameHint: "平台或商户系统的名称，在本县内唯一。",
    create: "添加",
    creating: "正在添加…",
  },
  detail: {
    back: "接口机构",
    label: "接口机构",
    notFound: "没有这个接口机构，或不属于本县。",
    inactive: "已停用：接口调用和 Webhook 推送均已停止",
  },
};
