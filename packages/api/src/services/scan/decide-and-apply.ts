// Each scan of a batch, in memory: the parcel its code names, the domain state machine's decision (the action inferred
// when none was sent), and what the decision does to the parcel read (row, legs, shelf, light), gathering the timeline
// and outbox rows for the batch's one write.
import {
  decideScan,
  inferScanAction,
  parseLoadCode,
  parseWaybill,
  scanMessage,
  scanWarning,
  shipmentLight,
  waybillProblem,
  yellowFraction,
  type Actor,
  type ScanDecision,
  type ScanInput,
  type ScanLeg,
  type ScanState,
  type ScanWarning,
  type TScanAction,
  type TScanParams,
  type TScanReason,
} from "@xiangda/domain";
import { notifyDelivered, notifyException, notifyPickupReady, outboxEvent, shipmentsReplan, type OutboxRow } from "@xiangda/jobs";
import { nodeInScope } from "../auth/scope.ts";
import { missingThreeRules } from "../shipments/accept-shipment.ts";
import { SHELF, nodeView, type EventRow, type LegRow, type NodeRow, type Parcel, type WorkScan } from "./batch-rows.ts";
import type { BatchRead } from "./read-batch.ts";
import { eventTime } from "./scan-timeline.ts";
import { canonical, why, type ScanResult } from "./scan-result.ts";
import { allSlots, newPickupCode } from "./shelf.ts";

/// What the batch's scans changed besides the parcels' rows, gathered for the one write.
export interface Changes {
  legs: Map<string, LegRow>;
  events: EventRow[];
  outbox: OutboxRow[];
  /// Parcels this batch finished: their county-days' dashboard roll-ups are brought up to date (outbox).
  finished: { countyCode: string; at: Date }[];
  /// Parcels this batch delivered: a restock parcel's units join its listing's stock (in the write).
  delivered: string[];
}

/// A batch while its scans are decided: what it read, the reads it may still need, and what it changed.
export interface Batch extends BatchRead {
  actor: Actor;
  now: Date;
  /// Scans naming a vehicle their node's county does not have (refused UNKNOWN_VEHICLE).
  unknownVehicle: Set<string>;
  loadNodes: (want: (string | null | undefined)[]) => Promise<void>;
  slotsAt: (nodeId: string) => Promise<Set<string>>;
  changes: Changes;
}

const base = { shipment: null, nextHop: null, expected: null, shelfSlot: null, warning: null };

type Answer = Omit<ScanResult, "action" | "inferred" | "warning"> & { warning?: ScanWarning | null };

/// One scan's result, and the parcel it found (to store beside it); the parcel is changed in memory, not yet written.
export async function decideAndApply(b: Batch, s: WorkScan): Promise<{ result: ScanResult; shipmentId: string | null }> {
  // The action applied: the one sent, or inferred below (a load code's parcels come with theirs).
  let action: TScanAction | null = s.action ?? null;
  const inferred = !!s.inferred || !s.action;
  const answer = (result: Answer, shipmentId: string | null) => ({
    result: canonical({ ...result, action, inferred, warning: result.warning ?? null }),
    shipmentId,
  });
  const node = b.nodes.get(s.nodeId);
  if (!node || !nodeInScope(b.actor, node)) {
    return answer({ clientScanId: s.clientScanId, outcome: "FORBIDDEN", ...why("OWN_NODE_ONLY"), ...base }, null);
  }
  if (b.unknownVehicle.has(s.clientScanId)) {
    return answer(
      { clientScanId: s.clientScanId, outcome: "UNKNOWN_CODE", ...why("UNKNOWN_VEHICLE", { vehicle: s.vehicle ?? "" }), ...base },
      null,
    );
  }
  const found = findParcel(b, s, node);
  if ("reason" in found) {
    return answer({ clientScanId: s.clientScanId, outcome: "UNKNOWN_CODE", ...why(found.reason, found.params), ...base }, null);
  }
  const p = found;
  const row = p.row;
  const current = p.legs.filter((l) => l.plan === p.plan && l.status !== "CANCELLED");
  const dest = row.destNodeId ? b.nodes.get(row.destNodeId) : undefined;
  const decided = decide(b, p, current, dest, node, s, action);
  action = decided.action;
  const decision = decided.decision;

  if (b.actor.role === "STATION_STAFF" && !decision.effect && decision.outcome === "INVALID_TRANSITION" && !concerns(p, node.id, current)) {
    return answer({ clientScanId: s.clientScanId, outcome: "INVALID_TRANSITION", ...why("NOT_HERE"), ...base }, row.id);
  }

  const at = eventTime(new Date(s.at), b.now);
  const e = decision.effect;
  // The scan record itself is the parcel's timeline entry for this scan (see scan-timeline.ts).
  if (e) {
    await applyEffect(b, p, current, node, s, e, action, at);
    updateLight(b, p);
  }
  await b.loadNodes([decision.nextNodeId, decision.expectedNodeId]);
  const expected = nodeView(b.nodes, decision.expectedNodeId);
  return answer(
    {
      clientScanId: s.clientScanId,
      outcome: decision.outcome,
      ...(decision.outcome === "MISROUTED" && expected
        ? why("MISROUTED_AT", { name: expected.name, code: expected.code })
        : { reason: decision.reason, params: decision.params ?? null, message: decision.message }),
      shipment: {
        waybillNo: row.waybillNo,
        status: row.status,
        light: row.light,
        temp: row.temp,
        destination: dest?.name ?? null,
        selfPickup: row.selfPickup,
      },
      nextHop: nodeView(b.nodes, decision.nextNodeId),
      expected,
      shelfSlot: row.status === "AWAITING_PICKUP" ? row.shelfSlot : null,
      warning: scanWarning(row, b.now),
    },
    row.id,
  );
}

type NotFound = { reason: TScanReason; params: TScanParams };

/// The parcel a scan's code names at its node: by waybill (in the node's county), on the node's shelf, or by a carrier's
/// waybill (in the county, when only one parcel has it); otherwise why none.
function findParcel(b: Batch, s: WorkScan, node: NodeRow): Parcel | NotFound {
  const code = s.code.trim().toUpperCase();
  if (code.startsWith("XD")) {
    const p = parseWaybill(code);
    if (!p.ok) {
      const problem = waybillProblem(code);
      return problem?.kind === "CHECK_DIGIT"
        ? { reason: "WAYBILL_CHECK_DIGIT", params: { code } }
        : { reason: "WAYBILL_FORMAT", params: { code: s.code.trim() } };
    }
    const parcel = b.byWaybill.get(p.value);
    return parcel && parcel.row.countyCode === node.countyCode ? parcel : { reason: "NOT_IN_COUNTY", params: { waybillNo: p.value } };
  }
  if (SHELF.test(code)) {
    const parcel = [...b.parcels.values()].find(
      (x) => x.row.currentNodeId === node.id && x.row.shelfSlot === code && x.row.status === "AWAITING_PICKUP",
    );
    return parcel ?? { reason: "SHELF_EMPTY", params: { slot: code } };
  }
  const list = [...b.parcels.values()].filter((x) => x.row.countyCode === node.countyCode && x.row.carrierWaybillNo === s.code.trim());
  if (list.length === 1) return list[0]!;
  if (list.length > 1) return { reason: "SEVERAL_CARRIERS", params: { code: s.code.trim() } };
  // A load code not expanded (see expandLoadScans): another node's load, another county's, or none. One answer for
  // all three, without its contents.
  const load = parseLoadCode(code);
  if (load.ok) return { reason: "LOAD_NOT_HERE", params: { load: load.value } };
  return { reason: "UNKNOWN_CODE", params: { code: s.code.trim() } };
}

/// What a node may be told of a parcel: it is there, or its current route starts, passes or ends there. Station staff
/// read nothing else of the county's parcels (they have no county-wide look-up), so a refused scan of any other
/// parcel says only that it is not here: no status, destination, holding node or next hop.
const concerns = (p: Parcel, nodeId: string, legs: LegRow[]) =>
  p.row.currentNodeId === nodeId || p.row.destNodeId === nodeId || legs.some((l) => l.fromNodeId === nodeId || l.toNodeId === nodeId);

/// The state machine's decision on the parcel as it stands in the batch, and the action it applies: the one sent, or
/// the one inferred from the code and the node (a refusal when none can be).
function decide(b: Batch, p: Parcel, current: LegRow[], dest: NodeRow | undefined, node: NodeRow, s: WorkScan, sent: TScanAction | null) {
  const row = p.row;
  const state: ScanState = {
    status: row.status,
    currentNodeId: row.currentNodeId,
    destNodeId: row.destNodeId,
    destHasShelves: !!dest?.selfPickup,
    legs: current.map((l): ScanLeg => ({
      seq: l.seq,
      fromNodeId: l.fromNodeId,
      toNodeId: l.toNodeId,
      toTier: b.nodes.get(l.toNodeId)?.tier ?? "VILLAGE_POINT",
      status: l.status as ScanLeg["status"],
    })),
    loadedVehicleId: row.loadedVehicleId,
    missingRules: missingThreeRules(row),
    pickupCode: row.pickupCode,
    phoneLast4: row.recipientPhone.slice(-4),
    lastAction: p.lastAction as never,
    lastNodeId: p.lastNodeId,
    // Announced upward (a restock order, a booking) and never accepted under the three rules.
    notAccepted: row.direction === "UP" && row.status === "CREATED",
    returnFlagged: !!row.returnFlaggedAt,
  };
  const asked: Omit<ScanInput, "action"> = {
    nodeId: node.id,
    nodeIsHub: node.tier === "COUNTY_HUB",
    vehicleId: s.vehicleId ?? null,
    exceptionReason: s.exceptionReason ?? null,
    pickupCode: s.pickupCode ?? null,
    phoneLast4: s.phoneLast4 ?? null,
    idChecked: s.idChecked ?? null,
    pickupCheck: node.pickupCheck,
  };
  if (sent) return { action: sent, decision: decideScan(state, { ...asked, action: sent }) };
  const guess = inferScanAction(state, asked, row.shelfSlot);
  const decision: ScanDecision =
    guess.refuse !== undefined
      ? {
          outcome: "INVALID_TRANSITION",
          reason: guess.refuse,
          ...(guess.params ? { params: guess.params } : {}),
          message: scanMessage(guess.refuse, guess.params),
          effect: null,
          expectedNodeId: guess.refuse === "PICKUP_NEEDS_CHECK" ? null : row.currentNodeId,
        }
      : decideScan(state, { ...asked, action: guess.action });
  return { action: guess.action, decision };
}

/// A decision's effect on the parcel read: its row, shelf slot and pickup code, legs, finishing, and the jobs it asks for.
async function applyEffect(
  b: Batch,
  p: Parcel,
  current: LegRow[],
  node: NodeRow,
  s: WorkScan,
  e: NonNullable<ScanDecision["effect"]>,
  action: TScanAction | null,
  at: Date,
) {
  const row = p.row;
  const { changes } = b;
  if (e.clearShelf) row.shelfSlot = null;
  if (e.status === "DELIVERED" && row.status !== "DELIVERED") changes.delivered.push(row.id);
  row.status = e.status;
  row.currentNodeId = e.currentNodeId;
  row.lastScanAt = at;
  if (e.loadedVehicleId !== undefined) row.loadedVehicleId = e.loadedVehicleId;
  if (e.exceptionReason) row.exceptionReason = e.exceptionReason;
  if (e.assignShelf) {
    const set = await b.slotsAt(node.id);
    const assigned = allSlots(node.shelfZones, node.shelfRacks, node.shelfPositions).find((x) => !set.has(x)) ?? null;
    if (assigned) set.add(assigned);
    row.shelfSlot = assigned;
    row.pickupCode = newPickupCode();
    row.readyForPickupAt = at;
  }
  const legAt = (seq: number) => current.find((l) => l.seq === seq);
  const touch = (l: LegRow) => void changes.legs.set(l.id, l);
  const depart = e.departLeg !== undefined ? legAt(e.departLeg) : undefined;
  if (depart) touch(Object.assign(depart, { status: "DEPARTED" as const, actualDepart: at }));
  if (e.closeLegsBefore !== undefined) {
    for (const l of current)
      if (l.seq < e.closeLegsBefore && (l.status === "PLANNED" || l.status === "DEPARTED"))
        touch(Object.assign(l, { status: "ARRIVED" as const }));
  }
  const arrive = e.arriveLeg !== undefined ? legAt(e.arriveLeg) : undefined;
  if (arrive) touch(Object.assign(arrive, { status: "ARRIVED" as const, actualArrive: at }));
  // Finished: arrived at its final node by its last leg (the promise is that arrival), or delivered/returned.
  const last = current.reduce<LegRow | undefined>((m, l) => (m && m.seq > l.seq ? m : l), undefined);
  if (
    !row.finishedAt &&
    ((arrive && arrive === last && node.id === row.destNodeId) ||
      // Received where it is to be picked up, with no leg to travel (announced at its own station).
      (!last && node.id === row.destNodeId && e.status === "AWAITING_PICKUP") ||
      e.status === "DELIVERED" ||
      e.status === "RETURNED")
  ) {
    row.finishedAt = at;
    changes.finished.push({ countyCode: row.countyCode, at });
  }
  if (e.replan) {
    for (const l of p.legs) if (l.status === "DEPARTED") touch(Object.assign(l, { status: "CANCELLED" as const }));
    changes.outbox.push(outboxEvent(shipmentsReplan, { shipmentId: row.id, scanId: s.clientScanId }));
  }
  if (e.assignShelf) changes.outbox.push(outboxEvent(notifyPickupReady, { shipmentId: row.id, scanId: s.clientScanId }));
  // The recipient hears of the hand-over (DELIVER / PICKUP) and of a problem (EXCEPTION, with its reason).
  if (e.status === "DELIVERED") changes.outbox.push(outboxEvent(notifyDelivered, { shipmentId: row.id, scanId: s.clientScanId }));
  if (e.status === "EXCEPTION") changes.outbox.push(outboxEvent(notifyException, { shipmentId: row.id, scanId: s.clientScanId }));
  p.lastAction = action;
  p.lastNodeId = node.id;
  p.dirty = true;
}

/// The light after this scan (the scheduled job covers the passing of time), with a timeline entry when it changes.
function updateLight(b: Batch, p: Parcel) {
  const row = p.row;
  const live = p.legs.filter((l) => l.status !== "CANCELLED");
  const finalArrival = [...live].reverse().find((l) => l.actualArrive)?.actualArrive ?? null;
  const lr = shipmentLight(
    { status: row.status, routeError: row.routeError, promisedAt: row.promisedAt, finalArrival, legs: live },
    b.now,
    yellowFraction(),
  );
  if (lr.light === row.light) return;
  b.changes.events.push({
    shipmentId: row.id,
    at: b.now,
    type: "LIGHT_CHANGED",
    nodeId: null,
    actorId: null,
    details: { from: row.light, to: lr.light, reason: lr.reason },
  });
  Object.assign(row, { light: lr.light, lightReason: lr.reason, lightChangedAt: b.now });
}
