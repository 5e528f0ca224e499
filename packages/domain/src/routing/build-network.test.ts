// Compiling a network: which lanes are usable, departure slots, and loud failures on bad data.
import { describe, expect, it } from "vitest";
import { buildRoutingNetwork } from "./build-network.ts";
import { lane, node } from "./test-utils/builders.ts";

describe("buildRoutingNetwork", () => {
  const nodes = [node("A"), node("B"), node("X", { status: "SUSPENDED" })];

  it("keeps only lanes that can carry a parcel, numbered in lane-code order", () => {
    const net = buildRoutingNetwork(nodes, [
      lane("Z-AB", "A", "B"),
      lane("OFF", "A", "B", { status: "SUSPENDED" }),
      lane("TO-X", "A", "X"),
      lane("GHOST", "A", "NOPE"),
      lane("LOOP", "A", "A"),
      lane("NEVER", "A", "B", { weekdays: [] }),
      lane("A-BA", "B", "A"),
    ]);
    expect(net.laneCodes).toEqual(["A-BA", "Z-AB"]);
    expect([...net.outStart]).toEqual([0, 1, 2, 2]);
  });

  it("stores departures as sorted minutes of the week and deadlines wrapped into the week", () => {
    const net = buildRoutingNetwork(nodes, [
      lane("AB", "A", "B", { departures: ["13:30", "00:15", "00:15"], weekdays: [7, 1], cutoffMinutes: 30 }),
    ]);
    expect([...net.deps]).toEqual([15, 810, 6 * 1440 + 15, 6 * 1440 + 810]);
    expect([...net.deadlines]).toEqual([780, 6 * 1440 - 15, 6 * 1440 + 780, 10_080 - 15]);
  });

  it("throws on times, weekdays and minutes that make no sense, naming the lane or node", () => {
    expect(() => buildRoutingNetwork(nodes, [lane("AB", "A", "B", { departures: ["25:00"] })])).toThrow(/lane AB: departure "25:00"/);
    expect(() => buildRoutingNetwork(nodes, [lane("AB", "A", "B", { weekdays: [0] })])).toThrow(/lane AB: weekday 0/);
    expect(() => buildRoutingNetwork(nodes, [lane("AB", "A", "B", { transitMinutes: -5 })])).toThrow(/lane AB: transitMinutes/);
    expect(() => buildRoutingNetwork(nodes, [lane("AB", "A", "B", { cutoffMinutes: 100_001 })])).toThrow(/lane AB: cutoffMinutes/);
    expect(() => buildRoutingNetwork([node("A", { handlingMinutes: 1.5 })], [])).toThrow(/node A: handlingMinutes/);
    expect(() => buildRoutingNetwork([node("A"), node("A")], [])).toThrow(/appears twice/);
  });
});
