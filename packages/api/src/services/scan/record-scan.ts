// Scans, exactly once, in two round trips whatever the batch size. A call (one scan or up to 500)
// reads every parcel it names with their legs, last scans, stored results and nodes in one
// statement; decides each scan in memory with the domain state machine (scans of one parcel in the
// order sent); and writes parcels, legs, timeline, outbox and the scan records in one statement
// (with the stock of listings whose restock parcels were delivered), which is atomic on its own. Concurrency is optimistic: the write names the row version (xmin) of
// every parcel it read and fails as a whole when another writer got there first (or a racing
// duplicate clientScanId hit the unique index); the call then runs again on fresh data, where a
// duplicate finds the stored first result.
import { createHash, randomUUID } from "node:crypto";
import type { Db, PgPool } from "@xiangda/db";
import { pgPool, withPgClient } from "@xiangda/db";
import {
  decideScan,
  inferScanAction,
  scanWarning,
  type ScanWarning,
  type TPickupCheck,
  type TScanAction,
  looksLikeLoadCode,
  parseLoadCode,
  parseWaybill,
  waybillProblem,
  shipmentLight,
  yellowFraction,
  type Actor,
  scanMessage,
  type ScanLeg,
  type ScanDecision,
  type ScanInput,
  type ScanState,
  type TScanOutcome,
  type TScanParams,
  type TScanReason,
} from "@xiangda/domain";
import { consolidationAssign, notifyPickupReady, outboxEvent, shipmentsReplan, type OutboxRow } from "@xiangda/jobs";
import { countyInScope, mayScanAt, nodeInScope } from "../auth/scope.ts";
import { missingThreeRules } from "../shipments/accept-shipment.ts";
import type { TScan } from "./schemas.ts";
import { allSlots, newPickupCode } from "./shelf.ts";
import { rollupOutboxEvents } from "../dashboard/rollup-event.ts";
import { eventTime } from "./scan-timeline.ts";
import { releaseStaleItems } from "../consolidation/release.ts";

export interface ScanResult {
  clientScanId: string;
  outcome: TScanOutcome;
  /// The action applied: the one sent, or the one inferred from the code and the node (null when none could be).
  action: TScanAction | null;
  /// The action was not sent but inferred.
  inferred: boolean;
  /// The code of `message` (SCAN_REASONS) and its parameters, for clients that show it in their own language;
  /// null on results stored before reasons were recorded.
  reason: TScanReason | null;
  params: TScanParams | null;
  message: string;
  shipment: { waybillNo: string; status: string; light: string; temp: string; destination: string | null; selfPickup: boolean } | null;
  nextHop: { code: string; name: string } | null;
  expected: { code: string; name: string } | null;
  shelfSlot: string | null;
  /// Late, behind plan or without a route: said beside the outcome (a valid scan still succeeds).
  warning: ScanWarning | null;
}

/// One key order for a result, whether fresh or replayed from JSONB (which reorders keys). Results stored before
/// `action` was recorded take the stored scan's.
function canonical(r: ScanResult, storedAction?: string | null): ScanResult {
  return {
    clientScanId: r.clientScanId,
    outcome: r.outcome,
    action: r.action !== undefined ? r.action : ((storedAction ?? null) as TScanAction | null),
    inferred: r.inferred ?? false,
    reason: r.reason ?? null,
    params: r.params ?? null,
    message: r.message,
    shipment: r.shipment
      ? {
          waybillNo: r.shipment.waybillNo,
          status: r.shipment.status,
          light: r.shipment.light,
          temp: r.shipment.temp,
          destination: r.shipment.destination,
          selfPickup: r.shipment.selfPickup,
        }
      : null,
    nextHop: r.nextHop ? { code: r.nextHop.code, name: r.nextHop.name } : null,
    expected: r.expected ? { code: r.expected.code, name: r.expected.name } : null,
    shelfSlot: r.shelfSlot,
    warning: r.warning ? { code: r.warning.code, params: r.warning.params, message: r.warning.message } : null,
  };
}

const SHELF = /^[A-Z]-\d{2}-\d{2}$/;
const RETRYABLE = new Set(["23505", "22012", "40P01", "40001"]); // unique violation, stale read (see WRITE_SQL), deadlock, serialization

interface NodeRow {
  id: string;
  countyCode: string;
  code: string;
  name: string;
  tier: "COUNTY_HUB" | "TOWNSHIP_STATION" | "VILLAGE_POINT";
  selfPickup: boolean;
  shelfZones: string;
  shelfRacks: number;
  shelfPositions: number;
  pickupCheck: TPickupCheck;
}

interface ParcelRow {
  id: string;
  countyCode: string;
  waybillNo: string;
  carrierWaybillNo: string | null;
  direction: string;
  status: string;
  currentNodeId: string | null;
  destNodeId: string | null;
  selfPickup: boolean;
  temp: string;
  recipientPhone: string;
  senderIdHash: string | null;
  senderOrgCode: string | null;
  senderName: string | null;
  inspection: unknown;
  screening: unknown;
  shelfSlot: string | null;
  pickupCode: string | null;
  readyForPickupAt: Date | null;
  loadedVehicleId: string | null;
  exceptionReason: string | null;
  lastScanAt: Date | null;
  promisedAt: Date | null;
  routeError: string | null;
  light: string;
  lightReason: string | null;
  lightChangedAt: Date | null;
  finishedAt: Date | null;
  returnFlaggedAt: Date | null;
}

interface LegRow {
  id: string;
  shipmentId: string;
  plan: number;
  seq: number;
  fromNodeId: string;
  toNodeId: string;
  status: "PLANNED" | "DEPARTED" | "ARRIVED" | "CANCELLED";
  plannedDepart: Date;
  plannedArrive: Date;
  actualDepart: Date | null;
  actualArrive: Date | null;
}

/// A parcel while the batch works on it: its row, its legs and what changed.
interface Parcel {
  row: ParcelRow;
  legs: LegRow[];
  plan: number;
  lastAction: string | null;
  lastNodeId: string | null;
  dirty: boolean;
}

const NODE_COLS = `id, "countyCode", code, name, tier::text AS tier, "selfPickup", "shelfZones", "shelfRacks", "shelfPositions", "pickupCheck"::text AS "pickupCheck"`;
const PARCEL_COLS = `id, "countyCode", "waybillNo", "carrierWaybillNo", direction::text AS direction, status::text AS status, "currentNodeId", "destNodeId",
  "selfPickup", temp::text AS temp, "recipientPhone", "senderIdHash", "senderOrgCode", "senderName", inspection, screening, "shelfSlot", "pickupCode",
  "readyForPickupAt", "loadedVehicleId", "exceptionReason", "lastScanAt", "promisedAt", "routeError", light::text AS light, "lightReason", "lightChangedAt", "finishedAt", "returnFlaggedAt"`;

export async function recordScan(db: Db, actor: Actor, input: TScan, now: Date): Promise<ScanResult> {
  return (await recordScanBatch(db, actor, [input], now))[0]!;
}

/// Results come back in the order sent, one per scan.
export async function recordScanBatch(db: Db, actor: Actor, scans: TScan[], now: Date): Promise<ScanResult[]> {
  const pool = pgPool(db);
  for (let attempt = 0; ; attempt++) {
    try {
      return await runBatch(pool, actor, scans, now);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= 9) throw e;
    }
  }
}

/// Resolves every code and reads the parcels (with their row versions), their legs, last scans,
/// stored results and nodes, in one statement and so one snapshot.
const READ_SQL = `
WITH cand AS (
  SELECT id FROM "Shipment" WHERE "waybillNo" = ANY($1::text[]) AND ($5::varchar IS NULL OR "countyCode" = $5)
  UNION SELECT id FROM "Shipment" WHERE "carrierWaybillNo" = ANY($2::text[]) AND ($5::varchar IS NULL OR "countyCode" = $5)
  UNION SELECT s.id FROM "Shipment" s JOIN unnest($3::uuid[], $4::text[]) AS q(node, slot) ON s."currentNodeId" = q.node AND s."shelfSlot" = q.slot
    WHERE s.status = 'AWAITING_PICKUP'
),
locked AS (SELECT xmin::text AS v, ${PARCEL_COLS} FROM "Shipment" WHERE id IN (SELECT id FROM cand)),
legs AS (
  SELECT id, "shipmentId", plan, seq, "fromNodeId", "toNodeId", status::text AS status, "plannedDepart", "plannedArrive", "actualDepart", "actualArrive"
  FROM "ShipmentLeg" WHERE "shipmentId" IN (SELECT id FROM cand)
),
last AS (
  SELECT DISTINCT ON ("shipmentId") "shipmentId", action, "nodeId" FROM "ScanEvent"
  WHERE "shipmentId" IN (SELECT id FROM cand) AND outcome = 'OK' ORDER BY "shipmentId", id DESC
),
nodes AS (
  SELECT ${NODE_COLS} FROM "Node"
  WHERE id = ANY($6::uuid[]) OR id IN (SELECT "fromNodeId" FROM legs UNION SELECT "toNodeId" FROM legs UNION SELECT "destNodeId" FROM locked UNION SELECT "currentNodeId" FROM locked)
)
SELECT
  (SELECT coalesce(json_agg(x), '[]') FROM locked x) AS parcels,
  (SELECT coalesce(json_agg(x ORDER BY "shipmentId", plan, seq), '[]') FROM legs x) AS legs,
  (SELECT coalesce(json_agg(x), '[]') FROM last x) AS last,
  (SELECT coalesce(json_agg(json_build_object('clientScanId', "clientScanId", 'result', result, 'action', action)), '[]') FROM "ScanEvent" WHERE "clientScanId" = ANY($7::uuid[])) AS replays,
  (SELECT coalesce(json_agg(x), '[]') FROM nodes x) AS nodes`;

interface ReadRow {
  parcels: (ParcelRow & { v: string })[];
  legs: LegRow[];
  last: { shipmentId: string; action: string; nodeId: string }[];
  replays: { clientScanId: string; result: ScanResult; action: string }[];
  nodes: NodeRow[];
}

// JSON carries times as strings.
const date = (x: Date | string | null): Date | null => (x === null ? null : new Date(x));

/// A scan while the batch works on it: `inferred` when its action was not sent (a load code's parcels inherit it).
type WorkScan = TScan & { inferred?: boolean };

/// Vehicles named by id, number or plate (`vehicle`), within each scanning node's county: the scans with the id filled
/// in, and the ids of scans naming no vehicle there (refused UNKNOWN_VEHICLE).
async function resolveVehicles(c: PgPool, input: TScan[], mayTry: (s: TScan) => boolean) {
  const unknown = new Set<string>();
  const want = input.map((s, i) => ({ s, i })).filter(({ s }) => mayTry(s) && !s.vehicleId && s.vehicle);
  if (!want.length) return { scans: input, unknown };
  const key = (v: string) => v.replace(/\s+/g, "").toUpperCase();
  const r = await c.query<{ i: number; id: string; rank: number }>(
    `SELECT q.i, v.id, CASE WHEN v.id::text = lower(q.key) THEN 0 WHEN upper(regexp_replace(v.number, '\\s', '', 'g')) = q.key THEN 1 ELSE 2 END AS rank
     FROM unnest($1::int[], $2::uuid[], $3::text[]) AS q(i, node, key)
     JOIN "Node" n ON n.id = q.node
     JOIN "Vehicle" v ON v."countyCode" = n."countyCode"
       AND (v.id::text = lower(q.key) OR upper(regexp_replace(v.number, '\\s', '', 'g')) = q.key OR upper(regexp_replace(v.plate, '\\s', '', 'g')) = q.key)
     ORDER BY q.i, rank`,
    [want.map((w) => w.i), want.map((w) => w.s.nodeId), want.map((w) => key(w.s.vehicle!))],
  );
  const found = new Map<number, string>();
  for (const x of r.rows) if (!found.has(x.i)) found.set(x.i, x.id);
  const scans = input.map((s, i) => {
    const id = found.get(i);
    if (id) return { ...s, vehicleId: id };
    if (want.some((w) => w.i === i)) unknown.add(s.clientScanId);
    return s;
  });
  return { scans, unknown };
}

async function runBatch(c: PgPool, actor: Actor, sent: TScan[], now: Date): Promise<ScanResult[]> {
  // Station staff scan only at their own node; the county's managers only find their county's parcels.
  const mayTry = (s: TScan) => mayScanAt(actor, s.nodeId);
  const { scans: input, unknown: unknownVehicle } = await resolveVehicles(c, sent, mayTry);
  // A load's barcode stands for every parcel in it: each gets a scan of its own, right after it.
  const { scans, top, headers } = await expandLoadScans(c, actor, input, (s) => mayTry(s) && !unknownVehicle.has(s.clientScanId));
  const results = new Array<ScanResult | undefined>(scans.length);
  const waybills = new Set<string>();
  const carrierCodes = new Set<string>();
  const shelves: { nodeId: string; slot: string }[] = [];
  for (const s of scans) {
    if (!mayTry(s)) continue;
    const code = s.code.trim().toUpperCase();
    if (code.startsWith("XD")) {
      const p = parseWaybill(code);
      if (p.ok) waybills.add(p.value);
    } else if (SHELF.test(code)) shelves.push({ nodeId: s.nodeId, slot: code });
    else carrierCodes.add(s.code.trim());
  }
  const county = actor.role === "ADMIN" ? null : actor.countyCode;
  const params = [
    [...waybills],
    [...carrierCodes],
    shelves.map((x) => x.nodeId),
    shelves.map((x) => x.slot),
    county,
    [...new Set(scans.map((s) => s.nodeId))],
    [...new Set(scans.map((s) => s.clientScanId))],
  ];
  const read = (await c.query<ReadRow>({ name: "xd_scan_read", text: READ_SQL, values: params })).rows[0]!;

  const done = new Map(read.replays.map((x) => [x.clientScanId, canonical(x.result, x.action)]));
  const nodes = new Map(read.nodes.map((n) => [n.id, n]));
  const loadNodes = async (want: (string | null | undefined)[]) => {
    const missing = [...new Set(want.filter((x): x is string => !!x && !nodes.has(x)))];
    if (!missing.length) return;
    const r = await c.query<NodeRow>(`SELECT ${NODE_COLS} FROM "Node" WHERE id = ANY($1::uuid[])`, [missing]);
    for (const n of r.rows) nodes.set(n.id, n);
  };
  const allowed = (n: NodeRow | undefined): n is NodeRow => !!n && nodeInScope(actor, n);

  const parcels = new Map<string, Parcel>();
  const lastBy = new Map(read.last.map((r) => [r.shipmentId, r]));
  const versions = new Map<string, string>();
  for (const { v, ...x } of read.parcels) {
    versions.set(x.id, v);
    const row: ParcelRow = {
      ...x,
      readyForPickupAt: date(x.readyForPickupAt),
      lastScanAt: date(x.lastScanAt),
      promisedAt: date(x.promisedAt),
      lightChangedAt: date(x.lightChangedAt),
      finishedAt: date(x.finishedAt),
      returnFlaggedAt: date(x.returnFlaggedAt),
    };
    parcels.set(row.id, {
      row,
      legs: [],
      plan: 0,
      lastAction: lastBy.get(row.id)?.action ?? null,
      lastNodeId: lastBy.get(row.id)?.nodeId ?? null,
      dirty: false,
    });
  }
  for (const x of read.legs) {
    const p = parcels.get(x.shipmentId);
    if (!p) continue;
    p.legs.push({
      ...x,
      plannedDepart: date(x.plannedDepart)!,
      plannedArrive: date(x.plannedArrive)!,
      actualDepart: date(x.actualDepart),
      actualArrive: date(x.actualArrive),
    });
    p.plan = Math.max(p.plan, x.plan);
  }
  const byWaybill = new Map([...parcels.values()].map((p) => [p.row.waybillNo, p]));

  // Shelf slots taken per node, read once per node that needs one. A slot freed in this batch is
  // not handed out again in it (one UPDATE writes all parcels, and the unique index checks row by row).
  const taken = new Map<string, Set<string>>();
  const slotsAt = async (nodeId: string) => {
    let set = taken.get(nodeId);
    if (!set) {
      const r = await c.query<{ id: string; shelfSlot: string }>(
        `SELECT id, "shelfSlot" FROM "Shipment" WHERE "currentNodeId" = $1::uuid AND status = 'AWAITING_PICKUP' AND "shelfSlot" IS NOT NULL`,
        [nodeId],
      );
      set = new Set(r.rows.map((x) => x.shelfSlot));
      for (const p of parcels.values()) if (p.row.currentNodeId === nodeId && p.row.shelfSlot) set.add(p.row.shelfSlot);
      taken.set(nodeId, set);
    }
    return set;
  };

  const events: { shipmentId: string; at: Date; type: string; nodeId: string | null; actorId: string | null; details: object }[] = [];
  const outbox: OutboxRow[] = [];
  const scanRows: { s: TScan; result: ScanResult; shipmentId: string | null }[] = [];
  const changedLegs = new Map<string, LegRow>();
  const fresh = new Map<string, ScanResult>();
  const base = { shipment: null, nextHop: null, expected: null, shelfSlot: null, warning: null };
  const view = (id: string | null | undefined) => {
    const n = id ? nodes.get(id) : undefined;
    return n ? { code: n.code, name: n.name } : null;
  };

  type NotFound = { reason: TScanReason; params: TScanParams };
  const find = (s: TScan, node: NodeRow): Parcel | NotFound => {
    const code = s.code.trim().toUpperCase();
    if (code.startsWith("XD")) {
      const p = parseWaybill(code);
      if (!p.ok) {
        const problem = waybillProblem(code);
        return problem?.kind === "CHECK_DIGIT"
          ? { reason: "WAYBILL_CHECK_DIGIT", params: { code } }
          : { reason: "WAYBILL_FORMAT", params: { code: s.code.trim() } };
      }
      const parcel = byWaybill.get(p.value);
      return parcel && parcel.row.countyCode === node.countyCode ? parcel : { reason: "NOT_IN_COUNTY", params: { waybillNo: p.value } };
    }
    if (SHELF.test(code)) {
      const parcel = [...parcels.values()].find(
        (x) => x.row.currentNodeId === node.id && x.row.shelfSlot === code && x.row.status === "AWAITING_PICKUP",
      );
      return parcel ?? { reason: "SHELF_EMPTY", params: { slot: code } };
    }
    const list = [...parcels.values()].filter((x) => x.row.countyCode === node.countyCode && x.row.carrierWaybillNo === s.code.trim());
    if (list.length === 1) return list[0]!;
    if (list.length > 1) return { reason: "SEVERAL_CARRIERS", params: { code: s.code.trim() } };
    // A load code not expanded (see expandLoadScans): another node's load, another county's, or none. One answer for
    // all three, without its contents.
    const load = parseLoadCode(code);
    if (load.ok) return { reason: "LOAD_NOT_HERE", params: { load: load.value } };
    return { reason: "UNKNOWN_CODE", params: { code: s.code.trim() } };
  };

  /// What a node may be told of a parcel: it is there, or its current route starts, passes or ends there. Station staff
  /// read nothing else of the county's parcels (they have no county-wide look-up), so a refused scan of any other
  /// parcel says only that it is not here: no status, destination, holding node or next hop.
  const concerns = (p: Parcel, nodeId: string, legs: LegRow[]) =>
    p.row.currentNodeId === nodeId || p.row.destNodeId === nodeId || legs.some((l) => l.fromNodeId === nodeId || l.toNodeId === nodeId);

  const readyAt = new Set<string>();
  /// Parcels this batch finished: their county-days' dashboard roll-ups are brought up to date (outbox).
  const finished: { countyCode: string; at: Date }[] = [];
  /// Parcels this batch delivered: a restock parcel's units join its listing's stock (in the write).
  const delivered: string[] = [];
  for (let i = 0; i < scans.length; i++) {
    const s = scans[i]!;
    const prior = done.get(s.clientScanId) ?? fresh.get(s.clientScanId);
    if (prior) {
      results[i] = prior;
      continue;
    }
    // The action applied: the one sent, or inferred below (a load code's parcels come with theirs).
    let action: TScanAction | null = s.action ?? null;
    const inferred = !!s.inferred || !s.action;
    const record = (
      result: Omit<ScanResult, "action" | "inferred" | "warning"> & { warning?: ScanWarning | null },
      shipmentId: string | null,
    ) => {
      const r = canonical({ ...result, action, inferred, warning: result.warning ?? null });
      results[i] = r;
      fresh.set(s.clientScanId, r);
      scanRows.push({ s, result: r, shipmentId });
    };
    if (headers.has(i)) continue; // summed up once its parcels are done
    const node = nodes.get(s.nodeId);
    if (!allowed(node)) {
      record({ clientScanId: s.clientScanId, outcome: "FORBIDDEN", ...why("OWN_NODE_ONLY"), ...base }, null);
      continue;
    }
    if (unknownVehicle.has(s.clientScanId)) {
      record(
        { clientScanId: s.clientScanId, outcome: "UNKNOWN_CODE", ...why("UNKNOWN_VEHICLE", { vehicle: s.vehicle ?? "" }), ...base },
        null,
      );
      continue;
    }
    const found = find(s, node);
    if ("reason" in found) {
      record({ clientScanId: s.clientScanId, outcome: "UNKNOWN_CODE", ...why(found.reason, found.params), ...base }, null);
      continue;
    }
    const p = found;
    const row = p.row;
    const current = p.legs.filter((l) => l.plan === p.plan && l.status !== "CANCELLED");
    const dest = row.destNodeId ? nodes.get(row.destNodeId) : undefined;
    const state: ScanState = {
      status: row.status as never,
      currentNodeId: row.currentNodeId,
      destNodeId: row.destNodeId,
      destHasShelves: !!dest?.selfPickup,
      legs: current.map((l): ScanLeg => ({
        seq: l.seq,
        fromNodeId: l.fromNodeId,
        toNodeId: l.toNodeId,
        toTier: nodes.get(l.toNodeId)?.tier ?? "VILLAGE_POINT",
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
    let decision: ScanDecision;
    if (action) decision = decideScan(state, { ...asked, action });
    else {
      const guess = inferScanAction(state, asked, row.shelfSlot);
      action = guess.action;
      decision =
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
    }

    if (actor.role === "STATION_STAFF" && !decision.effect && decision.outcome === "INVALID_TRANSITION" && !concerns(p, node.id, current)) {
      record({ clientScanId: s.clientScanId, outcome: "INVALID_TRANSITION", ...why("NOT_HERE"), ...base }, row.id);
      continue;
    }

    const at = eventTime(new Date(s.at), now);
    const e = decision.effect;
    let assigned: string | null = null;
    if (e) {
      if (e.clearShelf) row.shelfSlot = null;
      if (e.status === "DELIVERED" && row.status !== "DELIVERED") delivered.push(row.id);
      row.status = e.status;
      row.currentNodeId = e.currentNodeId;
      row.lastScanAt = at;
      if (e.loadedVehicleId !== undefined) row.loadedVehicleId = e.loadedVehicleId;
      if (e.exceptionReason) row.exceptionReason = e.exceptionReason;
      if (e.assignShelf) {
        const set = await slotsAt(node.id);
        assigned = allSlots(node.shelfZones, node.shelfRacks, node.shelfPositions).find((x) => !set.has(x)) ?? null;
        if (assigned) set.add(assigned);
        row.shelfSlot = assigned;
        row.pickupCode = newPickupCode();
        row.readyForPickupAt = at;
      }
      const legAt = (seq: number) => current.find((l) => l.seq === seq);
      const touch = (l: LegRow) => void changedLegs.set(l.id, l);
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
        finished.push({ countyCode: row.countyCode, at });
      }
      if (e.replan) {
        for (const l of p.legs) if (l.status === "DEPARTED") touch(Object.assign(l, { status: "CANCELLED" as const }));
        outbox.push(outboxEvent(shipmentsReplan, { shipmentId: row.id, scanId: s.clientScanId }));
      }
      if (e.assignShelf) outbox.push(outboxEvent(notifyPickupReady, { shipmentId: row.id, scanId: s.clientScanId }));
      p.lastAction = action;
      p.lastNodeId = node.id;
      p.dirty = true;
    }
    // The scan record itself is the parcel's timeline entry for this scan (see scan-timeline.ts).
    if (e) {
      // The light after this scan (the scheduled job covers the passing of time).
      const live = p.legs.filter((l) => l.status !== "CANCELLED");
      const finalArrival = [...live].reverse().find((l) => l.actualArrive)?.actualArrive ?? null;
      const lr = shipmentLight(
        { status: row.status, routeError: row.routeError, promisedAt: row.promisedAt, finalArrival, legs: live },
        now,
        yellowFraction(),
      );
      if (lr.light !== row.light) {
        events.push({
          shipmentId: row.id,
          at: now,
          type: "LIGHT_CHANGED",
          nodeId: null,
          actorId: null,
          details: { from: row.light, to: lr.light, reason: lr.reason },
        });
        Object.assign(row, { light: lr.light, lightReason: lr.reason, lightChangedAt: now });
      }
    }
    await loadNodes([decision.nextNodeId, decision.expectedNodeId]);
    const expected = view(decision.expectedNodeId);
    record(
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
        nextHop: view(decision.nextNodeId),
        expected,
        shelfSlot: row.status === "AWAITING_PICKUP" ? row.shelfSlot : null,
        warning: scanWarning(row, now),
      },
      row.id,
    );
  }

  // Each load scan: one record of its own summing up its parcels' outcomes.
  for (const [i, h] of headers) {
    if (results[i]) continue;
    const s = scans[i]!;
    const r = summarizeLoadScan(s, h, results.slice(i + 1, i + 1 + h.children), view(h.toNodeId));
    results[i] = r;
    fresh.set(s.clientScanId, r);
    scanRows.push({ s, result: r, shipmentId: null });
  }
  // Parcels now waiting at a node for their next leg join that leg's load.
  for (const p of parcels.values()) if (p.dirty && p.row.status === "AT_NODE" && p.row.currentNodeId) readyAt.add(p.row.currentNodeId);
  if (readyAt.size)
    outbox.push(
      outboxEvent(consolidationAssign, { nodeIds: [...readyAt].sort(), key: `scan-${scanRows[0]?.s.clientScanId ?? randomUUID()}` }),
    );

  outbox.push(...rollupOutboxEvents(finished, now));
  await writeAll(c, actor, now, {
    versions,
    parcels: [...parcels.values()].filter((p) => p.dirty).map((p) => p.row),
    legs: [...changedLegs.values()],
    events,
    outbox,
    scanRows,
    delivered,
  });
  await markLoads(c, scans, headers, results);
  // Legs this batch completed (handed over, arrived, delivered, shelved, in exception) leave their open loads (#17).
  await releaseStaleItems(c, { shipmentIds: [...parcels.values()].filter((p) => p.dirty).map((p) => p.row.id) }, now);
  return top.map((i) => results[i]!);
}

interface LoadHeader {
  loadId: string;
  code: string;
  toNodeId: string | null;
  nodeId: string;
  /// How many parcel scans follow it in the work list.
  children: number;
  refused: { reason: TScanReason; params: TScanParams } | null;
}

/// The same load scan always expands to the same parcel scan ids (a retry replays them).
function childScanId(parent: string, waybillNo: string): string {
  const h = createHash("sha1").update(`${parent}/${waybillNo}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

async function expandLoadScans(c: PgPool, actor: Actor, input: TScan[], mayTry: (s: TScan) => boolean) {
  const scans: WorkScan[] = [];
  const codes = [...new Set(input.filter((s) => mayTry(s) && looksLikeLoadCode(s.code)).map((s) => s.code.trim().toUpperCase()))];
  const top = input.map((_, i) => i);
  const headers = new Map<number, LoadHeader>();
  if (!codes.length) return { scans: input as WorkScan[], top, headers };
  const rows = (
    await c.query<{
      loadId: string;
      code: string;
      countyCode: string;
      nodeId: string;
      toNodeId: string | null;
      waybillNo: string | null;
      vehicleId: string | null;
    }>(
      `SELECT l.id AS "loadId", l.code, l."countyCode", l."nodeId", l."toNodeId", s."waybillNo", lv."vehicleId"
       FROM "Load" l LEFT JOIN "LoadItem" i ON i."loadId" = l.id AND i.status = 'ASSIGNED'
       LEFT JOIN "Shipment" s ON s.id = i."shipmentId" LEFT JOIN "LoadVehicle" lv ON lv.id = i."loadVehicleId"
       WHERE l.code = ANY($1::text[]) ORDER BY l.code, s."waybillNo"`,
      [codes],
    )
  ).rows.filter((r) => countyInScope(actor, r.countyCode));
  input.forEach((sent, k) => {
    top[k] = scans.length;
    let s: WorkScan = sent;
    scans.push(s);
    const code = s.code.trim().toUpperCase();
    // A load is scanned where it leaves from or where it goes to, by anyone (a manager too): its parcels are nowhere
    // else. Elsewhere its code is not expanded, and find() answers LOAD_NOT_HERE with none of its contents.
    const mine =
      mayTry(s) && looksLikeLoadCode(code) ? rows.filter((r) => r.code === code && (r.nodeId === s.nodeId || r.toNodeId === s.nodeId)) : [];
    if (!mine.length) return;
    const first = mine[0]!;
    // No action sent: a load leaving from here is loaded (onto the vehicle set, or each parcel's planned one), a load
    // coming here arrives.
    if (!s.action) {
      s = { ...s, action: mine.some((r) => r.nodeId === s.nodeId) ? "LOAD" : "ARRIVE", inferred: true };
      scans[scans.length - 1] = s;
    }
    const act = s.action!;
    const vehicles = new Set(mine.map((r) => r.vehicleId).filter(Boolean));
    let refused: LoadHeader["refused"] = null;
    if (act === "LOAD" && s.vehicleId && vehicles.size && !vehicles.has(s.vehicleId))
      refused = { reason: "VEHICLE_NOT_ON_LOAD", params: { load: code } };
    if (!["LOAD", "DEPART", "ARRIVE", "HANDOVER"].includes(act)) refused = { reason: "LOAD_ACTION", params: { action: act.toLowerCase() } };
    const items = refused
      ? []
      : mine.filter((r) => r.waybillNo && (act !== "LOAD" || !s.vehicleId || !vehicles.size || r.vehicleId === s.vehicleId));
    headers.set(scans.length - 1, {
      loadId: first.loadId,
      code,
      toNodeId: first.toNodeId,
      nodeId: first.nodeId,
      children: items.length,
      refused,
    });
    for (const r of items) {
      const vehicleId = act === "LOAD" ? (s.vehicleId ?? r.vehicleId ?? undefined) : s.vehicleId;
      scans.push({
        ...s,
        clientScanId: childScanId(s.clientScanId, r.waybillNo!),
        code: r.waybillNo!,
        ...(vehicleId ? { vehicleId } : {}),
      });
    }
  });
  return { scans, top, headers };
}

function summarizeLoadScan(
  s: WorkScan,
  h: LoadHeader,
  children: (ScanResult | undefined)[],
  next: { code: string; name: string } | null,
): ScanResult {
  const action = s.action!;
  const base = {
    clientScanId: s.clientScanId,
    action,
    inferred: !!s.inferred,
    shipment: null,
    nextHop: next,
    expected: null,
    shelfSlot: null,
    warning: null,
  };
  if (h.refused) return { ...base, outcome: "INVALID_TRANSITION", ...why(h.refused.reason, h.refused.params) };
  if (!children.length) return { ...base, outcome: "INVALID_TRANSITION", ...why("LOAD_EMPTY", { load: h.code }) };
  const count = new Map<string, number>();
  for (const r of children) count.set(r!.outcome, (count.get(r!.outcome) ?? 0) + 1);
  const ok = count.get("OK") ?? 0;
  const dup = count.get("DUPLICATE") ?? 0;
  const other = children.length - ok - dup;
  const outcome: TScanOutcome = ok + dup === children.length ? (ok ? "OK" : "DUPLICATE") : "INVALID_TRANSITION";
  const firstRefusal = children.find((r) => r!.outcome !== "OK" && r!.outcome !== "DUPLICATE");
  const params: TScanParams = { load: h.code, n: children.length, ok, action: action.toLowerCase() };
  if (dup) params.dup = dup;
  if (other) Object.assign(params, { refused: other, first: firstRefusal!.shipment?.waybillNo ?? "", firstMessage: firstRefusal!.message });
  // The first refusal's own reason, for clients to translate, when it needs no parameters of its own.
  if (firstRefusal?.reason && !firstRefusal.params) params.firstReason = firstRefusal.reason;
  const message = `${scanMessage("LOAD_SUMMARY", params)}${dup ? `, ${dup} already` : ""}${other ? `, ${other} refused (${params.first}: ${firstRefusal!.message})` : ""}`;
  return { ...base, outcome, reason: "LOAD_SUMMARY", params, message };
}

/// A load follows its parcels: departed when scanned out at its node, arrived at its destination.
async function markLoads(c: PgPool, scans: TScan[], headers: Map<number, LoadHeader>, results: (ScanResult | undefined)[]) {
  for (const [i, h] of headers) {
    const s = scans[i]!;
    // Moved when any of its parcels moved (the others are refused with their reasons).
    if (!results.slice(i + 1, i + 1 + h.children).some((r) => r?.outcome === "OK" || r?.outcome === "DUPLICATE")) continue;
    if ((s.action === "DEPART" || s.action === "HANDOVER") && s.nodeId === h.nodeId) {
      await c.query(
        `UPDATE "Load" SET status = 'DEPARTED', "departedAt" = coalesce("departedAt", $2), "updatedAt" = now() WHERE id = $1 AND status IN ('OPEN', 'SEALED', 'PLANNED')`,
        [h.loadId, new Date(s.at)],
      );
    } else if (s.action === "ARRIVE" && (s.nodeId === h.toNodeId || (!h.toNodeId && s.nodeId === h.nodeId))) {
      await c.query(
        `UPDATE "Load" SET status = 'ARRIVED', "arrivedAt" = coalesce("arrivedAt", $2), "updatedAt" = now() WHERE id = $1 AND status <> 'ARRIVED'`,
        [h.loadId, new Date(s.at)],
      );
    }
  }
}

interface Writes {
  /// Row version (xmin) of every parcel read: the decisions hold only if none has changed since.
  versions: Map<string, string>;
  parcels: ParcelRow[];
  legs: LegRow[];
  events: { shipmentId: string; at: Date; type: string; nodeId: string | null; actorId: string | null; details: object }[];
  outbox: OutboxRow[];
  scanRows: { s: TScan; result: ScanResult; shipmentId: string | null }[];
  /// Parcels delivered by this batch.
  delivered: string[];
}

/// Everything the batch changed in one statement: parcels, legs, timeline, outbox, scan records, and the stock of
/// listings whose restock parcels were delivered.
/// When a parcel read has changed since (another scan, a re-plan), the last line divides by zero:
/// the statement fails as a whole, nothing is written, and the call runs again. Parcels it updates are
/// checked by the update itself (only rows still at the version read are updated, and all must be);
/// parcels it only read (refused scans) are checked by `changed`.
const WRITE_SQL = `
WITH sh AS (
  UPDATE "Shipment" s SET status = u.status::"ShipmentStatus", "currentNodeId" = u.cur, "lastScanAt" = u.last, "loadedVehicleId" = u.veh,
    "exceptionReason" = u.exc, "shelfSlot" = u.slot, "pickupCode" = u.pcode, "readyForPickupAt" = u.ready,
    light = u.light::"Light", "lightReason" = u.lreason, "lightChangedAt" = u.lat, "finishedAt" = u.fin, "updatedAt" = $1
  FROM json_to_recordset($2::json) AS u(id uuid, status text, cur uuid, last timestamptz, veh uuid, exc text, slot text, pcode text,
    ready timestamptz, light text, lreason text, lat timestamptz, fin timestamptz, v text)
  WHERE s.id = u.id AND s.xmin::text = u.v RETURNING 1
), lg AS (
  UPDATE "ShipmentLeg" l SET status = u.status::"LegStatus", "actualDepart" = u.dep, "actualArrive" = u.arr
  FROM json_to_recordset($3::json) AS u(id uuid, status text, dep timestamptz, arr timestamptz) WHERE l.id = u.id RETURNING 1
), ev AS (
  INSERT INTO "ShipmentEvent" ("shipmentId", at, type, "nodeId", "actorId", details)
  SELECT a, b, c, d, e, f FROM ROWS FROM (json_to_recordset($4::json) AS (a uuid, b timestamptz, c text, d uuid, e uuid, f jsonb)) WITH ORDINALITY AS u(a, b, c, d, e, f, n) ORDER BY n
  RETURNING 1
), ob AS (
  INSERT INTO "OutboxEvent" (queue, name, "jobId", payload)
  SELECT a, b, c, d FROM ROWS FROM (json_to_recordset($5::json) AS (a text, b text, c text, d jsonb)) WITH ORDINALITY AS u(a, b, c, d, n) ORDER BY n
  ON CONFLICT ("jobId") DO NOTHING RETURNING 1
), sc AS (
  INSERT INTO "ScanEvent" ("clientScanId", "userId", "nodeId", code, action, "vehicleId", "deviceAt", "receivedAt", outcome, message, "shipmentId", result)
  SELECT a, $6::uuid, b, c, d, e, f, $1, g, h, i, j
  FROM ROWS FROM (json_to_recordset($7::json) AS (a uuid, b uuid, c text, d text, e uuid, f timestamptz, g text, h text, i uuid, j jsonb)) WITH ORDINALITY AS u(a, b, c, d, e, f, g, h, i, j, n) ORDER BY n
  RETURNING 1
), rs AS (
  -- A restock parcel delivered at the counter's node: its units join the listing's stock, once (stockedAt).
  UPDATE "RestockShipment" r SET "stockedAt" = $1
  WHERE r."shipmentId" = ANY($9::uuid[]) AND r."stockedAt" IS NULL AND r."lineId" IS NOT NULL
  RETURNING r."lineId", r.units
), st AS (
  UPDATE "Listing" li SET stock = li.stock + x.units, "updatedAt" = $1
  FROM (SELECT l."listingId", sum(rs.units)::int AS units FROM rs JOIN "RestockLine" l ON l.id = rs."lineId" GROUP BY 1) x
  WHERE li.id = x."listingId" RETURNING 1
), changed AS (
  SELECT count(*) AS n FROM "Shipment" s JOIN json_to_recordset($8::json) AS g(id uuid, v text) ON s.id = g.id WHERE s.xmin::text <> g.v
)
SELECT 1 / (CASE WHEN (SELECT n FROM changed) = 0 AND (SELECT count(*) FROM sh) = json_array_length($2::json) THEN 1 ELSE 0 END) AS ok,
  (SELECT count(*) FROM lg) + (SELECT count(*) FROM ev) + (SELECT count(*) FROM ob) + (SELECT count(*) FROM sc) + (SELECT count(*) FROM st) AS rows`;

async function writeAll(c: PgPool, actor: Actor, now: Date, w: Writes): Promise<void> {
  if (!w.scanRows.length) return;
  const { parcels: p, legs: l, events: e, outbox: o, scanRows: r } = w;
  const updated = new Set(p.map((x) => x.id));
  // Each table's rows travel as one JSON array (json_to_recordset): far cheaper to build than 40 array parameters.
  await c.query({
    name: "xd_scan_write",
    text: WRITE_SQL,
    values: [
      now,
      JSON.stringify(
        p.map((x) => ({
          id: x.id,
          status: x.status,
          cur: x.currentNodeId,
          last: x.lastScanAt,
          veh: x.loadedVehicleId,
          exc: x.exceptionReason,
          slot: x.shelfSlot,
          pcode: x.pickupCode,
          ready: x.readyForPickupAt,
          light: x.light,
          lreason: x.lightReason,
          lat: x.lightChangedAt,
          fin: x.finishedAt,
          v: w.versions.get(x.id)!,
        })),
      ),
      JSON.stringify(l.map((x) => ({ id: x.id, status: x.status, dep: x.actualDepart, arr: x.actualArrive }))),
      JSON.stringify(e.map((x) => ({ a: x.shipmentId, b: x.at, c: x.type, d: x.nodeId, e: x.actorId, f: x.details }))),
      JSON.stringify(o.map((x) => ({ a: x.queue, b: x.name, c: x.jobId, d: x.payload }))),
      actor.userId,
      JSON.stringify(
        r.map((x) => ({
          a: x.s.clientScanId,
          b: x.s.nodeId,
          c: x.s.code.slice(0, 64),
          // An action the server could not infer is stored as AUTO (no action was applied).
          d: x.result.action ?? x.s.action ?? "AUTO",
          e: x.s.vehicleId ?? null,
          f: x.s.at,
          g: x.result.outcome,
          h: x.result.message,
          i: x.shipmentId,
          j: x.result,
        })),
      ),
      JSON.stringify([...w.versions].filter(([id]) => !updated.has(id)).map(([id, v]) => ({ id, v }))),
      w.delivered,
    ],
  });
}

/// A result's reason, its parameters and its English sentence.
function why(reason: TScanReason, params?: TScanParams): Pick<ScanResult, "reason" | "params" | "message"> {
  return { reason, params: params ?? null, message: scanMessage(reason, params) };
}

/// The first scan on a fresh connection pays for the connection (TCP, SCRAM) and for parsing and planning the two
/// statements above; the pool closes connections idle for 30 s. Warming opens `connections` connections at once and
/// prepares both statements on each (the write with nothing to write: it changes no row). Run at start-up and when a
/// station console opens (scan.today), so the first scan after sign-in finds them ready.
export async function warmScanPath(db: Db, connections = 2): Promise<void> {
  const emptyRead = [[], [], [], [], null, [], []];
  const emptyWrite = [new Date(0), "[]", "[]", "[]", "[]", null, "[]", "[]", []];
  // Asked for at once from the pool, each gets a connection of its own (an idle one, or a new one).
  await Promise.all(
    Array.from({ length: connections }, () =>
      withPgClient(db, async (client) => {
        await client.query({ name: "xd_scan_read", text: READ_SQL, values: emptyRead });
        await client.query({ name: "xd_scan_write", text: WRITE_SQL, values: emptyWrite });
      }),
    ),
  );
}
