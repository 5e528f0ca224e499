// Public traceability of a batch (农产品可追溯二维码): the product and its certifications, the merchant
// (a household only by a masked name), the origin village and township, and the route each parcel of the
// batch travelled to its counter with its scans. An unknown code runs the same queries as a known one.
import type { Db, Prisma } from "@xiangda/db";
import { AppError, maskName } from "@xiangda/domain";
import type { TTrace } from "./schemas.ts";
import { traceCodeCandidates } from "./trace-code-input.ts";

const NO_ID = "00000000-0000-0000-0000-000000000000";
const NO_AREA = "000000000000";
/// Parcels shown per batch: the most recent ones.
const MAX_ROUTES = 50;

const BATCH_SELECT = {
  id: true,
  traceCode: true,
  batchNo: true,
  producedOn: true,
  originAreaCode: true,
  product: {
    select: {
      name: true,
      category: true,
      spec: true,
      unit: true,
      regionalBrand: true,
      temp: true,
      shelfLifeDays: true,
      certifications: { select: { kind: true, number: true, validUntil: true }, orderBy: { kind: "asc" } },
    },
  },
  merchant: { select: { name: true, type: true, countyCode: true } },
} satisfies Prisma.ProductBatchSelect;

const day = (d: Date) => d.toISOString().slice(0, 10);
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const iso = (d: Date | null) => d?.toISOString() ?? null;
/// Device clocks drift: a scan time more than 5 minutes after the server received it is the server's.
const scanTime = (deviceAt: Date, receivedAt: Date) => (deviceAt.getTime() > receivedAt.getTime() + 5 * 60_000 ? receivedAt : deviceAt);

async function originOf(db: Db, areaCode: string) {
  const area = await db.adminArea.findUnique({
    where: { code: areaCode },
    select: { code: true, name: true, level: true, countyCode: true, parent: { select: { code: true, name: true } } },
  });
  const county = await db.county.findUnique({
    where: { code: area?.countyCode ?? areaCode.slice(0, 6) },
    select: { code: true, name: true, cityName: true },
  });
  return {
    village: area?.level === "VILLAGE" ? { code: area.code, name: area.name } : null,
    township: area?.level === "VILLAGE" ? (area.parent ?? null) : area?.level === "TOWNSHIP" ? { code: area.code, name: area.name } : null,
    county: county ? { code: county.code, name: county.name, city: county.cityName } : null,
  };
}

async function routesOf(db: Db, batchId: string): Promise<TTrace["routes"]> {
  const parcels = await db.restockShipment.findMany({
    where: { batchId, order: { status: "CONFIRMED" } },
    select: {
      shipmentId: true,
      units: true,
      order: { select: { counter: { select: { name: true, venueType: true, city: true, countyCode: true } } } },
    },
    orderBy: [{ order: { confirmedAt: "desc" } }, { shipmentId: "asc" }],
    take: MAX_ROUTES,
  });
  const ids = parcels.map((p) => p.shipmentId);
  const [shipments, scans, counties] = await Promise.all([
    db.shipment.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        status: true,
        promisedAt: true,
        legs: {
          where: { status: { not: "CANCELLED" } },
          orderBy: [{ plan: "asc" }, { seq: "asc" }],
          select: {
            fromNodeId: true,
            toNodeId: true,
            plannedDepart: true,
            plannedArrive: true,
            actualDepart: true,
            actualArrive: true,
            status: true,
          },
        },
      },
    }),
    db.scanEvent.findMany({
      where: { shipmentId: { in: ids }, outcome: { in: ["OK", "MISROUTED"] } },
      orderBy: { id: "asc" },
      select: { shipmentId: true, action: true, outcome: true, nodeId: true, deviceAt: true, receivedAt: true },
    }),
    db.county.findMany({
      where: { code: { in: [...new Set(parcels.map((p) => p.order.counter.countyCode))] } },
      select: { code: true, cityName: true },
    }),
  ]);
  const nodeIds = [
    ...new Set([...shipments.flatMap((s) => s.legs.flatMap((l) => [l.fromNodeId, l.toNodeId])), ...scans.map((s) => s.nodeId)]),
  ];
  const names = new Map(
    (await db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, name: true } })).map((n) => [n.id, n.name]),
  );
  const name = (id: string) => names.get(id) ?? "";
  const cityOf = new Map(counties.map((c) => [c.code, c.cityName]));
  const byId = new Map(shipments.map((s) => [s.id, s]));
  return parcels.flatMap((p) => {
    const s = byId.get(p.shipmentId);
    if (!s) return [];
    const c = p.order.counter;
    return [
      {
        units: p.units,
        status: s.status,
        promisedAt: iso(s.promisedAt),
        legs: s.legs.map((l) => ({
          from: name(l.fromNodeId),
          to: name(l.toNodeId),
          plannedDepart: l.plannedDepart.toISOString(),
          plannedArrive: l.plannedArrive.toISOString(),
          actualDepart: iso(l.actualDepart),
          actualArrive: iso(l.actualArrive),
          status: l.status,
        })),
        scans: scans
          .filter((x) => x.shipmentId === s.id)
          .map((x) => ({
            node: name(x.nodeId),
            action: x.outcome === "MISROUTED" ? "MISROUTED" : x.action,
            at: scanTime(x.deviceAt, x.receivedAt).toISOString(),
          })),
        counter: { name: c.name, venueType: c.venueType, city: c.city ?? cityOf.get(c.countyCode) ?? null },
      },
    ];
  });
}

export async function publicTrace(db: Db, { raw, now }: { raw: string; now: Date }): Promise<TTrace> {
  const codes = traceCodeCandidates(raw);
  const batch = await db.productBatch.findFirst({ where: { traceCode: { in: codes.length ? codes : [""] } }, select: BATCH_SELECT });
  // Known or not, the same queries run: the answer time says nothing about which codes exist.
  const [origin, routes] = await Promise.all([originOf(db, batch?.originAreaCode ?? NO_AREA), routesOf(db, batch?.id ?? NO_ID)]);
  if (!batch) throw AppError.notFound("No product matches that trace code");
  const today = shanghaiDay(now);
  const p = batch.product;
  return {
    traceCode: batch.traceCode,
    product: {
      name: p.name,
      category: p.category,
      spec: p.spec,
      unit: p.unit,
      regionalBrand: p.regionalBrand,
      temp: p.temp,
      shelfLifeDays: p.shelfLifeDays,
      certifications: p.certifications.map((c) => ({
        kind: c.kind,
        number: c.number,
        validUntil: day(c.validUntil),
        validToday: day(c.validUntil) >= today,
      })),
    },
    // A household is a family: its name is a person's name.
    merchant: {
      name: batch.merchant.type === "HOUSEHOLD" ? maskName(batch.merchant.name) : batch.merchant.name,
      type: batch.merchant.type,
    },
    origin,
    batch: { batchNo: batch.batchNo, producedOn: day(batch.producedOn) },
    routes,
  };
}
