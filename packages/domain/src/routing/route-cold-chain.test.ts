// Cold-chain routing: cold lanes only, storage at intermediate nodes, exempt ends, and the broken-leg report.
import { describe, expect, it } from "vitest";
import { buildRoutingNetwork } from "./build-network.ts";
import { route } from "./route.ts";
import { describeRoute, lane, node, sh } from "./test-utils/builders.ts";
import type { RLane, RNode, RouteQuery, TempClass } from "./types.ts";

const q = (from: string, to: string, temp: TempClass, over: Partial<RouteQuery> = {}): RouteQuery => ({
  fromId: `id-${from}`,
  toId: `id-${to}`,
  readyAt: sh("2024-06-03 06:00"),
  temp,
  ...over,
});
const run = (nodes: RNode[], lanes: RLane[], query: RouteQuery) => route(buildRoutingNetwork(nodes, lanes), query);

describe("route: cold chain", () => {
  // Origin V1 and destination V2 have no cold storage at all: they are exempt.
  const nodes = [node("V1"), node("S", { coldChilled: true }), node("H", { coldChilled: true, coldFrozen: true }), node("V2")];

  it("sends ambient parcels the fast way and chilled ones over cold lanes only", () => {
    const lanes = [
      lane("FAST", "V1", "V2", { departures: ["07:00"], cold: false }),
      lane("C1", "V1", "S", { departures: ["07:00"], cold: true }),
      lane("C2", "S", "V2", { departures: ["09:00"], cold: true }),
    ];
    expect(describeRoute(run(nodes, lanes, q("V1", "V2", "AMBIENT")))).toEqual(["FAST@06-03 07:00→06-03 08:00"]);
    expect(describeRoute(run(nodes, lanes, q("V1", "V2", "CHILLED")))).toEqual([
      "C1@06-03 07:00→06-03 08:00",
      "C2@06-03 09:00→06-03 10:00",
    ]);
  });

  it("passes a frozen parcel only through nodes with frozen storage; chilled storage is not enough", () => {
    const lanes = [
      lane("C1", "V1", "S", { cold: true }),
      lane("C2", "S", "V2", { cold: true, departures: ["10:00"] }),
      lane("F1", "V1", "H", { cold: true }),
      lane("F2", "H", "V2", { cold: true, departures: ["15:00"] }),
    ];
    expect(describeRoute(run(nodes, lanes, q("V1", "V2", "CHILLED")))).toEqual([
      "C1@06-03 08:00→06-03 09:00",
      "C2@06-03 10:00→06-03 11:00",
    ]);
    expect(describeRoute(run(nodes, lanes, q("V1", "V2", "FROZEN")))).toEqual(["F1@06-03 08:00→06-03 09:00", "F2@06-03 15:00→06-03 16:00"]);
  });

  it("lets the origin and the destination lack storage (hand-over at acceptance and pickup)", () => {
    const lanes = [lane("C1", "V1", "V2", { cold: true })];
    expect(run(nodes, lanes, q("V1", "V2", "FROZEN"))).toMatchObject({ ok: true, arrival: sh("2024-06-03 09:00") });
  });

  it("reports COLD_CHAIN naming a lane that is not cold", () => {
    const lanes = [lane("C1", "V1", "S", { cold: true }), lane("WARM", "S", "V2", { departures: ["10:00"] })];
    expect(run(nodes, lanes, q("V1", "V2", "CHILLED"))).toEqual({
      ok: false,
      reason: "COLD_CHAIN",
      message: expect.stringContaining("lane WARM (S → V2), lane WARM is not cold"),
      brokenLeg: { laneCode: "WARM", fromCode: "S", toCode: "V2", why: "lane WARM is not cold" },
    });
  });

  it("reports COLD_CHAIN naming an intermediate node without the storage", () => {
    const lanes = [lane("C1", "V1", "S", { cold: true }), lane("C2", "S", "V2", { cold: true, departures: ["10:00"] })];
    expect(run(nodes, lanes, q("V1", "V2", "FROZEN"))).toMatchObject({
      reason: "COLD_CHAIN",
      message: expect.stringContaining("FROZEN parcel from V1 to V2"),
      brokenLeg: { laneCode: "C1", fromCode: "V1", toCode: "S", why: "node S has no frozen storage" },
    });
  });

  it("reports the first break of the earliest ambient route", () => {
    const lanes = [
      lane("W1", "V1", "S", { departures: ["07:00"] }),
      lane("C2", "S", "V2", { cold: true, departures: ["09:00"] }),
      lane("C0", "V1", "V2", { cold: false, departures: ["12:00"] }), // later: not the one reported
    ];
    expect(run(nodes, lanes, q("V1", "V2", "FROZEN"))).toMatchObject({
      reason: "COLD_CHAIN",
      brokenLeg: { laneCode: "W1", why: "lane W1 is not cold" },
    });
  });

  it("reports COLD_CHAIN when the only cold route arrives after the horizon but an ambient one within it", () => {
    const lanes = [lane("WARM", "V1", "V2"), lane("COLD", "V1", "V2", { cold: true, weekdays: [5] })];
    expect(run(nodes, lanes, q("V1", "V2", "CHILLED", { horizonDays: 2 }))).toMatchObject({ reason: "COLD_CHAIN" });
    expect(run(nodes, lanes, q("V1", "V2", "CHILLED"))).toMatchObject({ ok: true, arrival: sh("2024-06-07 09:00") });
  });

  it("reports NO_ROUTE when not even an ambient route exists", () => {
    expect(run(nodes, [lane("C1", "V1", "S", { cold: true })], q("V1", "V2", "CHILLED"))).toMatchObject({ reason: "NO_ROUTE" });
  });
});
