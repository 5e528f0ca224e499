// The demo counters' data: merchants from recognised poor villages, their products and certifications, counters by
// venue type, and listings in every review state (seed-counters.ts writes them).
export interface MerchantSeed {
  name: string;
  type: "COOPERATIVE" | "ENTERPRISE" | "HOUSEHOLD";
  origin: string;
  recognitionNo: string;
  validDays: number;
  creditCode?: string;
  contactName: string;
  contactPhone: string;
}

// Origin villages: poor villages of the demo's list (seed-network) and the demo merchant's 高屯村.
export const MERCHANTS: MerchantSeed[] = [
  {
    name: "盖州市高屯果蔬专业合作社",
    type: "COOPERATIVE",
    origin: "210881102200",
    recognitionNo: "营扶认〔2026〕盖001号",
    validDays: 400,
    creditCode: "93210881MA0T5XJQ13",
    contactName: "张建国",
    contactPhone: "13904171201",
  },
  {
    name: "盖州市后闫闸黄桃种植专业合作社",
    type: "COOPERATIVE",
    origin: "210881110206",
    recognitionNo: "营扶认〔2026〕盖014号",
    validDays: 300,
    creditCode: "93210881MA0T6KDE45",
    contactName: "闫立新",
    contactPhone: "13904171202",
  },
  {
    name: "盖州市青石岭葡萄专业合作社",
    type: "COOPERATIVE",
    origin: "210881112202",
    recognitionNo: "营扶认〔2026〕盖022号",
    validDays: 200,
    creditCode: "93210881MA0T7LRP2B",
    contactName: "刘春梅",
    contactPhone: "13904171203",
  },
  {
    name: "盖州市大王寨农产品有限公司",
    type: "ENTERPRISE",
    origin: "210881116207",
    recognitionNo: "营扶认〔2025〕盖037号",
    validDays: 20,
    creditCode: "91210881MA0T8HWN5W",
    contactName: "王海峰",
    contactPhone: "13904171204",
  },
  {
    name: "钟屯村王秀兰家庭农场",
    type: "HOUSEHOLD",
    origin: "210881119201",
    recognitionNo: "营扶认〔2026〕盖051号",
    validDays: 365,
    contactName: "王秀兰",
    contactPhone: "13904171205",
  },
];

export interface ProductSeed {
  merchant: number;
  name: string;
  category: "FRUIT" | "NUTS_DRIED" | "GRAIN" | "EGG_DAIRY";
  unit: string;
  spec: string;
  unitWeightG: number;
  shelfLifeDays: number;
  regionalBrand?: string;
  certs: { kind: "GREEN_FOOD" | "ORGANIC" | "GEO_INDICATION"; number: string; validDays: number }[];
}

export const PRODUCTS: ProductSeed[] = [
  {
    merchant: 0,
    name: "盖州苹果（寒富）",
    category: "FRUIT",
    unit: "箱",
    spec: "5kg/箱",
    unitWeightG: 5600,
    shelfLifeDays: 60,
    regionalBrand: "盖州苹果",
    certs: [{ kind: "GEO_INDICATION", number: "AGI01965", validDays: 1500 }],
  },
  {
    merchant: 1,
    name: "后闫闸黄桃",
    category: "FRUIT",
    unit: "箱",
    spec: "3kg/箱",
    unitWeightG: 3400,
    shelfLifeDays: 12,
    certs: [{ kind: "GREEN_FOOD", number: "LB-18-2409210881A", validDays: 600 }],
  },
  {
    merchant: 2,
    name: "青石岭巨峰葡萄",
    category: "FRUIT",
    unit: "箱",
    spec: "2.5kg/箱",
    unitWeightG: 2900,
    shelfLifeDays: 10,
    regionalBrand: "盖州葡萄",
    certs: [{ kind: "GREEN_FOOD", number: "LB-18-2411210881B", validDays: 700 }],
  },
  {
    merchant: 3,
    name: "大王寨榛子",
    category: "NUTS_DRIED",
    unit: "袋",
    spec: "1kg/袋",
    unitWeightG: 1100,
    shelfLifeDays: 270,
    certs: [{ kind: "ORGANIC", number: "1240P2500317", validDays: 250 }],
  },
  {
    merchant: 3,
    name: "盖州杂粮礼盒",
    category: "GRAIN",
    unit: "盒",
    spec: "小米 黄豆 红豆 各1kg",
    unitWeightG: 3300,
    shelfLifeDays: 365,
    certs: [],
  },
  { merchant: 4, name: "散养土鸡蛋", category: "EGG_DAIRY", unit: "箱", spec: "30枚/箱", unitWeightG: 2200, shelfLifeDays: 25, certs: [] },
];

export const COUNTERS = [
  {
    code: "GZ-C01",
    name: "盖州市机关食堂扶贫专柜",
    venueType: "CANTEEN",
    operatorName: "盖州市机关事务服务中心",
    area: "210881001000",
    node: "GZ-001",
    address: "鼓楼街道 市政府院内",
  },
  {
    code: "GZ-C02",
    name: "沈海高速盖州服务区扶贫专区",
    venueType: "HIGHWAY_SERVICE_AREA",
    operatorName: "辽宁高速服务区管理公司",
    area: "210881005000",
    node: "GZ-005",
    address: "沈海高速 盖州服务区（双向）",
  },
  {
    code: "GZ-C03",
    name: "盖州西城超市扶贫专柜",
    venueType: "SUPERMARKET",
    operatorName: "盖州西城超市有限公司",
    area: "210881002000",
    node: "GZ-002",
    address: "西城街道 商业街",
  },
  {
    code: "GZ-C04",
    name: "营口站扶贫特产专柜",
    venueType: "AIRPORT_STATION",
    operatorName: "营口站商贸公司",
    area: null,
    node: "GZ-HUB",
    address: "营口站候车大厅",
    city: "营口市",
  },
  {
    code: "GZ-C05",
    name: "盖州消费扶贫网上馆",
    venueType: "ONLINE_CHANNEL",
    operatorName: "盖州市电子商务公共服务中心",
    area: null,
    node: "GZ-HUB",
    address: null,
  },
] as const;

// Listings: product × counter, price (fen), stock after the opening delivery, minimum, state.
export const LISTINGS: {
  product: number;
  counter: number;
  priceFen: number;
  stock: number;
  minStock: number;
  status: "ACTIVE" | "PENDING_REVIEW" | "DRAFT";
}[] = [
  { product: 0, counter: 0, priceFen: 6800, stock: 220, minStock: 30, status: "ACTIVE" },
  { product: 0, counter: 1, priceFen: 7800, stock: 160, minStock: 40, status: "ACTIVE" },
  { product: 0, counter: 3, priceFen: 8800, stock: 120, minStock: 20, status: "ACTIVE" },
  { product: 1, counter: 0, priceFen: 5900, stock: 90, minStock: 20, status: "ACTIVE" },
  { product: 2, counter: 1, priceFen: 6600, stock: 70, minStock: 25, status: "ACTIVE" },
  { product: 3, counter: 2, priceFen: 9800, stock: 60, minStock: 10, status: "ACTIVE" },
  { product: 4, counter: 4, priceFen: 12800, stock: 80, minStock: 15, status: "PENDING_REVIEW" },
  { product: 5, counter: 4, priceFen: 4500, stock: 0, minStock: 10, status: "DRAFT" },
];
