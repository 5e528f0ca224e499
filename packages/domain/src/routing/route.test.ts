// The routing engine on small hand-built networks: cutoffs, handling, weekly times, ties, availability, horizon.
import { describe, expect, it } from "vitest";
import { buildRoutingNetwork } from "./build-network.ts";
import { route } from "./route.ts";
import { describeRoute, lane, node, sh } from "./test-utils/builders.ts";
import type { RLane, RNode, RouteQuery } from "./types.ts";

const q = (from: string, to: string, readyAt: string, over: Partial<RouteQuery> = {}): RouteQuery => ({
  fromId: `id-${from}`,
  toId: `id-${to}`,
  readyAt: sh(readyAt),
  temp: "AMBIENT",
  ...over,
});
const run = (nodes: RNode[], lanes: RLane[], query: RouteQuery) => route(buildRoutingNetwork(nodes, lanes), query);

describe("route: the basics", () => {
  const nodes = [
    node("H", { tier: "COUNTY_HUB" }),
    node("S", { handlingMinutes: 20 }),
    node("V", { handlingMinutes: 5, tier: "VILLAGE_POINT" }),
  ];
  const lanes = [
    lane("HS", "H", "S", { departures: ["07:00", "13:30"], cutoffMinutes: 30, transitMinutes: 45 }),
    lane("SV", "S", "V", { departures: ["09:30"], transitMinutes: 25 }),
  ];
  const net = buildRoutingNetwork(nodes, lanes);

  it("returns zero legs when origin is destination, keeping readyAt to the millisecond", () => {
    const readyAt = new Date("2024-06-03T01:02:03.456Z");
    expect(route(net, { fromId: "id-S", toId: "id-S", readyAt, temp: "FROZEN" })).toEqual({
      ok: true,
      legs: [],
      arrival: readyAt,
      readyAt,
    });
  });

  it("chains legs: arrival is departure + transit, readyAt adds handling at the destination", () => {
    const r = route(net, q("H", "V", "2024-06-03 06:00"));
    expect(describeRoute(r)).toEqual(["HS@06-03 07:00→06-03 07:45", "SV@06-03 09:30→06-03 09:55"]);
    expect(r).toMatchObject({ ok: true, arrival: sh("2024-06-03 09:55"), readyAt: sh("2024-06-03 10:00") });
    if (r.ok)
      expect(r.legs[0]).toEqual({
        laneId: "id-HS",
        laneCode: "HS",
        fromId: "id-H",
        toId: "id-S",
        fromCode: "H",
        toCode: "S",
        depart: sh("2024-06-03 07:00"),
        arrive: sh("2024-06-03 07:45"),
      });
  });

  it("catches a departure when ready exactly at departure − cutoff, not a second later", () => {
    expect(describeRoute(route(net, q("H", "S", "2024-06-03 06:30")))).toEqual(["HS@06-03 07:00→06-03 07:45"]);
    expect(describeRoute(route(net, q("H", "S", "2024-06-03 06:30:01")))).toEqual(["HS@06-03 13:30→06-03 14:15"]);
    expect(describeRoute(route(net, q("H", "S", "2024-06-03 06:31")))).toEqual(["HS@06-03 13:30→06-03 14:15"]);
  });

  it("applies handling at intermediate nodes before the next cutoff", () => {
    // Arrive S 14:15, ready 14:35: today's 09:30 milk run is gone, tomorrow's is taken.
    expect(describeRoute(route(net, q("H", "V", "2024-06-03 08:00")))).toEqual([
      "HS@06-03 13:30→06-03 14:15",
      "SV@06-04 09:30→06-04 09:55",
    ]);
    const tight = [lanes[0]!, lane("SV", "S", "V", { departures: ["08:05"], transitMinutes: 25 })];
    // Arrive S 07:45 + 20 handling = 08:05: exactly in time.
    expect(describeRoute(run(nodes, tight, q("H", "V", "2024-06-03 06:00")))).toEqual([
      "HS@06-03 07:00→06-03 07:45",
      "SV@06-03 08:05→06-03 08:30",
    ]);
    const late = [lanes[0]!, lane("SV", "S", "V", { departures: ["08:04"], transitMinutes: 25 })];
    expect(describeRoute(run(nodes, late, q("H", "V", "2024-06-03 06:00")))).toEqual([
      "HS@06-03 07:00→06-03 07:45",
      "SV@06-04 08:04→06-04 08:29",
    ]);
  });

  it("does not route out of the destination's handling: readyAt at the far end is arrival + handling", () => {
    const r = route(net, q("S", "V", "2024-06-03 09:00"));
    expect(r).toMatchObject({ ok: true, arrival: sh("2024-06-03 09:55"), readyAt: sh("2024-06-03 10:00") });
  });
});

describe("route: the weekly timetable in Asia/Shanghai", () => {
  const nodes = [node("A"), node("B"), node("C")];

  it("runs overnight: 23:30 + 90 minutes arrives 01:00 the next day (UTC instants in and out)", () => {
    const r = run(nodes, [lane("AB", "A", "B", { departures: ["23:30"], transitMinutes: 90 })], q("A", "B", "2024-06-03 20:00"));
    expect(r).toMatchObject({ ok: true, arrival: new Date("2024-06-03T17:00:00Z") });
    expect(describeRoute(r)).toEqual(["AB@06-03 23:30→06-04 01:00"]);
  });

  it("takes a 00:15 departure the next day, and counts its cutoff back across midnight", () => {
    const l = lane("AB", "A", "B", { departures: ["00:15"], cutoffMinutes: 30 });
    expect(describeRoute(run(nodes, [l], q("A", "B", "2024-06-03 23:45")))).toEqual(["AB@06-04 00:15→06-04 01:15"]);
    expect(describeRoute(run(nodes, [l], q("A", "B", "2024-06-03 23:46")))).toEqual(["AB@06-05 00:15→06-05 01:15"]);
  });

  it("counts a cutoff back across the week boundary (Monday 00:15 from Sunday 23:45)", () => {
    const l = lane("AB", "A", "B", { departures: ["00:15"], weekdays: [1], cutoffMinutes: 30 });
    expect(describeRoute(run(nodes, [l], q("A", "B", "2024-06-09 23:45")))).toEqual(["AB@06-10 00:15→06-10 01:15"]);
    expect(describeRoute(run(nodes, [l], q("A", "B", "2024-06-09 23:46")))).toEqual(["AB@06-17 00:15→06-17 01:15"]);
  });

  it("follows a Monday/Wednesday/Friday schedule", () => {
    const l = lane("AB", "A", "B", { departures: ["10:00"], weekdays: [1, 3, 5] });
    expect(describeRoute(run(nodes, [l], q("A", "B", "2024-06-04 09:00")))).toEqual(["AB@06-05 10:00→06-05 11:00"]);
    expect(describeRoute(run(nodes, [l], q("A", "B", "2024-06-07 10:01")))).toEqual(["AB@06-10 10:00→06-10 11:00"]);
  });

  it("moves a parcel ready just after Friday's last departure of a Monday-Friday lane to Monday", () => {
    const l = lane("AB", "A", "B", { departures: ["07:00", "16:00"], weekdays: [1, 2, 3, 4, 5], cutoffMinutes: 15 });
    expect(describeRoute(run(nodes, [l], q("A", "B", "2024-06-07 15:45")))).toEqual(["AB@06-07 16:00→06-07 17:00"]);
    expect(describeRoute(run(nodes, [l], q("A", "B", "2024-06-07 15:46")))).toEqual(["AB@06-10 07:00→06-10 08:00"]);
  });

  it("connects across days and weeks over two legs", () => {
    const lanes = [
      lane("AB", "A", "B", { departures: ["22:00"], weekdays: [7], transitMinutes: 180 }),
      lane("BC", "B", "C", { departures: ["00:30"], weekdays: [1] }),
    ];
    // Sunday 22:00 → Monday 01:00 at B: Monday's 00:30 is gone, next is a week later.
    expect(describeRoute(run(nodes, lanes, q("A", "C", "2024-06-09 12:00")))).toEqual([
      "AB@06-09 22:00→06-10 01:00",
      "BC@06-17 00:30→06-17 01:30",
    ]);
  });

  it("gives the same answer, shifted, for the same ready time in other weeks, past and future", () => {
    const lanes = [lane("AB", "A", "B", { departures: ["07:00", "19:00"], weekdays: [2, 6] })];
    const net = buildRoutingNetwork(nodes, lanes);
    const base = route(net, q("A", "B", "2024-06-05 12:00"));
    for (const weeks of [-2600, -1, 1, 52, 520]) {
      const r = route(net, {
        ...q("A", "B", "2024-06-05 12:00"),
        readyAt: new Date(sh("2024-06-05 12:00").getTime() + weeks * 7 * 86_400_000),
      });
      expect(r.ok && base.ok && r.arrival.getTime() - base.arrival.getTime()).toBe(weeks * 7 * 86_400_000);
    }
  });
});

describe("route: choosing between routes", () => {
  const nodes = ["A", "B", "M", "P", "D"].map((c) => node(c));

  it("prefers the earliest arrival over fewer legs", () => {
    const lanes = [
      lane("AD", "A", "D", { departures: ["08:00"], transitMinutes: 300 }),
      lane("AB", "A", "B", { departures: ["08:00"] }),
      lane("BD", "B", "D", { departures: ["09:00"] }),
    ];
    expect(describeRoute(run(nodes, lanes, q("A", "D", "2024-06-03 07:00")))).toEqual([
      "AB@06-03 08:00→06-03 09:00",
      "BD@06-03 09:00→06-03 10:00",
    ]);
  });

  it("prefers fewer legs at equal arrival, even when more legs reach an intermediate node earlier", () => {
    const lanes = [
      lane("AM", "A", "M", { departures: ["08:00"] }),
      lane("AP", "A", "P", { departures: ["06:00"], transitMinutes: 30 }),
      lane("PM", "P", "M", { departures: ["07:00"], transitMinutes: 30 }),
      lane("MD", "M", "D", { departures: ["10:00"] }),
    ];
    expect(describeRoute(run(nodes, lanes, q("A", "D", "2024-06-03 05:00")))).toEqual([
      "AM@06-03 08:00→06-03 09:00",
      "MD@06-03 10:00→06-03 11:00",
    ]);
    // To M itself the earlier, longer route still wins.
    expect(describeRoute(run(nodes, lanes, q("A", "M", "2024-06-03 05:00")))).toEqual([
      "AP@06-03 06:00→06-03 06:30",
      "PM@06-03 07:00→06-03 07:30",
    ]);
  });

  it("breaks a remaining tie by lane code, whatever the input order", () => {
    const lanes = [lane("L-B", "A", "B"), lane("L-A", "A", "B"), lane("L-C", "A", "B")];
    for (const order of [lanes, [...lanes].reverse()])
      expect(describeRoute(run(nodes, order, q("A", "B", "2024-06-03 07:00")))).toEqual(["L-A@06-03 08:00→06-03 09:00"]);
  });
});

describe("route: availability", () => {
  const nodes = [node("A"), node("B"), node("X", { status: "SUSPENDED" }), node("Y", { status: "CLOSED" }), node("D")];
  const lanes = [
    lane("AX", "A", "X"),
    lane("XD", "X", "D"),
    lane("AY", "A", "Y"),
    lane("YD", "Y", "D"),
    lane("AB", "A", "B", { departures: ["12:00"] }),
    lane("BD", "B", "D", { departures: ["14:00"] }),
  ];

  it("never passes through a SUSPENDED or CLOSED node", () => {
    expect(describeRoute(run(nodes, lanes, q("A", "D", "2024-06-03 07:00")))).toEqual([
      "AB@06-03 12:00→06-03 13:00",
      "BD@06-03 14:00→06-03 15:00",
    ]);
  });

  it("never rides a SUSPENDED lane", () => {
    const off = lanes.map((l) => (l.code === "BD" ? { ...l, status: "SUSPENDED" as const } : l));
    expect(run(nodes, off, q("A", "D", "2024-06-03 07:00"))).toMatchObject({
      ok: false,
      reason: "NO_ROUTE",
      message: expect.stringContaining("from A to D"),
    });
  });

  it("reports an unavailable origin or destination, also when they are the same node", () => {
    expect(run(nodes, lanes, q("X", "D", "2024-06-03 07:00"))).toMatchObject({
      ok: false,
      reason: "ORIGIN_UNAVAILABLE",
      message: "origin X is SUSPENDED",
    });
    expect(run(nodes, lanes, q("A", "Y", "2024-06-03 07:00"))).toMatchObject({
      ok: false,
      reason: "DESTINATION_UNAVAILABLE",
      message: "destination Y is CLOSED",
    });
    expect(run(nodes, lanes, q("Y", "Y", "2024-06-03 07:00"))).toMatchObject({ ok: false, reason: "ORIGIN_UNAVAILABLE" });
  });

  it("reports unknown nodes", () => {
    expect(run(nodes, lanes, { ...q("A", "D", "2024-06-03 07:00"), fromId: "nope" })).toMatchObject({
      ok: false,
      reason: "UNKNOWN_NODE",
      message: expect.stringContaining("origin nope"),
    });
    expect(run(nodes, lanes, { ...q("A", "D", "2024-06-03 07:00"), toId: "nope" })).toMatchObject({
      ok: false,
      reason: "UNKNOWN_NODE",
      message: expect.stringContaining("destination nope"),
    });
  });

  it("reports NO_ROUTE for an isolated origin and for an unreachable destination", () => {
    expect(run(nodes, lanes, q("D", "A", "2024-06-03 07:00"))).toMatchObject({ ok: false, reason: "NO_ROUTE" });
    expect(run([...nodes, node("Z")], lanes, q("A", "Z", "2024-06-03 07:00"))).toMatchObject({ ok: false, reason: "NO_ROUTE" });
  });
});

describe("route: horizon", () => {
  const nodes = ["A", "B", "C", "D"].map((c) => node(c));
  const weekly = (code: string, from: string, to: string, day: number) => lane(code, from, to, { weekdays: [day] });
  const lanes = [weekly("AB", "A", "B", 1), weekly("BC", "B", "C", 7), weekly("CD", "C", "D", 6)];

  it("finds a route only if it arrives within horizonDays of readyAt (default 14)", () => {
    // Ready Mon 09:00 → AB next Mon 06-10, BC Sun 06-16, CD Sat 06-22 09:00: 19 days.
    expect(run(nodes, lanes, q("A", "D", "2024-06-03 09:00"))).toMatchObject({
      ok: false,
      reason: "NO_ROUTE",
      message: expect.stringContaining("within 14 days"),
    });
    expect(run(nodes, lanes, q("A", "D", "2024-06-03 09:00", { horizonDays: 19 }))).toMatchObject({
      ok: true,
      arrival: sh("2024-06-22 09:00"),
    });
    expect(run(nodes, lanes, q("A", "D", "2024-06-03 09:00", { horizonDays: 18.99 }))).toMatchObject({ ok: false, reason: "NO_ROUTE" });
    expect(run(nodes, lanes, q("A", "B", "2024-06-03 09:00", { horizonDays: 1 }))).toMatchObject({ ok: false, reason: "NO_ROUTE" });
  });

  it("rejects a bad readyAt or horizon as a programming error", () => {
    const net = buildRoutingNetwork(nodes, lanes);
    expect(() => route(net, { ...q("A", "B", "2024-06-03 09:00"), readyAt: new Date("x") })).toThrow(RangeError);
    expect(() => route(net, q("A", "B", "2024-06-03 09:00", { horizonDays: -1 }))).toThrow(RangeError);
  });
});
