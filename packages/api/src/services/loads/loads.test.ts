// loads.list / loads.get through the router on a real database: who sees which load, counts from grouped
// queries, stops in visiting order, masked phones, rolled parcels and totals per carrier.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@xiangda/domain";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { buildLoadWorld, type LoadWorld } from "../../test-utils/load-world.ts";

let h: Harness;
let w: World;
let lw: LoadWorld;

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  lw = await buildLoadWorld(h.deps.db, w);
});
afterAll(async () => h?.close());

const as = (role: keyof World["actors"]) => h.callerAs(w.actors[role]);
const codes = (r: { items: Array<{ code: string }> }) => r.items.map((i) => i.code).sort();

describe("loads.list scope", () => {
  it("a station sees the loads leaving from or going to it only", async () => {
    expect(codes(await as("station").loads.list({}))).toEqual([lw.milkRun.code]);
    expect(codes(await as("otherStation").loads.list({}))).toEqual([lw.trunkToOther.code]);
    await expect(as("station").loads.list({ nodeId: w.home.otherStationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a village point's staff see the milk runs that call at it", async () => {
    const pointStaff: Actor = {
      userId: w.actors.station!.userId,
      username: "p1",
      role: "STATION_STAFF",
      countyCode: w.home.countyCode,
      nodeId: lw.points.v1,
      merchantId: null,
    };
    expect(codes(await h.callerAs(pointStaff).loads.list({}))).toEqual([lw.milkRun.code]);
    const d = await h.callerAs(pointStaff).loads.get({ id: lw.milkRun.id });
    expect(d.code).toBe(lw.milkRun.code);
  });

  it("a manager sees their county only; another county's manager gets nothing or FORBIDDEN", async () => {
    expect(codes(await as("manager").loads.list({}))).toEqual([lw.milkRun.code, lw.trunkToOther.code].sort());
    expect(codes(await as("otherManager").loads.list({}))).toEqual([lw.away.code]);
    await expect(as("otherManager").loads.list({ countyCode: w.home.countyCode })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("otherManager").loads.list({ nodeId: w.home.stationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("otherManager").loads.get({ id: lw.milkRun.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("otherManager").loads.get({ code: lw.milkRun.code })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(codes(await as("admin").loads.list({}))).toEqual([lw.milkRun.code, lw.trunkToOther.code, lw.away.code].sort());
  });

  it("gets: another station's load is FORBIDDEN, an unknown id FORBIDDEN (NOT_FOUND for ADMIN), merchants never", async () => {
    await expect(as("station").loads.get({ id: lw.trunkToOther.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expect(as("manager").loads.get({ id: unknown })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("admin").loads.get({ id: unknown })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("merchant").loads.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("admin").loads.get({ code: "LD123" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("loads.list filters and counts", () => {
  it("counts parcels assigned and rolled, weight and vehicles per load", async () => {
    const r = await as("manager").loads.list({ countyCode: w.home.countyCode, date: "2026-11-23" });
    const milk = r.items.find((i) => i.code === lw.milkRun.code)!;
    expect(milk).toMatchObject({
      milkRun: true,
      status: "PLANNED",
      from: { code: `${w.home.countyCode}-S1` },
      to: null,
      departAt: lw.departAt.toISOString(),
    });
    expect(milk.counts).toEqual({ assigned: 5, rolled: 1, weightG: 5500, volumeCm3: 40_000, rolledWeightG: 3000, removed: 0, vehicles: 2 });
    const trunk = r.items.find((i) => i.code === lw.trunkToOther.code)!;
    expect(trunk.counts).toMatchObject({ assigned: 1, rolled: 0, weightG: 700, vehicles: 0 });
    // One day: earliest departure first.
    expect(r.items.map((i) => i.code)).toEqual([lw.milkRun.code, lw.trunkToOther.code]);
  });

  it("filters by Asia/Shanghai day, status and node, and pages with a cursor", async () => {
    const m = as("manager");
    expect(codes(await m.loads.list({ date: "2026-11-24" }))).toEqual([]);
    expect(codes(await m.loads.list({ date: "2026-11-23", status: "OPEN" }))).toEqual([lw.trunkToOther.code]);
    expect(codes(await m.loads.list({ nodeId: w.home.otherStationId }))).toEqual([lw.trunkToOther.code]);
    const first = await m.loads.list({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBe(first.items[0]!.id);
    const second = await m.loads.list({ limit: 1, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(second.nextCursor).toBeNull();
    await expect(m.loads.list({ date: "2026-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("loads.get", () => {
  it("groups a planned vehicle's parcels by stop in visiting order, an unplanned one's by stop node", async () => {
    const d = await as("station").loads.get({ code: lw.milkRun.code.toLowerCase() });
    expect(d.vehicles.map((v) => [v.seq, v.plate, v.planned])).toEqual([
      [1, "辽H10001", true],
      [2, "辽H10002", false],
    ]);
    const [a, b] = d.vehicles;
    expect(a!.stops.map((s) => [s.seq, s.name, s.drops, s.pickups, s.items.length])).toEqual([
      [1, "二村服务点", 2, 1, 3],
      [2, "一村服务点", 1, 0, 1],
      [3, expect.any(String), 0, 0, 0], // back at the station
    ]);
    expect(a!.stops[0]!.arriveAt).toBe("2026-11-23T01:50:00.000Z");
    // Drops before pickups within a stop.
    expect(a!.stops[0]!.items.map((i) => i.pickup)).toEqual([false, false, true]);
    expect(a!.stops[1]!.items[0]).toMatchObject({ temp: "CHILLED", carrier: { code: "YTO" } });
    expect(b!.stops.map((s) => [s.seq, s.name, s.drops, s.items.length])).toEqual([[null, "三村服务点", 1, 1]]);
    expect(a).toMatchObject({ plannedMeters: 23_400, plannedMinutes: 75, fillWeight: 0.0056, number: "V-01" });
  });

  it("shows masked phones and names only", async () => {
    const d = await as("manager").loads.get({ id: lw.milkRun.id });
    const all = [...d.vehicles.flatMap((v) => v.stops.flatMap((s) => s.items)), ...d.rolled, ...d.unassigned.flatMap((s) => s.items)];
    expect(all).toHaveLength(6);
    for (const i of all) {
      expect(i.recipientPhone).toMatch(/^138\*{4}\d{4}$/);
      expect(i.recipientName).toBe("王**");
    }
    expect(JSON.stringify(d)).not.toMatch(/1380000\d{4}/);
  });

  it("lists rolled parcels with their reasons and totals per carrier", async () => {
    const d = await as("admin").loads.get({ id: lw.milkRun.id });
    expect(d.rolled).toEqual([
      expect.objectContaining({
        status: "ROLLED",
        weightG: 3000,
        rolledReason: "NO_ROOM",
        stop: { code: `${w.home.countyCode}-P3`, name: "三村服务点" },
      }),
    ]);
    expect(d.carriers).toEqual([
      { code: "ZTO", name: "中通快递", parcels: 3, weightG: 3000, rolled: 1 },
      { code: "YTO", name: "圆通速递", parcels: 2, weightG: 2500, rolled: 0 },
    ]);
    expect(d.totals).toEqual({ parcels: 5, weightG: 5500, volumeCm3: 40_000, rolled: 1, rolledWeightG: 3000, removed: 0, vehicles: 2 });
    expect(d.figures).toEqual(
      expect.arrayContaining([
        { key: "vehicles", value: 2 },
        { key: "baseline.km", value: 61.2 },
      ]),
    );
  });

  it("an open load's parcels are grouped by stop node, outside any vehicle", async () => {
    const d = await as("otherStation").loads.get({ id: lw.trunkToOther.id });
    expect(d.vehicles).toEqual([]);
    expect(d.unassigned.map((s) => [s.code, s.items.length])).toEqual([[`${w.home.countyCode}-S2`, 1]]);
    expect(d.carriers).toEqual([{ code: "ZTO", name: "中通快递", parcels: 1, weightG: 700, rolled: 0 }]);
  });
});
