// A county manager's actions on a parcel of the exception queue: call the node (its phone), notify it (the dashboard's
// notify), re-plan the route from where the parcel is, return it to the sender, or mark it lost. Each is kept as an
// ExceptionAction (who did what when, and the answer) in the same transaction as its effect, one per client request
// id: a repeated request answers with the first result and changes nothing.
import { randomUUID } from "node:crypto";
import { Prisma, selectList, writeOutbox, type Db, type RowOf, type Tx } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { prismaQueryable, releaseStaleItems } from "../consolidation/release.ts";
import { notifyNodeAlerts } from "../dashboard/lights.ts";
import { rollupOutboxEvent } from "../dashboard/rollup-event.ts";
import { OPEN_STATUSES } from "../dashboard/sql.ts";
import { replan } from "../shipments/plan-route.ts";
import { loadRouting } from "../shipments/routing-network.ts";
import type { TExceptionActionKind } from "@xiangda/domain";
import type { TExceptionAct } from "./schemas.ts";

/// The parcel as the action reads it (locked against scans).
const PARCEL_COLS = selectList(
  "Shipment",
  ["id", "countyCode", "status", "temp", "destNodeId", "currentNodeId", "originNodeId"],
  ["status", "temp"],
);
type ParcelRow = RowOf<typeof PARCEL_COLS>;

type TResult = Record<string, string | number | boolean | null>;

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/// The node to call or notify about a parcel: the SLA watcher's (an unresolved alert), else where it is, else where it
/// started (as the queue shows it).
async function responsibleNode(tx: Tx, s: ParcelRow): Promise<string> {
  const alert = await tx.redAlert.findFirst({
    where: { shipmentId: s.id, countyCode: s.countyCode, resolvedAt: null },
    orderBy: { createdAt: "desc" },
    select: { nodeId: true },
  });
  return alert?.nodeId ?? s.currentNodeId ?? s.originNodeId;
}

/// Legs no longer to be travelled are cancelled (their items have left the open loads first, see finish).
async function cancelPlannedLegs(tx: Tx, shipmentId: string): Promise<number> {
  const r = await tx.shipmentLeg.updateMany({ where: { shipmentId, status: "PLANNED" }, data: { status: "CANCELLED" } });
  return r.count;
}

async function finish(tx: Tx, actor: Actor, s: ParcelRow, status: "RETURNED" | "LOST", nodeId: string, now: Date): Promise<TResult> {
  await tx.shipment.update({
    where: { id: s.id },
    data: { status, finishedAt: now, shelfSlot: null, loadedVehicleId: null },
  });
  // Released before the legs are cancelled, so the load records the parcel's new status as the reason.
  await releaseStaleItems(prismaQueryable(tx), { shipmentIds: [s.id] }, now);
  const legs = await cancelPlannedLegs(tx, s.id);
  await tx.redAlert.updateMany({ where: { shipmentId: s.id, resolvedAt: null }, data: { resolvedAt: now } });
  await tx.shipmentEvent.create({
    data: {
      shipmentId: s.id,
      at: now,
      type: status,
      nodeId: s.currentNodeId ?? nodeId,
      actorId: actor.userId,
      details: { by: "EXCEPTION_QUEUE" },
    },
  });
  await writeOutbox(tx, rollupOutboxEvent(s.countyCode, now));
  return { status, cancelledLegs: legs };
}

async function replanParcel(tx: Tx, s: ParcelRow, routing: Awaited<ReturnType<typeof loadRouting>>, now: Date): Promise<TResult> {
  if (!s.destNodeId) return { ok: false, routeError: "NO_DESTINATION" };
  // A parcel on a vehicle re-plans from where that leg arrives; otherwise from where it is.
  const onBoard = await tx.shipmentLeg.findFirst({
    where: { shipmentId: s.id, status: "DEPARTED" },
    orderBy: [{ plan: "desc" }, { seq: "desc" }],
  });
  const from = onBoard ? onBoard.toNodeId : (s.currentNodeId ?? s.originNodeId);
  const readyAt = onBoard && onBoard.plannedArrive > now ? onBoard.plannedArrive : now;
  const out = await replan(
    tx,
    routing,
    { shipmentId: s.id, fromNodeId: from, toNodeId: s.destNodeId, readyAt, temp: s.temp, reason: "REROUTED" },
    now,
    { by: "EXCEPTION_QUEUE" },
  );
  // (replan releases the old plan's items from the loads not yet sealed.)
  // An exception held at a node goes on with its new route.
  if (out.ok && s.status === "EXCEPTION" && s.currentNodeId)
    await tx.shipment.update({ where: { id: s.id }, data: { status: "AT_NODE", exceptionReason: null } });
  return { ok: out.ok, promisedAt: out.promisedAt?.toISOString() ?? null, routeError: out.routeError, legs: out.legs.length };
}

function present(a: { id: string; kind: string; actorName: string; at: Date; result: unknown }) {
  return {
    id: a.id,
    kind: a.kind as TExceptionActionKind,
    actorName: a.actorName,
    at: a.at.toISOString(),
    result: (a.result ?? null) as TResult | null,
  };
}

/// Does `kind` to the parcel once per client request id. CALL answers with the node's full phone (the list shows it
/// masked); the stored result keeps only who was called.
export async function actOnException(
  db: Db,
  { actor, kind, now, ...q }: { actor: Actor; kind: TExceptionActionKind; now: Date } & TExceptionAct,
) {
  const replay = async () => {
    const prior = await db.exceptionAction.findUnique({ where: { clientRequestId: q.clientRequestId } });
    if (!prior) return null;
    if (prior.shipmentId !== q.shipmentId || prior.kind !== kind || prior.countyCode !== q.countyCode || prior.actorId !== actor.userId)
      throw AppError.at("clientRequestId", "ALREADY_TAKEN").withCode("CONFLICT");
    return { action: present(prior), replayed: true, contact: kind === "CALL" ? await contactOf(db, prior.nodeId) : null };
  };
  const first = await replay();
  if (first) return first;

  const parcel = await db.shipment.findFirst({
    where: { id: q.shipmentId, countyCode: q.countyCode },
    select: { id: true, countyCode: true, status: true, temp: true, destNodeId: true, currentNodeId: true, originNodeId: true },
  });
  if (!parcel) throw AppError.notFound(`shipmentId: no such parcel in county ${q.countyCode}`);
  const routing = kind === "REPLAN" ? await loadRouting(db, q.countyCode) : null;
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } });
  const actorName = user?.displayName ?? actor.username;

  const done = await db.$transaction(async (tx) => {
    // The row first: a concurrent request with the same id waits here and then finds it taken.
    const id = randomUUID();
    const inserted = await tx.$executeRaw`
      INSERT INTO "ExceptionAction" (id, "countyCode", "shipmentId", kind, "actorId", "actorName", "clientRequestId", at)
      VALUES (${id}::uuid, ${q.countyCode}, ${q.shipmentId}::uuid, ${kind}::"ExceptionActionKind", ${actor.userId}::uuid, ${actorName},
              ${q.clientRequestId}::uuid, ${now})
      ON CONFLICT ("clientRequestId") DO NOTHING`;
    if (inserted === 0) return null;
    // The parcel as it is now, held against scans until the action is written.
    const rows = await tx.$queryRaw<ParcelRow[]>`
      SELECT ${Prisma.raw(PARCEL_COLS.sql)} FROM "Shipment" WHERE id = ${q.shipmentId}::uuid FOR UPDATE`;
    const s = rows[0]!;
    const nodeId = await responsibleNode(tx, s);
    if ((kind === "REPLAN" || kind === "RETURN" || kind === "LOST") && !isOpen(s.status))
      throw AppError.of("INVALID_TRANSITION", "PARCEL_FINISHED", { status: s.status.toLowerCase() }, { details: { status: s.status } });
    let result: TResult;
    if (kind === "CALL") {
      const node = await tx.node.findUnique({ where: { id: nodeId }, select: { code: true, name: true, contactName: true } });
      result = { nodeCode: node?.code ?? null, nodeName: node?.name ?? null, contactName: node?.contactName ?? null };
    } else if (kind === "NOTIFY") {
      const node = await tx.node.findUnique({ where: { id: nodeId }, select: { code: true, name: true } });
      const r = await notifyNodeAlerts(tx, actor, { countyCode: q.countyCode, nodeId, requestId: q.clientRequestId }, now);
      result = { nodeCode: node?.code ?? null, nodeName: node?.name ?? null, alerts: r.alerts };
    } else if (kind === "REPLAN") result = await replanParcel(tx, s, routing!, now);
    else result = await finish(tx, actor, s, kind === "RETURN" ? "RETURNED" : "LOST", nodeId, now);
    return tx.exceptionAction.update({ where: { id }, data: { nodeId, result } });
  });
  if (!done) {
    const again = await replay();
    if (again) return again;
    throw AppError.at("clientRequestId", "ALREADY_TAKEN").withCode("CONFLICT");
  }
  return { action: present(done), replayed: false, contact: kind === "CALL" ? await contactOf(db, done.nodeId) : null };
}

async function contactOf(db: Db, nodeId: string | null) {
  if (!nodeId) return null;
  const node = await db.node.findUnique({
    where: { id: nodeId },
    select: { code: true, name: true, contactName: true, contactPhone: true },
  });
  return node ? { nodeCode: node.code, nodeName: node.name, contactName: node.contactName, contactPhone: node.contactPhone } : null;
}
