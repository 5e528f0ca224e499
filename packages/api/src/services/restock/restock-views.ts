// What the parties and the county see of restock orders: lines, totals and each parcel's status,
// promise and light, and what has been received into stock (delivered at the counter's node). The counter's contact is masked; nobody's ID or full phone number is shown.
import type { Prisma, Tx } from "@xiangda/db";
import { maskName, maskPhone } from "@xiangda/domain";
import { sideOf } from "./access.ts";

export const RESTOCK_SELECT = {
  id: true,
  orderNo: true,
  countyCode: true,
  status: true,
  note: true,
  createdById: true,
  createdAt: true,
  confirmedAt: true,
  cancelledAt: true,
  counter: {
    select: {
      id: true,
      code: true,
      name: true,
      venueType: true,
      city: true,
      operatorName: true,
      node: { select: { name: true, contactName: true, contactPhone: true } },
    },
  },
  merchant: { select: { id: true, name: true, type: true } },
  lines: {
    select: {
      id: true,
      listingId: true,
      quantity: true,
      listing: { select: { product: { select: { name: true, spec: true, unit: true, unitWeightG: true, temp: true } } } },
      batch: { select: { id: true, batchNo: true, traceCode: true, producedOn: true } },
    },
  },
  shipments: { select: { shipmentId: true, lineId: true, batchId: true, units: true, stockedAt: true } },
} satisfies Prisma.RestockOrderSelect;

export type RestockRow = Prisma.RestockOrderGetPayload<{ select: typeof RESTOCK_SELECT }>;
interface SortableLine {
  id: string;
  listing: { product: { name: string } };
  batch: { batchNo: string } | null;
}

/// Lines in a stable order (the table has no position column): product, batch, id.
export function sortLines<T extends SortableLine>(lines: readonly T[]): T[] {
  const key = (l: SortableLine) => `${l.listing.product.name}\u0000${l.batch?.batchNo ?? ""}\u0000${l.id}`;
  return [...lines].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/// Legs travelled under earlier plans, then the latest plan: where the parcel went and is still to go.
function currentPlan<T extends { plan: number; status: string }>(legs: readonly T[]): T[] {
  const last = Math.max(0, ...legs.map((l) => l.plan));
  return legs.filter((l) => l.plan === last || l.status !== "PLANNED");
}

export async function restockViews(db: Tx, rows: readonly RestockRow[]) {
  const shipmentIds = rows.flatMap((r) => r.shipments.map((s) => s.shipmentId));
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))];
  const [shipments, creators] = await Promise.all([
    shipmentIds.length
      ? db.shipment.findMany({
          where: { id: { in: shipmentIds } },
          select: {
            id: true,
            waybillNo: true,
            status: true,
            light: true,
            lightReason: true,
            promisedAt: true,
            routeError: true,
            weightG: true,
            temp: true,
            currentNodeId: true,
            destNodeId: true,
            // The route: the legs of the current plan (a re-plan's cancelled legs left out).
            legs: {
              where: { status: { not: "CANCELLED" } },
              orderBy: [{ plan: "asc" }, { seq: "asc" }],
              select: {
                plan: true,
                fromNodeId: true,
                toNodeId: true,
                status: true,
                plannedDepart: true,
                plannedArrive: true,
                actualDepart: true,
                actualArrive: true,
              },
            },
          },
        })
      : [],
    creatorIds.length ? db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, role: true } }) : [],
  ]);
  const nodeIds = [
    ...new Set(
      shipments
        .flatMap((s) => [s.currentNodeId, s.destNodeId, ...s.legs.flatMap((l) => [l.fromNodeId, l.toNodeId])])
        .filter((x): x is string => !!x),
    ),
  ];
  const nodes = new Map(
    (nodeIds.length ? await db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, name: true } }) : []).map((n) => [
      n.id,
      n.name,
    ]),
  );
  const byId = new Map(shipments.map((s) => [s.id, s]));
  const roleOf = new Map(creators.map((u) => [u.id, u.role]));
  return rows.map((r) => {
    const batches = new Map(r.lines.flatMap((l) => (l.batch ? [[l.batch.id, l.batch.batchNo] as const] : [])));
    const received = new Map<string, number>();
    for (const rs of r.shipments) if (rs.stockedAt && rs.lineId) received.set(rs.lineId, (received.get(rs.lineId) ?? 0) + rs.units);
    const lines = sortLines(r.lines).map((l) => ({
      id: l.id,
      listingId: l.listingId,
      productName: l.listing.product.name,
      spec: l.listing.product.spec,
      unit: l.listing.product.unit,
      temp: l.listing.product.temp,
      quantity: l.quantity,
      /// Units delivered at the counter's node and added to the listing's stock.
      receivedUnits: received.get(l.id) ?? 0,
      weightG: l.quantity * l.listing.product.unitWeightG,
      batch: l.batch
        ? { id: l.batch.id, batchNo: l.batch.batchNo, traceCode: l.batch.traceCode, producedOn: day(l.batch.producedOn) }
        : null,
    }));
    const parcels = r.shipments
      .flatMap((rs) => {
        const s = byId.get(rs.shipmentId);
        if (!s) return [];
        return [
          {
            waybillNo: s.waybillNo,
            units: rs.units,
            stockedAt: rs.stockedAt?.toISOString() ?? null,
            batchNo: rs.batchId ? (batches.get(rs.batchId) ?? null) : null,
            weightG: s.weightG,
            temp: s.temp,
            status: s.status,
            light: s.light,
            lightReason: s.lightReason,
            routeError: s.routeError,
            promisedAt: s.promisedAt?.toISOString() ?? null,
            currentNode: s.currentNodeId ? (nodes.get(s.currentNodeId) ?? null) : null,
            destination: s.destNodeId ? (nodes.get(s.destNodeId) ?? null) : null,
            route: currentPlan(s.legs).map((l) => ({
              from: nodes.get(l.fromNodeId) ?? null,
              to: nodes.get(l.toNodeId) ?? null,
              status: l.status,
              plannedDepart: l.plannedDepart.toISOString(),
              plannedArrive: l.plannedArrive.toISOString(),
              actualDepart: l.actualDepart?.toISOString() ?? null,
              actualArrive: l.actualArrive?.toISOString() ?? null,
            })),
          },
        ];
      })
      .sort((a, b) => (a.waybillNo < b.waybillNo ? -1 : 1));
    return {
      id: r.id,
      orderNo: r.orderNo,
      countyCode: r.countyCode,
      status: r.status,
      note: r.note,
      createdBy: sideOf(r.createdById ? roleOf.get(r.createdById) : null),
      createdAt: r.createdAt.toISOString(),
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      counter: { id: r.counter.id, code: r.counter.code, name: r.counter.name, venueType: r.counter.venueType, city: r.counter.city },
      merchant: { id: r.merchant.id, name: r.merchant.name, type: r.merchant.type },
      recipient: {
        name: r.counter.name,
        organisation: r.counter.operatorName,
        receivedAt: r.counter.node.name,
        contactName: r.counter.node.contactName ? maskName(r.counter.node.contactName) : null,
        contactPhone: r.counter.node.contactPhone ? maskPhone(r.counter.node.contactPhone) : null,
      },
      lines,
      totals: {
        units: lines.reduce((n, l) => n + l.quantity, 0),
        receivedUnits: lines.reduce((n, l) => n + l.receivedUnits, 0),
        weightG: lines.reduce((n, l) => n + l.weightG, 0),
        parcels: parcels.length,
      },
      shipments: parcels,
    };
  });
}

export type TRestockView = Awaited<ReturnType<typeof restockViews>>[number];

export async function restockView(db: Tx, orderId: string): Promise<TRestockView> {
  const row = await db.restockOrder.findUniqueOrThrow({ where: { id: orderId }, select: RESTOCK_SELECT });
  return (await restockViews(db, [row]))[0]!;
}
