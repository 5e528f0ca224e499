// The demo's poverty-alleviation counters (扶贫商品专区专柜) in Gaizhou: merchants from recognised poor villages,
// their products with certifications and traced batches, counters by venue type, listings in every review state,
// 30 days of sales, and a confirmed restock order whose parcels are routed up from the merchant's village.
// Seeding twice changes nothing (the first counter's code is the marker).
import { randomBytes } from "node:crypto";
import type { Db } from "@xiangda/db";
import { makeTraceCode, type Actor } from "@xiangda/domain";
import { confirmRestock, createRestock } from "@xiangda/api/rest";
import { COUNTERS, LISTINGS, MERCHANTS, PRODUCTS } from "./seed-counters-data.ts";

const DAY = 86_400_000;
/// A calendar day (Asia/Shanghai) `days` from `now`, as the UTC midnight Prisma stores for @db.Date.
const calendarDay = (now: Date, days: number) => new Date(Math.floor((now.getTime() + 8 * 3600_000) / DAY) * DAY + days * DAY);

/// A deterministic pseudo-random sequence, so every demo database holds the same sales.
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/// The merchants, the first one being the demo merchant already there (updated, not created).
async function seedMerchants(db: Db, countyCode: string, merchantId: string, now: Date): Promise<string[]> {
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
        ? await db.merchant.update({ where: { id: merchantId }, data })
        : await db.merchant.upsert({
            where: { countyCode_name: { countyCode, name: m.name } },
            update: data,
            create: { countyCode, name: m.name, ...data },
          });
    merchantIds.push(row.id);
  }
  return merchantIds;
}

/// Each product with its certifications and one traced batch from 20 days ago.
async function seedProducts(db: Db, merchantIds: string[], now: Date) {
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
  return { productIds, batchIds };
}

/// The counters at their restocking nodes; the demo counter operator runs the first two.
async function seedCounterRows(db: Db, countyCode: string, nodes: Map<string, string>, counterUserId: string | null): Promise<string[]> {
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
  if (counterUserId)
    await db.counterOperator.createMany({
      data: [0, 1].map((k) => ({ userId: counterUserId, counterId: counterIds[k]! })),
      skipDuplicates: true,
    });
  return counterIds;
}

type SeedIds = { merchantIds: string[]; productIds: string[]; batchIds: string[]; counterIds: string[] };

/// The listings, and for each reviewed one 30 days of sales; returns the number of sales.
async function seedListingsAndSales(
  db: Db,
  countyCode: string,
  ids: SeedIds,
  opts: { counterUserId: string | null; managerUserId: string; now: Date },
): Promise<number> {
  const { merchantIds, productIds, batchIds, counterIds } = ids;
  const { now } = opts;
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
  return sales;
}

async function seedRestock(db: Db, countyCode: string, ids: SeedIds, managerUserId: string, now: Date): Promise<string> {
  const { merchantIds, productIds, batchIds, counterIds } = ids;
  // The grapes on the service area run low: a restock order, confirmed by the co-operative, ships up from 青石岭村.
  const manager: Actor = {
    userId: managerUserId,
    username: "manager",
    role: "COUNTY_MANAGER",
    countyCode,
    nodeId: null,
    merchantId: null,
  };
  const grapes = await db.listing.findFirstOrThrow({ where: { productId: productIds[2]!, counterId: counterIds[1]! } });
  const orderId = await createRestock(db, {
    actor: manager,
    countyCode,
    now,
    counterId: counterIds[1]!,
    merchantId: merchantIds[2]!,
    lines: [{ listingId: grapes.id, quantity: 40, batchId: batchIds[2]! }],
    note: "服务区周末客流大，补货",
    clientRef: "seed-restock-grapes",
  });
  await confirmRestock(db, { actor: manager, orderId, now });
  return orderId;
}

export async function seedCounters(
  db: Db,
  countyCode: string,
  opts: { merchantId: string; counterUserId: string | null; managerUserId: string; now?: Date },
) {
  if (await db.counter.findUnique({ where: { countyCode_code: { countyCode, code: COUNTERS[0].code } } })) return { created: false };
  const now = opts.now ?? new Date();
  const nodes = new Map((await db.node.findMany({ where: { countyCode }, select: { id: true, code: true } })).map((n) => [n.code, n.id]));
  const merchantIds = await seedMerchants(db, countyCode, opts.merchantId, now);
  const { productIds, batchIds } = await seedProducts(db, merchantIds, now);
  const counterIds = await seedCounterRows(db, countyCode, nodes, opts.counterUserId);
  const ids = { merchantIds, productIds, batchIds, counterIds };
  const sales = await seedListingsAndSales(db, countyCode, ids, { ...opts, now });
  const orderId = await seedRestock(db, countyCode, ids, opts.managerUserId, now);
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
