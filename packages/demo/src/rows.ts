// A simulated parcel as it stands at the generator's clock (`asOf`): its row, its legs and one scan record per scan
// made by then, with statuses and lights the API would have given them (the scan state machine's transitions,
// `shipmentLight` / `legLight`). Rows are plain objects with short keys for json_to_recordset; times are epoch ms.
import { legLight, shipmentLight, yellowFraction, type TLight } from "@xiangda/domain";
import type { DemoContext } from "./context.ts";
import { tick, type SimEvent, type SimParcel } from "./simulate.ts";

type Status = "CREATED" | "ACCEPTED" | "AT_NODE" | "IN_TRANSIT" | "AWAITING_PICKUP" | "DELIVERED" | "RETURNED" | "EXCEPTION";
type LegStatus = "PLANNED" | "DEPARTED" | "ARRIVED" | "CANCELLED";

export interface ShipmentRow {
  i: string;
  w: string;
  c: string | null;
  cw: string | null;
  d: string;
  o: string;
  t: string;
  ta: string | null;
  oc: string | null;
  sp: boolean;
  rn: string;
  rp: string;
  ra: string | null;
  sn: string | null;
  sph: string | null;
  wg: number;
  v: number;
  tp: string;
  cc: string;
  dv: number;
  st: Status;
  cur: string;
  pr: number;
  l: TLight;
  lr: string | null;
  lc: number;
  insp: object | null;
  pc: string | null;
  rfp: number | null;
  rf: number | null;
  ex: string | null;
  ls: number | null;
  ac: number | null;
  f: number | null;
  ca: number;
  u: number;
}
export interface LegRow {
  i: string;
  s: string;
  q: number;
  ln: string;
  lc: string;
  f: string;
  t: string;
  pd: number;
  pa: number;
  ad: number | null;
  aa: number | null;
  st: LegStatus;
  l: TLight;
}
export interface ScanRow {
  i: string;
  n: string;
  c: string;
  a: string;
  t: number;
  m: string;
  s: string;
  r: object;
}

export interface DayRows {
  shipments: ShipmentRow[];
  legs: LegRow[];
  scans: ScanRow[];
}

const MESSAGES: Record<SimEvent["action"], string> = {
  DEPART: "departed",
  HANDOVER: "handed over to the village point",
  ARRIVE: "arrived",
  DELIVER: "delivered",
  PICKUP: "picked up",
  EXCEPTION: "exception reported",
  RETURN: "returned to sender",
};

/// When the light last changed, as the SLA watcher would have seen it: the moment a leg went overdue, entered its
/// last fifth, or (GREEN) when the parcel was created.
function lightChangedAt(
  p: SimParcel,
  light: TLight,
  legs: { plannedDepart: number; plannedArrive: number; actualArrive: number | null }[],
  asOf: number,
  f: number,
): number {
  if (light === "GREEN") return p.createdAt;
  if (light === "RED") {
    const late = legs.find((l) => (l.actualArrive ?? asOf) > l.plannedArrive);
    return late ? late.plannedArrive : Math.min(asOf, p.promisedAt);
  }
  const cur = legs.find((l) => l.actualArrive === null) ?? legs[legs.length - 1]!;
  return Math.round(cur.plannedArrive - f * (cur.plannedArrive - cur.plannedDepart));
}

interface Replayed {
  status: Status;
  cur: string;
  lastScanAt: number | null;
  finishedAt: number | null;
  readyForPickupAt: number | null;
  exceptionReason: string | null;
  legStatus: LegStatus[];
  dep: (number | null)[];
  arr: (number | null)[];
}

/// A parcel's events up to `asOf` in time order: their scans (added to `scans`) and where the parcel stands after them.
function replay(ctx: DemoContext, p: SimParcel, waybillNo: string, asOf: number, scans: ScanRow[]): Replayed {
  const view = (id: string) => {
    const n = ctx.nodes.get(id);
    return n ? { code: n.code, name: n.name } : null;
  };
  const dest = ctx.nodes.get(p.destId)!;
  const lastLeg = p.legs.length - 1;
  const legStatus: LegStatus[] = p.legs.map(() => "PLANNED");
  const dep: (number | null)[] = p.legs.map(() => null);
  const arr: (number | null)[] = p.legs.map(() => null);
  let status: Status = p.direction === "DOWN" ? "CREATED" : "ACCEPTED";
  let cur = p.originId;
  let lastScanAt: number | null = null;
  let finishedAt: number | null = null;
  let readyForPickupAt: number | null = null;
  let exceptionReason: string | null = null;
  const events = [...p.events].sort((a, b) => a.at - b.at);
  for (const e of events) {
    if (e.at > asOf) break;
    const leg = e.leg >= 0 ? p.legs[e.leg]! : null;
    let next: string | null = null;
    switch (e.action) {
      case "DEPART":
      case "HANDOVER":
        legStatus[e.leg] = "DEPARTED";
        dep[e.leg] = e.at;
        status = "IN_TRANSIT";
        next = leg!.toId;
        break;
      case "ARRIVE": {
        legStatus[e.leg] = "ARRIVED";
        arr[e.leg] = e.at;
        const final = e.leg === lastLeg && e.nodeId === p.destId;
        status = final && dest.selfPickup ? "AWAITING_PICKUP" : "AT_NODE";
        if (final) finishedAt ??= e.at;
        if (status === "AWAITING_PICKUP") readyForPickupAt = e.at;
        next = e.leg < lastLeg ? p.legs[e.leg + 1]!.toId : null;
        break;
      }
      case "EXCEPTION":
        status = "EXCEPTION";
        exceptionReason = e.reason ?? "exception";
        break;
      case "DELIVER":
      case "PICKUP":
        status = "DELIVERED";
        break;
      case "RETURN":
        status = "RETURNED";
        finishedAt ??= e.at;
        for (let i = 0; i < legStatus.length; i++) if (legStatus[i] === "PLANNED") legStatus[i] = "CANCELLED";
        break;
    }
    cur = e.nodeId;
    lastScanAt = e.at;
    const late = leg ? e.at > leg.plannedArrive : finishedAt !== null && finishedAt > p.promisedAt;
    scans.push({
      i: e.id,
      n: e.nodeId,
      c: waybillNo,
      a: e.action,
      t: e.at,
      m: MESSAGES[e.action],
      s: p.id,
      r: {
        clientScanId: e.id,
        outcome: "OK",
        message: MESSAGES[e.action],
        shipment: { waybillNo, status, light: late ? "RED" : "GREEN", temp: p.temp, destination: dest.name, selfPickup: p.selfPickup },
        nextHop: next ? view(next) : null,
        expected: null,
        shelfSlot: null,
      },
    });
  }
  return { status, cur, lastScanAt, finishedAt, readyForPickupAt, exceptionReason, legStatus, dep, arr };
}

/// The parcel's leg rows, each with the light it shows at `asOf`.
function legRows(p: SimParcel, r: Pick<Replayed, "legStatus" | "dep" | "arr">, asOf: number, f: number): LegRow[] {
  const { legStatus, dep, arr } = r;
  return p.legs.map((l, i): LegRow => {
    const st = legStatus[i]!;
    return {
      i: l.id,
      s: p.id,
      q: i,
      ln: l.laneId,
      lc: l.laneCode,
      f: l.fromId,
      t: l.toId,
      pd: l.plannedDepart,
      pa: l.plannedArrive,
      ad: dep[i]!,
      aa: arr[i]!,
      st,
      l:
        st === "CANCELLED"
          ? "GREEN"
          : legLight(
              {
                status: st,
                plannedDepart: new Date(l.plannedDepart),
                plannedArrive: new Date(l.plannedArrive),
                actualArrive: arr[i] === null ? null : new Date(arr[i]!),
              },
              new Date(asOf),
              f,
            ),
    };
  });
}

export async function buildRows(
  ctx: DemoContext,
  parcels: readonly SimParcel[],
  numbers: { waybills: string[]; carrierNos: (string | null)[] },
  asOf: number,
): Promise<DayRows> {
  const f = yellowFraction();
  const out: DayRows = { shipments: [], legs: [], scans: [] };
  for (let k = 0; k < parcels.length; k++) {
    if (k % 500 === 499) await tick();
    const p = parcels[k]!;
    const waybillNo = numbers.waybills[k]!;
    const { status, cur, lastScanAt, finishedAt, readyForPickupAt, exceptionReason, legStatus, dep, arr } = replay(
      ctx,
      p,
      waybillNo,
      asOf,
      out.scans,
    );
    const live = p.legs
      .map((l, i) => ({
        status: legStatus[i]!,
        plannedDepart: new Date(l.plannedDepart),
        plannedArrive: new Date(l.plannedArrive),
        actualArrive: arr[i] === null ? null : new Date(arr[i]!),
      }))
      .filter((l) => l.status !== "CANCELLED");
    const finalArrival = [...live].reverse().find((l) => l.actualArrive)?.actualArrive ?? null;
    const light = shipmentLight(
      { status, routeError: null, promisedAt: new Date(p.promisedAt), finalArrival, legs: live },
      new Date(asOf),
      f,
    );
    const changed = lightChangedAt(
      p,
      light.light,
      live.map((l) => ({
        plannedDepart: l.plannedDepart.getTime(),
        plannedArrive: l.plannedArrive.getTime(),
        actualArrive: l.actualArrive?.getTime() ?? null,
      })),
      asOf,
      f,
    );
    out.shipments.push({
      i: p.id,
      w: waybillNo,
      c: p.carrier.id,
      cw: numbers.carrierNos[k] ?? null,
      d: p.direction,
      o: p.originId,
      t: p.destId,
      ta: p.destAreaCode,
      oc: p.outboundCity,
      sp: p.selfPickup,
      rn: p.recipientName,
      rp: p.recipientPhone,
      ra: p.recipientAddress,
      sn: p.senderName,
      sph: p.senderPhone,
      wg: p.weightG,
      v: p.volumeCm3,
      tp: p.temp,
      cc: p.contentsCategory,
      dv: p.declaredValueFen,
      st: status,
      cur,
      pr: p.promisedAt,
      l: light.light,
      lr: light.reason,
      lc: changed,
      insp:
        p.direction === "UP"
          ? { inspected: true, prohibitedAbsent: true, notes: null, by: null, byName: "demo", at: new Date(p.createdAt).toISOString() }
          : null,
      pc: p.pickupCode !== null && readyForPickupAt !== null ? p.pickupCode : null,
      rfp: readyForPickupAt,
      rf: p.returnFlaggedAt !== null && p.returnFlaggedAt <= asOf ? p.returnFlaggedAt : null,
      ex: exceptionReason,
      ls: lastScanAt,
      ac: p.direction === "UP" ? p.createdAt : null,
      f: finishedAt,
      ca: p.createdAt,
      u: lastScanAt ?? p.createdAt,
    });
    for (const row of legRows(p, { legStatus, dep, arr }, asOf, f)) out.legs.push(row);
  }
  out.scans.sort((a, b) => a.t - b.t);
  return out;
}
