// One scan, exactly once: the clientScanId's first result is stored and replayed; a valid scan
// advances the parcel, its legs, timeline and outbox in the same transaction as the scan record.
import type { Db, Prisma, Tx } from "@xiangda/db";
import { decideScan, type Actor, type ScanLeg, type TScanOutcome } from "@xiangda/domain";
import { notifyPickupReady, outboxEvent, shipmentsReplan } from "@xiangda/jobs";
import { writeOutbox } from "@xiangda/db";
import { missingThreeRules } from "../shipments/accept-shipment.ts";
import { refreshLight } from "../shipments/refresh-light.ts";
import { findParcel } from "./find-parcel.ts";
import type { TScan } from "./schemas.ts";
import { freeSlot, newPickupCode } from "./shelf.ts";

export interface ScanResult {
  clientScanId: string;
  outcome: TScanOutcome;
  message: string;
  shipment: { waybillNo: string; status: string; light: string; temp: string; destination: string | null; selfPickup: boolean } | null;
  nextHop: { code: string; name: string } | null;
  expected: { code: string; name: string } | null;
  shelfSlot: string | null;
}

/// Device clocks drift: an event time more than 5 minutes ahead of the server is taken as the server's.
function eventTime(deviceAt: Date, now: Date): Date {
  return deviceAt.getTime() > now.getTime() + 5 * 60_000 ? now : deviceAt;
}

/// One key order for a result, whether fresh or replayed from JSONB (which reorders keys).
function canonical(r: ScanResult): ScanResult {
  return {
    clientScanId: r.clientScanId,
    outcome: r.outcome,
    message: r.message,
    shipment: r.shipment
      ? { waybillNo: r.shipment.waybillNo, status: r.shipment.status, light: r.shipment.light, temp: r.shipment.temp, destination: r.shipment.destination, selfPickup: r.shipment.selfPickup }
      : null,
    nextHop: r.nextHop ? { code: r.nextHop.code, name: r.nextHop.name } : null,
    expected: r.expected ? { code: r.expected.code, name: r.expected.name } : null,
    shelfSlot: r.shelfSlot,
  };
}

async function stored(db: Tx, clientScanId: string): Promise<ScanResult | null> {
  const row = await db.scanEvent.findUnique({ where: { clientScanId }, select: { result: true } });
  return row ? canonical(row.result as unknown as ScanResult) : null;
}

async function save(tx: Tx, input: TScan, actor: Actor | null, result: ScanResult, shipmentId: string | null, now: Date) {
  await tx.scanEvent.create({
    data: {
      clientScanId: input.clientScanId,
      userId: actor?.userId ?? null,
      nodeId: input.nodeId,
      code: input.code.slice(0, 64),
      action: input.action,
      vehicleId: input.vehicleId ?? null,
      deviceAt: new Date(input.at),
      receivedAt: now,
      outcome: result.outcome,
      message: result.message,
      shipmentId,
      result: result as unknown as Prisma.InputJsonValue,
    },
  });
  return canonical(result);
}

const isUnique = (e: unknown) => (e as { code?: string }).code === "P2002";

export async function recordScan(db: Db, actor: Actor, input: TScan, now: Date): Promise<ScanResult> {
  const replay = await stored(db, input.clientScanId);
  if (replay) return replay;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return await db.$transaction((tx) => scanInTx(tx, actor, input, now), { timeout: 15_000 });
    } catch (e) {
      if (!isUnique(e)) throw e;
      // Either the same clientScanId raced us (replay its result), or two parcels took one shelf slot (try again).
      const again = await stored(db, input.clientScanId);
      if (again) return again;
    }
  }
  throw new Error("could not record the scan after 10 attempts");
}

async function scanInTx(tx: Tx, actor: Actor, input: TScan, now: Date): Promise<ScanResult> {
  const base = { clientScanId: input.clientScanId, shipment: null, nextHop: null, expected: null, shelfSlot: null };
  const node = await tx.node.findUnique({ where: { id: input.nodeId } });
  const allowed =
    node &&
    (actor.role === "ADMIN" || (actor.role === "COUNTY_MANAGER" && actor.countyCode === node.countyCode) || (actor.role === "STATION_STAFF" && actor.nodeId === node.id));
  if (!node || !allowed) return save(tx, input, actor, { ...base, outcome: "FORBIDDEN", message: "you may scan only at your own node" }, null, now);

  const found = await findParcel(tx, node.countyCode, node.id, input.code);
  if ("unknown" in found) return save(tx, input, actor, { ...base, outcome: "UNKNOWN_CODE", message: found.unknown }, null, now);

  // One scan of a parcel at a time, across every API process.
  await tx.$queryRaw`SELECT id FROM "Shipment" WHERE id = ${found.shipmentId}::uuid FOR UPDATE`;
  const s = await tx.shipment.findUniqueOrThrow({ where: { id: found.shipmentId } });
  const plan = await tx.shipmentLeg.aggregate({ where: { shipmentId: s.id }, _max: { plan: true } });
  const legs = await tx.shipmentLeg.findMany({ where: { shipmentId: s.id, plan: plan._max.plan ?? 0, status: { not: "CANCELLED" } }, orderBy: { seq: "asc" } });
  const nodeIds = [...new Set([...legs.flatMap((l) => [l.fromNodeId, l.toNodeId]), s.destNodeId, s.currentNodeId].filter((x): x is string => !!x))];
  const nodes = new Map((await tx.node.findMany({ where: { id: { in: nodeIds } } })).map((n) => [n.id, n]));
  const dest = s.destNodeId ? nodes.get(s.destNodeId) : undefined;
  const lastScan = await tx.scanEvent.findFirst({ where: { shipmentId: s.id, outcome: "OK" }, orderBy: { id: "desc" }, select: { action: true, nodeId: true } });

  const decision = decideScan(
    {
      status: s.status,
      currentNodeId: s.currentNodeId,
      destNodeId: s.destNodeId,
      destHasShelves: !!dest?.selfPickup,
      legs: legs.map((l): ScanLeg => ({ seq: l.seq, fromNodeId: l.fromNodeId, toNodeId: l.toNodeId, toTier: nodes.get(l.toNodeId)?.tier ?? "VILLAGE_POINT", status: l.status as ScanLeg["status"] })),
      loadedVehicleId: s.loadedVehicleId,
      missingRules: missingThreeRules(s),
      pickupCode: s.pickupCode,
      phoneLast4: s.recipientPhone.slice(-4),
      lastAction: (lastScan?.action ?? null) as never,
      lastNodeId: lastScan?.nodeId ?? null,
    },
    { action: input.action, nodeId: node.id, nodeIsHub: node.tier === "COUNTY_HUB", vehicleId: input.vehicleId ?? null, exceptionReason: input.exceptionReason ?? null, pickupCode: input.pickupCode ?? null, phoneLast4: input.phoneLast4 ?? null },
  );

  const at = eventTime(new Date(input.at), now);
  const view = (n: { code: string; name: string } | undefined | null) => (n ? { code: n.code, name: n.name } : null);
  let shelfSlot = s.shelfSlot;
  let status = s.status;
  const e = decision.effect;
  if (e) {
    const data: Prisma.ShipmentUpdateInput = { status: e.status, currentNodeId: e.currentNodeId, lastScanAt: at };
    if (e.loadedVehicleId !== undefined) data.loadedVehicleId = e.loadedVehicleId;
    if (e.exceptionReason) data.exceptionReason = e.exceptionReason;
    if (e.clearShelf) data.shelfSlot = null;
    if (e.assignShelf) {
      shelfSlot = await freeSlot(tx, node);
      Object.assign(data, { shelfSlot, pickupCode: newPickupCode(), readyForPickupAt: at });
    }
    await tx.shipment.update({ where: { id: s.id }, data });
    status = e.status;
    if (e.departLeg !== undefined) await tx.shipmentLeg.updateMany({ where: { shipmentId: s.id, plan: plan._max.plan ?? 0, seq: e.departLeg }, data: { status: "DEPARTED", actualDepart: at } });
    if (e.closeLegsBefore !== undefined) await tx.shipmentLeg.updateMany({ where: { shipmentId: s.id, plan: plan._max.plan ?? 0, seq: { lt: e.closeLegsBefore }, status: { in: ["PLANNED", "DEPARTED"] } }, data: { status: "ARRIVED" } });
    if (e.arriveLeg !== undefined) await tx.shipmentLeg.updateMany({ where: { shipmentId: s.id, plan: plan._max.plan ?? 0, seq: e.arriveLeg }, data: { status: "ARRIVED", actualArrive: at } });
    if (e.replan) {
      await tx.shipmentLeg.updateMany({ where: { shipmentId: s.id, status: "DEPARTED" }, data: { status: "CANCELLED" } });
      await writeOutbox(tx, outboxEvent(shipmentsReplan, { shipmentId: s.id, scanId: input.clientScanId }));
    }
    if (e.assignShelf) await writeOutbox(tx, outboxEvent(notifyPickupReady, { shipmentId: s.id, scanId: input.clientScanId }));
    await refreshLight(tx, s.id, now);
  }
  if (e || decision.outcome === "MISROUTED") {
    await tx.shipmentEvent.create({
      data: { shipmentId: s.id, at, type: decision.outcome === "MISROUTED" ? "MISROUTED" : input.action, nodeId: node.id, actorId: actor.userId, details: { clientScanId: input.clientScanId, message: decision.message, ...(shelfSlot && e?.assignShelf ? { shelfSlot } : {}) } },
    });
  }
  const next = decision.nextNodeId ? (nodes.get(decision.nextNodeId) ?? (await tx.node.findUnique({ where: { id: decision.nextNodeId } }))) : null;
  const expected = decision.expectedNodeId ? (nodes.get(decision.expectedNodeId) ?? (await tx.node.findUnique({ where: { id: decision.expectedNodeId } }))) : null;
  const message = decision.outcome === "MISROUTED" && expected ? `misrouted: expected at ${expected.name} (${expected.code}); a new route is being planned` : decision.message;
  return save(
    tx,
    input,
    actor,
    {
      clientScanId: input.clientScanId,
      outcome: decision.outcome,
      message,
      shipment: { waybillNo: s.waybillNo, status, light: e ? ((await tx.shipment.findUniqueOrThrow({ where: { id: s.id }, select: { light: true } })).light) : s.light, temp: s.temp, destination: dest?.name ?? null, selfPickup: s.selfPickup },
      nextHop: view(next),
      expected: view(expected),
      shelfSlot: status === "AWAITING_PICKUP" ? shelfSlot : null,
    },
    s.id,
    now,
  );
}

/// A batch keeps each parcel's scans in order and runs different parcels side by side
/// (their row locks are independent); results come back in the order sent.
export async function recordScanBatch(db: Db, actor: Actor, scans: TScan[], now: Date, parallel = 8): Promise<ScanResult[]> {
  const results: ScanResult[] = new Array<ScanResult>(scans.length);
  const byCode = new Map<string, number[]>();
  scans.forEach((s, i) => {
    const key = s.code.trim().toUpperCase();
    byCode.set(key, [...(byCode.get(key) ?? []), i]);
  });
  const chains = [...byCode.values()];
  let next = 0;
  const worker = async () => {
    while (next < chains.length) {
      const chain = chains[next++]!;
      for (const i of chain) results[i] = await recordScan(db, actor, scans[i]!, now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chains.length) }, worker));
  return results;
}
