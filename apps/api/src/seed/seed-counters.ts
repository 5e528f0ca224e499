// The demo's poverty-alleviation counters (扶贫商品专区专柜) in Gaizhou: merchants from recognised poor villages,
// their products with certifications and traced batches, counters by venue type, listings in every review state,
// 30 days of sales, and a confirmed restock order whose parcels are routed up from the merchant's village.
// Seeding twice changes nothing (the first counter's code is the marker).
import { randomBytes } from "node:crypto";
import type { Db } from "@xiangda/db";
import { makeTraceCode, type Actor } from "@xiangda/domain";
import { confirmRestock } from "@xiangda/api/services/restock/confirm-restock";
import { createRestock } from "@xiangda/api/services/restock/create-restock";

const DAY = 86_400_000;
/// A calendar day (Asia/Shanghai) `days` from `now`, as the UTC midnight Prisma stores for @db.Date.
const calendarDay = (now: Date, days: number) => new Date(Math.floor((now.getTime() + 8 * 3600_000) / DAY) * DAY + days * DAY);

interface MerchantSeed {
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
const MERCHANTS: MerchantSeed[] = [
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

interface ProductSeed {
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

const PRODUCTS: ProductSeed[] = [
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

const COUNTERS = [
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
const LISTINGS: {
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

/// A deterministic pseudo-random sequence, so every demo database holds the same sales.
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

export async function seedCounters(
  db: Db,
  countyCode: string,
  opts: { merchantId: string; counterUserId: string | null; managerUserId: string; now?: Date },
) {
  if (await db.counter.findUnique({ where: { countyCode_code: { countyCode, code: COUNTERS[0].code } } })) return { created: false };
  const now = opts.now ?? new Date();
  const nodes = new Map((await db.node.findMany({ where: { countyCode }, select: { id: true, code: true } })).map((n) => [n.code, n.id]));

  const merchantIds: string[] = [];
  for (const [i, m] of MERCHANTS.entries()) {
    const data = {
      type: m.type,
      originAreaCode: m.origin,
      recognitionNo: m.recognitionNo,
      recognitionValidUntil: calendarDay(now, m.validDays),
      // Co-operatives and enterprises carry a unified social credit code (fictitious, with a valid check character): as
      // contract senders their restock parcels need no resident ID at acceptance.
      creditCode: m.creditCode ?? null,
      contactName: m.contactName,
      contactPhone: m.contactPhone,
    };
    const row =
      i === 0
        ? await db.merchant.update({ where: { id: opts.merchantId }, data })
        : await db.merchant.upsert({
            where: { countyCode_name: { countyCode, name: m.name } },
            update: data,
            create: { countyCode, name: m.name, ...data },
          });
    merchantIds.push(row.id);
  }

  const productIds: string[] = [];
  const batchIds: string[] = [];
  for (const p of PRODUCTS) {
    const product = await db.product.create({
      data: {
        merchantId: merchantIds[p.merchant]!,
        name: p.name,
        category: p.category,
        unit: p.unit,
        spec: p.spec,
        unitWeightG: p.unitWeightG,
        temp: "AMBIENT",
        shelfLifeDays: p.shelfLifeDays,
        regionalBrand: p.regionalBrand ?? null,
        certifications: { create: p.certs.map((c) => ({ kind: c.kind, number: c.number, validUntil: calendarDay(now, c.validDays) })) },
      },
    });
    productIds.push(product.id);
    const batch = await db.productBatch.create({
      data: {
        productId: product.id,
        merchantId: merchantIds[p.merchant]!,
        batchNo: `${calendarDay(now, -20).toISOString().slice(0, 10).replaceAll("-", "")}-01`,
        producedOn: calendarDay(now, -20),
        quantity: 500,
        originAreaCode: MERCHANTS[p.merchant]!.origin,
        traceCode: makeTraceCode(randomBytes(10)),
      },
    });
    batchIds.push(batch.id);
  }

  const counterIds: string[] = [];
  for (const c of COUNTERS) {
    const nodeId = nodes.get(c.node);
    if (!nodeId) throw new Error(`demo counter ${c.code}: no node ${c.node}`);
    const row = await db.counter.create({
      data: {
        countyCode,
        code: c.code,
        name: c.name,
        venueType: c.venueType,
        operatorName: c.operatorName,
        address: c.address,
        areaCode: c.area,
        city: "city" in c ? c.city : null,
        nodeId,
      },
    });
    counterIds.push(row.id);
  }
  if (opts.counterUserId)
    await db.counterOperator.createMany({
      data: [0, 1].map((k) => ({ userId: opts.counterUserId!, counterId: counterIds[k]! })),
      skipDuplicates: true,
    });

  const rand = lcg(210881);
  let sales = 0;
  for (const l of LISTINGS) {
    const product = PRODUCTS[l.product]!;
    const reviewed = l.status === "ACTIVE";
    const listing = await db.listing.create({
      data: {
        productId: productIds[l.product]!,
        counterId: counterIds[l.counter]!,
        merchantId: merchantIds[product.merchant]!,
        countyCode,
        priceFen: l.priceFen,
        stock: l.stock,
        minStock: l.minStock,
        status: l.status,
        submittedAt: l.status === "DRAFT" ? null : new Date(now.getTime() - 32 * DAY),
        reviewedAt: reviewed ? new Date(now.getTime() - 31 * DAY) : null,
        reviewedById: reviewed ? opts.managerUserId : null,
      },
    });
    if (!reviewed) continue;
    // 30 days of sales; the stock left is what the opening delivery minus these sales leaves.
    const rows = [];
    let sold = 0;
    for (let d = 30; d >= 1; d--) {
      const n = Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) {
        const quantity = 1 + Math.floor(rand() * 3);
        const soldAt = new Date(calendarDay(now, -d).getTime() + (1 + Math.floor(rand() * 11)) * 3600_000); // 09:00–19:00 Shanghai
        rows.push({
          listingId: listing.id,
          counterId: listing.counterId,
          batchId: batchIds[l.product]!,
          quantity,
          unitPriceFen: l.priceFen,
          amountFen: quantity * l.priceFen,
          soldAt,
          clientRef: `seed-${listing.id.slice(0, 8)}-${d}-${k}`,
          source: "ENTRY" as const,
          recordedById: opts.counterUserId,
        });
        sold += quantity;
      }
    }
    await db.counterSale.createMany({ data: rows });
    sales += rows.length;
    await db.listing.update({ where: { id: listing.id }, data: { stock: Math.max(0, l.stock - sold) } });
  }

  // The grapes on the service area run low: a restock order, confirmed by the co-operative, ships up from 青石岭村.
  const manager: Actor = {
    userId: opts.managerUserId,
    username: "manager",
    role: "COUNTY_MANAGER",
    countyCode,
    nodeId: null,
    merchantId: null,
  };
  const grapes = await db.listing.findFirstOrThrow({ where: { productId: productIds[2]!, counterId: counterIds[1]! } });
  const orderId = await createRestock(
    db,
    manager,
    countyCode,
    {
      counterId: counterIds[1]!,
      merchantId: merchantIds[2]!,
      lines: [{ listingId: grapes.id, quantity: 40, batchId: batchIds[2]! }],
      note: "服务区周末客流大，补货",
      clientRef: "seed-restock-grapes",
    },
    now,
  );
  await confirmRestock(db, manager, orderId, now);
  return {
    created: true,
    merchants: merchantIds.length,
    products: productIds.length,
    counters: counterIds.length,
    listings: LISTINGS.length,
    sales,
    restockOrderId: orderId,
  };
}
