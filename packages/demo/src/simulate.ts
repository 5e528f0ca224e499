// One demo day in memory: how many parcels go down and up, who sends them where, their route on the real
// timetable (the platform's routing engine, so legs and promises are the ones the API would plan) and what really
// happened on each leg: mostly on time, some late (more in peaks, winter and on snow days), a few exceptions,
// returns and uncollected parcels. Pure: the whole timeline, including what lies after the generator's clock.
import { route, type TempClass } from "@xiangda/domain";
import {
  dayStartMs,
  DOWN_HOURS,
  downShape,
  lateFactor,
  shanghaiDayOf,
  UP_HOURS,
  UP_PRODUCTS,
  upProductWeights,
  upShape,
} from "./calendar.ts";
import type { DemoCarrier, DemoContext } from "./context.ts";
import { CITIES, CITY_PICK, EXCEPTIONS, fullName, GOODS, GOODS_PICK, honorific, phone } from "./people.ts";
import { Rng, WeightedPicker } from "./random.ts";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/// Chance that a departure runs late on an ordinary day (before the day's late factor), and that one parcel misses
/// its vehicle on its own: a few % of parcels late overall.
const BASE_LATE = 0.01;
const PARCEL_LATE = 0.003;
const EXCEPTION_RATE = 0.0015;
const UNCOLLECTED_RATE = 0.003;
const DOOR_DELIVERY = 0.3;

export type ScanAction = "DEPART" | "HANDOVER" | "ARRIVE" | "DELIVER" | "PICKUP" | "EXCEPTION" | "RETURN";

export interface SimLeg {
  id: string;
  laneId: string;
  laneCode: string;
  fromId: string;
  toId: string;
  plannedDepart: number;
  plannedArrive: number;
  /// Null: never travelled (cancelled when the parcel was returned on the way).
  actualDepart: number | null;
  actualArrive: number | null;
}

export interface SimEvent {
  id: string;
  at: number;
  action: ScanAction;
  nodeId: string;
  /// The leg it departs or arrives (index), -1 otherwise.
  leg: number;
  reason?: string;
}

export interface SimParcel {
  id: string;
  direction: "DOWN" | "UP";
  carrier: DemoCarrier;
  originId: string;
  destId: string;
  destAreaCode: string | null;
  selfPickup: boolean;
  outboundCity: string | null;
  recipientName: string;
  recipientPhone: string;
  recipientAddress: string | null;
  senderName: string | null;
  senderPhone: string | null;
  weightG: number;
  volumeCm3: number;
  temp: TempClass;
  contentsCategory: string;
  declaredValueFen: number;
  createdAt: number;
  promisedAt: number;
  legs: SimLeg[];
  events: SimEvent[];
  pickupCode: string | null;
  returnFlaggedAt: number | null;
}

export interface SimDay {
  parcels: SimParcel[];
  /// Drawn for the whole day (before the clock cuts today short) and how many found no route.
  drawn: number;
  unrouted: number;
}

const DOWN_HOUR_PICK = new WeightedPicker(DOWN_HOURS);
const UP_HOUR_PICK = new WeightedPicker(UP_HOURS);

const clockIn = (r: Rng, dayStart: number, hours: WeightedPicker) => dayStart + hours.pick(r) * HOUR + Math.floor(r.float() * HOUR);

function lateDelay(r: Rng): number {
  const x = r.float();
  if (x < 0.6) return r.uniform(20, 90) * MIN;
  if (x < 0.92) return r.uniform(90, 360) * MIN;
  return r.uniform(22, 26) * HOUR; // missed the departure: the next day's
}

/// How late a lane departure leaves (0: on time). Every parcel on it shares the delay; the same departure gets the
/// same answer from whichever day's parcels ask (seeded by the departure, judged by its own day).
function departureDelay(ctx: DemoContext, laneId: string, depart: number, milkRun: boolean): number {
  const key = `${laneId}${depart}`;
  let d = ctx.delays.get(key);
  if (d === undefined) {
    const day = shanghaiDayOf(depart);
    const r = new Rng(ctx.seed, ctx.countyCode, "departure", key);
    d = r.chance(BASE_LATE * lateFactor(day, ctx.seed, ctx.relVolume(day)) * (milkRun ? 1.3 : 1)) ? lateDelay(r) : 0;
    if (ctx.delays.size > 50_000) ctx.delays.clear();
    ctx.delays.set(key, d);
  }
  return d;
}

/// The parcel's real journey on its planned legs; returns false when it has no route (left out of the demo).
function travel(ctx: DemoContext, r: Rng, p: SimParcel, lateFactorToday: number): boolean {
  const res = route(ctx.routing.net, { fromId: p.originId, toId: p.destId, readyAt: new Date(p.createdAt), temp: p.temp });
  if (!res.ok || !res.legs.length) return false;
  p.promisedAt = res.arrival.getTime();
  const exceptionAt = r.chance(EXCEPTION_RATE) && res.legs.length > 1 ? r.int(0, res.legs.length - 2) : -1;
  const returnOnException = r.chance(0.5);
  let ready = p.createdAt;
  for (let i = 0; i < res.legs.length; i++) {
    const l = res.legs[i]!;
    const pd = l.depart.getTime();
    const pa = l.arrive.getTime();
    const shared = departureDelay(ctx, l.laneId, pd, ctx.lanes.get(l.laneId)?.mode === "MILK_RUN");
    const own = r.chance(PARCEL_LATE * lateFactorToday) ? lateDelay(r) : 0;
    let depart = Math.max(pd + r.uniform(0, 4) * MIN, ready);
    const onTime = shared + own === 0 && depart <= pd + 4 * MIN;
    depart += Math.max(shared, own);
    let arrive = depart + (pa - pd) * r.uniform(0.82, 0.98);
    if (onTime) arrive = Math.max(depart + MIN, Math.min(arrive, pa - r.uniform(0, 3) * MIN));
    depart = Math.round(depart);
    arrive = Math.round(arrive);
    const leg: SimLeg = {
      id: r.uuid7(p.createdAt),
      laneId: l.laneId,
      laneCode: l.laneCode,
      fromId: l.fromId,
      toId: l.toId,
      plannedDepart: pd,
      plannedArrive: pa,
      actualDepart: depart,
      actualArrive: arrive,
    };
    p.legs.push(leg);
    const toPoint = ctx.nodes.get(l.toId)?.tier === "VILLAGE_POINT";
    p.events.push({
      id: r.uuid7(depart),
      at: depart,
      action: toPoint && p.direction === "DOWN" ? "HANDOVER" : "DEPART",
      nodeId: l.fromId,
      leg: i,
    });
    p.events.push({ id: r.uuid7(arrive), at: arrive, action: "ARRIVE", nodeId: l.toId, leg: i });
    ready = arrive + (ctx.nodes.get(l.toId)?.handlingMinutes ?? 0) * MIN * r.uniform(0.3, 0.9);
    if (i === exceptionAt) {
      const at = Math.round(arrive + r.uniform(10, 90) * MIN);
      p.events.push({ id: r.uuid7(at), at, action: "EXCEPTION", nodeId: l.toId, leg: -1, reason: r.pick(EXCEPTIONS) });
      if (returnOnException) {
        const back = Math.round(at + r.uniform(20, 50) * HOUR);
        p.events.push({ id: r.uuid7(back), at: back, action: "RETURN", nodeId: l.toId, leg: -1 });
        for (const rest of res.legs.slice(i + 1))
          p.legs.push({
            id: r.uuid7(p.createdAt),
            laneId: rest.laneId,
            laneCode: rest.laneCode,
            fromId: rest.fromId,
            toId: rest.toId,
            plannedDepart: rest.depart.getTime(),
            plannedArrive: rest.arrive.getTime(),
            actualDepart: null,
            actualArrive: null,
          });
        return true;
      }
      ready = at + r.uniform(20, 30) * HOUR; // held a day, then sent on
    }
  }
  finish(ctx, r, p);
  return true;
}

/// At the final node: picked up from the shelf, delivered to the door, or (rarely) never collected and returned.
function finish(ctx: DemoContext, r: Rng, p: SimParcel): void {
  const arrived = p.legs[p.legs.length - 1]!.actualArrive!;
  const dest = ctx.nodes.get(p.destId)!;
  const at = (ms: number) => Math.round(ms);
  if (p.direction === "UP") {
    const t = at(arrived + r.uniform(0.5, 3) * HOUR); // handed to the outbound line-haul at the hub
    p.events.push({ id: r.uuid7(t), at: t, action: "DELIVER", nodeId: dest.id, leg: -1 });
    return;
  }
  // A node with shelves shelves every parcel on arrival and texts its pickup code, even those then delivered to the door.
  if (dest.selfPickup) p.pickupCode = String(r.int(0, 999_999)).padStart(6, "0");
  if (!dest.selfPickup || r.chance(DOOR_DELIVERY)) {
    const t = at(arrived + r.uniform(0.5, 4) * HOUR);
    p.events.push({ id: r.uuid7(t), at: t, action: "DELIVER", nodeId: dest.id, leg: -1 });
    return;
  }
  if (r.chance(UNCOLLECTED_RATE)) {
    p.returnFlaggedAt = at(arrived + dest.pickupHoldDays * DAY + r.uniform(0, 1) * HOUR);
    const t = at(p.returnFlaggedAt + r.uniform(2, 30) * HOUR);
    p.events.push({ id: r.uuid7(t), at: t, action: "RETURN", nodeId: dest.id, leg: -1 });
    return;
  }
  const t = at(arrived + Math.min(r.lognormal(5 * HOUR, 0.9), 6 * DAY));
  p.events.push({ id: r.uuid7(t), at: t, action: "PICKUP", nodeId: dest.id, leg: -1 });
}

function blank(r: Rng, carrier: DemoCarrier, createdAt: number): SimParcel {
  return {
    id: r.uuid7(createdAt),
    direction: "DOWN",
    carrier,
    originId: "",
    destId: "",
    destAreaCode: null,
    selfPickup: false,
    outboundCity: null,
    recipientName: honorific(r),
    recipientPhone: phone(r),
    recipientAddress: null,
    senderName: null,
    senderPhone: null,
    weightG: 0,
    volumeCm3: 0,
    temp: "AMBIENT",
    contentsCategory: "",
    declaredValueFen: 0,
    createdAt,
    promisedAt: createdAt,
    legs: [],
    events: [],
    pickupCode: null,
    returnFlaggedAt: null,
  };
}

/// Lets the event loop run (the previous day's statements go out) while a day is simulated.
export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function simulateDay(ctx: DemoContext, day: string, asOf: number): Promise<SimDay> {
  const r = new Rng(ctx.seed, ctx.countyCode, "day", day);
  const start = dayStartMs(day);
  const relDown = (downShape(day) * ctx.growth(day)) / ctx.normDown;
  const relUp = (upShape(day) * ctx.growth(day)) / ctx.normUp;
  const lateToday = lateFactor(day, ctx.seed, ctx.relVolume(day));
  const nDown = r.poisson(ctx.perDay * 0.65 * relDown);
  const nUp = r.poisson(ctx.perDay * 0.35 * relUp);
  const parcels: SimParcel[] = [];
  let unrouted = 0;

  for (let i = 0; i < nDown; i++) {
    if (i % 500 === 499) await tick();
    const p = blank(r, ctx.carriers[ctx.downCarriers.pick(r)]!, clockIn(r, start, DOWN_HOUR_PICK));
    const chilled = ctx.downChilled.length > 0 && r.chance(0.015);
    const target = ctx.down[chilled ? r.pick(ctx.downChilled) : ctx.downPicker.pick(r)]!;
    const kg = Math.min(30, Math.max(0.05, r.lognormal(1.1, 0.8)));
    Object.assign(p, {
      originId: ctx.hub.id,
      destId: target.nodeId,
      destAreaCode: target.villageCode,
      selfPickup: target.selfPickup,
      recipientAddress: `${target.address}${r.int(1, 12)}组`,
      temp: chilled ? "CHILLED" : "AMBIENT",
      weightG: Math.round(kg * 1000),
      volumeCm3: Math.max(500, Math.round(kg * r.lognormal(5, 0.4) * 1000)),
      contentsCategory: chilled ? "生鲜食品" : GOODS[GOODS_PICK.pick(r)]!,
      declaredValueFen: Math.round(r.lognormal(8_000, 1)),
    });
    if (travel(ctx, r, p, lateToday)) parcels.push(p);
    else unrouted++;
  }

  const products = new WeightedPicker(upProductWeights(day));
  for (let i = 0; i < nUp; i++) {
    if (i % 500 === 499) await tick();
    const k = products.pick(r);
    const product = UP_PRODUCTS[k]!;
    const chilled = ctx.coldOrigins.length > 0 && r.chance(product.chilled);
    const carrier = ctx.carriers[(chilled ? ctx.coldCarriers : ctx.upCarriers).pick(r)]!;
    const p = blank(r, carrier, clockIn(r, start, UP_HOUR_PICK));
    const kg = Math.min(30, Math.max(0.3, r.lognormal(product.medianKg, 0.3)));
    Object.assign(p, {
      direction: "UP",
      originId: chilled ? ctx.coldOrigins[ctx.coldPickers[k]!.pick(r)]! : ctx.upOrigins[ctx.upPickers[k]!.pick(r)]!,
      destId: ctx.hub.id,
      outboundCity: CITIES[CITY_PICK.pick(r)]!,
      senderName: fullName(r),
      senderPhone: phone(r),
      temp: chilled ? "CHILLED" : "AMBIENT",
      weightG: Math.round(kg * 1000),
      volumeCm3: Math.round(kg * r.lognormal(4.5, 0.25) * 1000),
      contentsCategory: product.name,
      declaredValueFen: Math.round(product.valueFen * r.lognormal(1, 0.3)),
    });
    p.recipientAddress = `${p.outboundCity}市`;
    if (travel(ctx, r, p, lateToday)) parcels.push(p);
    else unrouted++;
  }
  const drawn = parcels.length + unrouted;
  // Today stops at the clock: parcels not handed in yet do not exist.
  return {
    parcels: parcels.filter((p) => p.createdAt <= asOf).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    drawn,
    unrouted,
  };
}
