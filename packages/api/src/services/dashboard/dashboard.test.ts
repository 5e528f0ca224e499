// The county dashboard against a hand-built county (test-utils/dashboard-county.ts): every indicator's figures worked out by
// hand, filters, roll-up rebuilds (idempotent, incremental), the SLA watcher, the notify action and access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgPool } from "@xiangda/db";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type RoleName, type World } from "../../test-utils/fixtures.ts";
import { rejection } from "../../test-utils/catalog.ts";
import { buildDashboardCounty, D1, D2, LIGHTS_NOW, T1, T2, V3, type DashboardFixture } from "../../test-utils/dashboard-county.ts";
import { rebuildRollups, rollupDay } from "./rollup.ts";
import { watchSla } from "./sla-watch.ts";

let h: Harness;
let w: World;
let f: DashboardFixture;
let county: string;
const as = (r: RoleName) => h.callerAs(w.actors[r]).dashboard;
const range = (extra: Record<string, string> = {}) => ({ countyCode: county, from: D1, to: D2, ...extra });

async function rollupRows() {
  const q = (t: string, order: string) =>
    pgPool(h.deps.db)
      .query(`SELECT * FROM "${t}" WHERE "countyCode" = $1 ORDER BY ${order}`, [county])
      .then((r) => r.rows.map(({ updatedAt: _u, ...x }: Record<string, unknown>) => x));
  return {
    shipments: await q("DailyShipmentStat", `day, "townshipCode", "carrierId", direction`),
    legs: await q("DailyLegStat", `day, "townshipCode", "carrierId", direction, "legKind"`),
    loads: await q("DailyConsolidationStat", `day, "townshipCode", "milkRun"`),
    sales: await q("DailySalesStat", `day, "counterId", "productId"`),
  };
}

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  county = w.home.countyCode;
  f = await buildDashboardCounty(h.deps.db, w);
  h.clock.set(LIGHTS_NOW);
  expect(await rebuildRollups(h.deps.db, { countyCode: county, from: "2026-11-19", to: "2026-11-23" })).toMatchObject({ days: 5 });
});
afterAll(async () => h?.close());

describe("roll-ups", () => {
  it("put each parcel on its Asia/Shanghai day, township, carrier and direction", async () => {
    const all = (await rollupRows()).shipments;
    // The detail rows; the cube ('*' for all townships and/or carriers) is checked below.
    const rows = all
      .filter((r) => r.townshipCode !== "*" && r.carrierId !== "*")
      .map((r) => ({
        day: (r.day as Date).toISOString().slice(0, 10),
        t: r.townshipCode,
        c: r.carrierId === f.carrierA ? "A" : r.carrierId === f.carrierB ? "B" : r.carrierId,
        d: r.direction,
        created: r.created,
        weightG: Number(r.weightG),
        finished: r.finished,
        onTime: r.onTime,
        late: r.late,
        lateMinutes: Number(r.lateMinutes),
        returned: r.returned,
      }));
    const key = (r: (typeof rows)[number]) => `${r.day} ${String(r.t)} ${String(r.c)} ${String(r.d)}`;
    rows.sort((a, b) => key(a).localeCompare(key(b)));
    const z = { created: 0, weightG: 0, finished: 0, onTime: 0, late: 0, lateMinutes: 0, returned: 0 };
    expect(rows).toEqual([
      // D1: A created 23:59 (T1, A, down); C created 07:00 and finished 23:00, 60 min late (T1, no carrier, up); D created.
      { day: D1, t: T1, c: "", d: "UP", ...z, created: 1, weightG: 3000, finished: 1, late: 1, lateMinutes: 60 },
      { day: D1, t: T1, c: "A", d: "DOWN", ...z, created: 1, weightG: 1000 },
      { day: D1, t: T2, c: "B", d: "UP", ...z, created: 1, weightG: 500 },
      // D2: H handed in at the hub (no township); A finished 00:30 on time; E created; B created 00:01 and finished an
      // hour late; D returned without a promise (on time).
      { day: D2, t: "", c: "", d: "UP", ...z, created: 1, weightG: 100 },
      { day: D2, t: T1, c: "A", d: "DOWN", ...z, created: 1, weightG: 800, finished: 1, onTime: 1 },
      { day: D2, t: T1, c: "B", d: "DOWN", ...z, created: 1, weightG: 700 },
      { day: D2, t: T2, c: "", d: "UP", ...z, created: 1, weightG: 400 },
      { day: D2, t: T2, c: "A", d: "DOWN", ...z, created: 1, weightG: 2000, finished: 1, late: 1, lateMinutes: 60 },
      { day: D2, t: T2, c: "B", d: "UP", ...z, finished: 1, onTime: 1, returned: 1 },
    ]);
  });

  it("writes the cube: each day's '*' rows sum that day's detail rows, per level and direction (and leg kind)", async () => {
    const { shipments, legs } = await rollupRows();
    const figures = ["created", "weightG", "finished", "onTime", "late", "lateMinutes", "returned"] as const;
    const sum = (rows: Record<string, unknown>[], k: string) => rows.reduce((a, r) => a + Number(r[k]), 0);
    const detail = shipments.filter((r) => r.townshipCode !== "*" && r.carrierId !== "*");
    const days = [...new Set(detail.map((r) => (r.day as Date).toISOString()))];
    const level = (rows: Record<string, unknown>[], t: "*" | "T", c: "*" | "C") =>
      rows.filter(
        (r) => (t === "*" ? r.townshipCode === "*" : r.townshipCode !== "*") && (c === "*" ? r.carrierId === "*" : r.carrierId !== "*"),
      );
    for (const day of days)
      for (const direction of ["DOWN", "UP"]) {
        const of = (rows: Record<string, unknown>[]) =>
          rows.filter((r) => (r.day as Date).toISOString() === day && r.direction === direction);
        const d = of(detail);
        for (const [t, c] of [
          ["*", "*"],
          ["T", "*"],
          ["*", "C"],
        ] as const) {
          const cube = of(level(shipments, t, c));
          for (const k of figures) expect(sum(cube, k), `${day} ${direction} ${t}/${c} ${k}`).toBe(sum(d, k));
        }
        // One all-row per day and direction with parcels, one per township and one per carrier.
        expect(of(level(shipments, "*", "*")).length).toBe(d.length ? 1 : 0);
        expect(
          of(level(shipments, "T", "*"))
            .map((r) => r.townshipCode)
            .sort(),
        ).toEqual([...new Set(d.map((r) => r.townshipCode))].sort());
        expect(
          of(level(shipments, "*", "C"))
            .map((r) => r.carrierId)
            .sort(),
        ).toEqual([...new Set(d.map((r) => r.carrierId))].sort());
      }
    // D2 by hand (the detail rows above): 5 parcels created, 3 finished.
    const d2All = shipments.filter((r) => (r.day as Date).toISOString().startsWith(D2) && r.townshipCode === "*" && r.carrierId === "*");
    expect(sum(d2All, "created")).toBe(5);
    expect(sum(d2All, "finished")).toBe(3);
    const legDetail = legs.filter((r) => r.townshipCode !== "*" && r.carrierId !== "*");
    const legAll = legs.filter((r) => r.townshipCode === "*" && r.carrierId === "*");
    expect(legDetail.length).toBeGreaterThan(0);
    for (const k of ["arrived", "onTime", "lateMinutes"]) expect(sum(legAll, k)).toBe(sum(legDetail, k));
  });

  it("rebuilding again gives the same rows", async () => {
    const before = await rollupRows();
    await rebuildRollups(h.deps.db, { countyCode: county, from: "2026-11-19", to: "2026-11-23" });
    await Promise.all([rollupDay(h.deps.db, { countyCode: county, day: D2 }), rollupDay(h.deps.db, { countyCode: county, day: D2 })]);
    expect(await rollupRows()).toEqual(before);
  });

  it("refuses a bad range, naming the field", async () => {
    await expect(rebuildRollups(h.deps.db, { countyCode: county, from: D2, to: D1 })).rejects.toMatchObject({ issues: [{ path: "from" }] });
    await expect(rebuildRollups(h.deps.db, { countyCode: county, from: "2026-02-30", to: D1 })).rejects.toMatchObject({
      issues: [{ path: "from" }],
    });
  });
});

describe("indicators", () => {
  it("volumes: created and finished per day and direction, every day present", async () => {
    const v = await as("manager").volumes(range({ to: "2026-11-22" }));
    expect(v.days).toEqual([
      // D1: down A; up C, D; finished up C.
      { day: D1, downCreated: 1, upCreated: 2, downFinished: 0, upFinished: 1 },
      // D2: down B, E, G; up F, H; finished down A, B; up D.
      { day: D2, downCreated: 3, upCreated: 2, downFinished: 2, upFinished: 1 },
      { day: "2026-11-22", downCreated: 0, upCreated: 0, downFinished: 0, upFinished: 0 },
    ]);
    expect(v.totals).toEqual({ downCreated: 4, upCreated: 4, downFinished: 2, upFinished: 2 });
  });

  it("volumes follow the township, carrier and direction filters", async () => {
    // T1: A, C on D1 (C finished); E, G created and A finished on D2.
    expect((await as("manager").volumes(range({ townshipCode: T1 }))).days).toEqual([
      { day: D1, downCreated: 1, upCreated: 1, downFinished: 0, upFinished: 1 },
      { day: D2, downCreated: 2, upCreated: 0, downFinished: 1, upFinished: 0 },
    ]);
    // Carrier A: A on D1; B, G created and A, B finished on D2.
    expect((await as("manager").volumes(range({ carrierId: f.carrierA }))).totals).toEqual({
      downCreated: 3,
      upCreated: 0,
      downFinished: 2,
      upFinished: 0,
    });
    // Up: C, D on D1 (C finished); F, H on D2 (D finished).
    expect((await as("manager").volumes(range({ direction: "UP" }))).totals).toEqual({
      downCreated: 0,
      upCreated: 4,
      downFinished: 0,
      upFinished: 2,
    });
  });

  it("on time: by promise, per direction, township, leg kind and day", async () => {
    const o = await as("manager").onTime(range());
    // Finished A, B, C, D; on time A (before its promise) and D (no promise) → 2 / 4.
    expect(o).toMatchObject({ finished: 4, onTime: 2, rate: 0.5 });
    expect(o.byDirection).toEqual([
      { direction: "DOWN", finished: 2, onTime: 1, rate: 0.5 }, // A on time, B late
      { direction: "UP", finished: 2, onTime: 1, rate: 0.5 }, // C late, D on time
    ]);
    expect(o.byTownship).toEqual([
      { townshipCode: T1, townshipName: "盖州一镇", finished: 2, onTime: 1, rate: 0.5 }, // A, C
      { townshipCode: T2, townshipName: "盖州二镇", finished: 2, onTime: 1, rate: 0.5 }, // B, D
    ]);
    expect(o.days).toEqual([
      { day: D1, finished: 1, onTime: 0, rate: 0 }, // C
      { day: D2, finished: 3, onTime: 2, rate: 0.6667 }, // A, B, D: 2 / 3
    ]);
    // Legs with an arrival scan: hub→station A on time, B 30 min late; station→point A on time, B late; point→station
    // C on time; station→hub C late. C's cancelled leg and its leg closed without a scan do not count.
    expect(o.byLegKind).toEqual([
      { legKind: "COUNTY_HUB>TOWNSHIP_STATION", arrived: 2, onTime: 1, rate: 0.5 },
      { legKind: "TOWNSHIP_STATION>COUNTY_HUB", arrived: 1, onTime: 0, rate: 0 },
      { legKind: "TOWNSHIP_STATION>VILLAGE_POINT", arrived: 2, onTime: 1, rate: 0.5 },
      { legKind: "VILLAGE_POINT>TOWNSHIP_STATION", arrived: 1, onTime: 1, rate: 1 },
    ]);
    // Down only: A and B and their legs.
    const down = await as("manager").onTime(range({ direction: "DOWN" }));
    expect(down).toMatchObject({ finished: 2, onTime: 1, byDirection: [{ direction: "DOWN", finished: 2 }] });
    expect(down.byLegKind.map((l) => l.legKind)).toEqual(["COUNTY_HUB>TOWNSHIP_STATION", "TOWNSHIP_STATION>VILLAGE_POINT"]);
    // Nothing finished: no rate rather than 0.
    expect(await as("manager").onTime(range({ from: "2026-11-22", to: "2026-11-22" }))).toMatchObject({ finished: 0, rate: null });
  });

  it("consolidation: loads, fill, km against the baseline, empty running and cost per parcel", async () => {
    const c = await as("manager").consolidation(range());
    expect(c).toMatchObject({
      loads: 4, // L1, L2, L3, L5 (L4 still open)
      vehicles: 4, // 1 + 2 + 1 + 0
      parcels: 49, // 10 + 30 + 5 + 4
      fillWeight: 0.5, // (0.5 + 0.7 + 0.3) / 3 loads with vehicles
      fillVolume: 0.4, // (0.4 + 0.6 + 0.2) / 3
      plannedKm: 90, // 20 + 50 + 20
      emptyKm: 35, // 10 + 5 + 20
      emptyRunningRate: 0.3889, // 35 / 90
      baselineTrips: 9, // 3 + 4 + 2
      baselineKm: 190, // 60 + 90 + 40
      tripsSaved: 5,
      kmSaved: 100,
      costPerParcelFen: 1204, // (4 × 8000 + 90 × 300) / 49 = 59000 / 49 = 1204.08
      baselineCostPerParcelFen: 2633, // (9 × 8000 + 190 × 300) / 49 = 129000 / 49 = 2632.65
    });
    expect(c.days).toEqual([
      { day: D1, loads: 1, vehicles: 1, parcels: 5, plannedKm: 20, baselineKm: 40, tripsSaved: 1, kmSaved: 20 }, // L3
      { day: D2, loads: 3, vehicles: 3, parcels: 44, plannedKm: 70, baselineKm: 150, tripsSaved: 4, kmSaved: 80 }, // L1, L2, L5
    ]);
    // T2: S2's milk run alone.
    expect(await as("manager").consolidation(range({ townshipCode: T2 }))).toMatchObject({
      loads: 1,
      vehicles: 2,
      parcels: 30,
      fillWeight: 0.7,
      tripsSaved: 2,
      kmSaved: 40,
    });
  });

  it("counters: by venue, top products and the income reaching poor villages", async () => {
    const s = await as("manager").counters(range());
    // 2 × 1500 + 1 × 1500 + 3 × 1000 + 4 × 1200 = 3000 + 1500 + 3000 + 4800 = 12300; the apple comes from poor V1:
    // 3000 + 1500 + 4800 = 9300; 9300 / 12300 = 0.7561.
    expect(s).toMatchObject({ totalFen: 12300, quantity: 10, poorVillageIncomeFen: 9300, poorShare: 0.7561 });
    expect(s.byVenue).toEqual([
      { venueType: "HIGHWAY_SERVICE_AREA", amountFen: 7800, quantity: 7, sales: 2 },
      { venueType: "SUPERMARKET", amountFen: 4500, quantity: 3, sales: 2 },
    ]);
    expect(s.topProducts.map((p) => [p.name, p.amountFen, p.quantity])).toEqual([
      ["扶贫苹果", 9300, 7],
      ["普通梨", 3000, 3],
    ]);
    // The 23:30 sale is D1's, the 00:30 one D2's.
    expect(s.days).toEqual([
      { day: D1, amountFen: 3000 },
      { day: D2, amountFen: 9300 },
    ]);
    // T2: the service-area counter restocked at S2: 3000 + 4800.
    expect(await as("manager").counters(range({ townshipCode: T2 }))).toMatchObject({ totalFen: 7800, poorVillageIncomeFen: 4800 });
  });

  it("coverage, the map, the filter bar", async () => {
    const c = await as("manager").coverage({ countyCode: county });
    // V1 and V2 have points; V3 (poor) has none: 2 / 3 covered, 1 / 2 poor covered.
    expect(c).toMatchObject({
      townships: 2,
      townshipsWithStation: 2,
      villageUnits: 3,
      villagePoints: 2,
      coveredVillages: 2,
      coverageRate: 0.6667,
      poorVillages: 2,
      poorCovered: 1,
      poorCoverageRate: 0.5,
    });
    expect(c.byTownship).toEqual([
      { code: T1, name: "盖州一镇", hasStation: true, villages: 1, covered: 1, poor: 1, poorCovered: 1, rate: 1 },
      { code: T2, name: "盖州二镇", hasStation: true, villages: 2, covered: 1, poor: 1, poorCovered: 0, rate: 0.5 },
    ]);
    expect(c.uncovered).toEqual([{ code: V3, name: "盖州三村委会", townshipCode: T2, townshipName: "盖州二镇", poor: true }]);

    const m = await as("manager").map({ countyCode: county });
    expect(m).toMatchObject({ county: { code: county, name: "盖州" }, datum: "GCJ02" });
    expect(m.boundary?.type).toBe("FeatureCollection");
    expect(m.villages.find((v) => v.code === V3)).toMatchObject({ covered: false, poor: true, committee: true, lng: null, lat: null });
    expect(m.nodes).toHaveLength(5);
    expect(m.lanes).toHaveLength(1);
    // Loads leaving on D2 (Asia/Shanghai): L1 00:30, L2, L4 (open, no parcels yet), L5.
    expect(m.loadsToday.map((l) => [l.status, l.parcels])).toEqual([
      ["PLANNED", 10],
      ["DEPARTED", 30],
      ["PLANNED", 4],
      ["OPEN", 0],
    ]);

    const fl = await as("manager").filters({ countyCode: county });
    expect(fl.townships).toEqual([
      { code: T1, name: "盖州一镇" },
      { code: T2, name: "盖州二镇" },
    ]);
    expect(fl.carriers.map((x) => x.code)).toEqual(expect.arrayContaining(["DASH-A", "DASH-B"]));
  });

  it("bad filters are refused, naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ to: "2026-11-19" }, "to"],
      [{ to: "2027-12-30" }, "to"],
      [{ from: "2026-11-31" }, "from"],
      [{ townshipCode: "210881101" }, "townshipCode"],
      [{ carrierId: "ZTO" }, "carrierId"],
      [{ direction: "SIDEWAYS" }, "direction"],
    ];
    for (const [patch, field] of cases) {
      const r = await rejection(as("manager").volumes({ ...range(), ...patch }));
      expect(r.code, field).toBe("BAD_REQUEST");
      expect(r.paths, JSON.stringify(patch)).toEqual([field]);
    }
  });
});

describe("SLA watcher and lights", () => {
  it("recomputes lights, records one alert per RED episode even when run twice at once, and snapshots the day", async () => {
    const db = h.deps.db;
    const [a, b] = await Promise.all([
      watchSla(db, { countyCode: county, now: LIGHTS_NOW }),
      watchSla(db, { countyCode: county, now: LIGHTS_NOW }),
    ]);
    expect(a.alertsCreated + b.alertsCreated).toBe(1);
    const alerts = await db.redAlert.findMany({ where: { countyCode: county } });
    // E is overdue on its trunk leg: the hub sent it and is responsible.
    expect(alerts).toEqual([expect.objectContaining({ shipmentId: f.shipments.E, nodeId: f.hubId, resolvedAt: null, notifiedAt: null })]);
    const history = await as("manager").history({ countyCode: county, from: D1, to: D2 });
    // Open: E red (T1), F yellow (T2), G green (T1), H green (hub).
    expect(history.days).toEqual([{ day: D2, green: 2, yellow: 1, red: 1 }]);
    expect((await as("manager").history({ countyCode: county, from: D1, to: D2, townshipCode: T1 })).days).toEqual([
      { day: D2, green: 1, yellow: 0, red: 1 },
    ]);
  });

  it("lights: live counts of open parcels, the RED list by responsible node", async () => {
    const l = await as("manager").lights({ countyCode: county });
    // B is RED too but finished: not counted.
    expect(l).toMatchObject({ green: 2, yellow: 1, red: 1, asOf: LIGHTS_NOW.toISOString() });
    expect(l.redByNode).toEqual([
      expect.objectContaining({
        nodeId: f.hubId,
        tier: "COUNTY_HUB",
        contactName: "枢纽值班",
        contactPhoneMasked: "139****5678",
        staff: [{ displayName: f.hubStaffName }],
        oldestPromisedAt: "2026-11-21T03:00:00.000Z",
        parcels: [
          expect.objectContaining({
            shipmentId: f.shipments.E,
            status: "IN_TRANSIT",
            promisedAt: "2026-11-21T03:00:00.000Z",
            redSince: LIGHTS_NOW.toISOString(),
            notifiedAt: null,
          }),
        ],
      }),
    ]);
    // Where the RED ones are for the map: E is held at the hub (the finished RED parcel B is nowhere on it).
    expect(l.redAt).toEqual([{ nodeId: f.hubId, count: 1 }]);
    expect(await as("manager").lights({ countyCode: county, townshipCode: T1 })).toMatchObject({ green: 1, yellow: 0, red: 1 });
    expect(await as("manager").lights({ countyCode: county, direction: "UP" })).toMatchObject({
      redAt: [],
      green: 1,
      yellow: 1,
      red: 0,
      redByNode: [],
    });
    expect(await as("manager").lights({ countyCode: county, carrierId: f.carrierB })).toMatchObject({ green: 0, yellow: 0, red: 1 });
  });

  it("node panel: contact, what its loads moved, its late parcels", async () => {
    const hub = await as("manager").node({ countyCode: county, nodeId: f.hubId });
    expect(hub.node).toMatchObject({ tier: "COUNTY_HUB", township: null, contactPhoneMasked: "139****5678" });
    expect(hub.late).toEqual([
      expect.objectContaining({ waybillNo: expect.stringMatching(/^XDDASH/), light: "RED", status: "IN_TRANSIT" }),
    ]);
    const s1 = await as("manager").node({ countyCode: county, nodeId: f.s1Id });
    expect(s1.node.township).toEqual({ code: T1, name: "盖州一镇" });
    expect(s1.volumes).toHaveLength(30);
    // L3 left S1 on D1 with 5; on D2 L1 brought 10 and the bus load L5 took 4 on.
    expect(s1.volumes.filter((d) => d.arrived || d.departed)).toEqual([
      { day: D1, arrived: 0, departed: 5 },
      { day: D2, arrived: 10, departed: 4 },
    ]);
    // S2's milk run dropped two parcels at P2 and picked one up.
    const p2 = await as("manager").node({ countyCode: county, nodeId: f.p2Id });
    expect(p2.volumes.at(-1)).toEqual({ day: D2, arrived: 2, departed: 1 });
    expect(p2.late.map((x) => x.light)).toEqual(["YELLOW"]);
    await expect(as("manager").node({ countyCode: county, nodeId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("notifyRed marks the node's alerts and queues one message; nothing new → nothing", async () => {
    const db = h.deps.db;
    expect(await as("manager").notifyRed({ countyCode: county, nodeId: f.hubId })).toEqual({ alerts: 1 });
    expect(await as("manager").notifyRed({ countyCode: county, nodeId: f.hubId })).toEqual({ alerts: 0 });
    const outbox = await db.outboxEvent.findMany({ where: { name: "dashboard.notifyRed" } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.payload).toMatchObject({ countyCode: county, nodeId: f.hubId, notifiedAt: LIGHTS_NOW.toISOString() });
    const alert = await db.redAlert.findFirstOrThrow({ where: { shipmentId: f.shipments.E } });
    expect(alert).toMatchObject({ notifiedAt: LIGHTS_NOW, notifiedById: w.actors.manager!.userId });
    const l = await as("manager").lights({ countyCode: county });
    expect(l.redByNode[0]!.parcels[0]!.notifiedAt).toBe(LIGHTS_NOW.toISOString());
  });

  it("resolves the alert when the parcel is no longer RED, and a new RED episode is a new alert", async () => {
    const db = h.deps.db;
    // E re-planned: its trunk leg now arrives at 17:00 (GREEN at 14:20).
    await db.shipmentLeg.updateMany({ where: { shipmentId: f.shipments.E }, data: { plannedArrive: new Date("2026-11-21T09:00:00Z") } });
    const r = await watchSla(db, { countyCode: county, now: LIGHTS_NOW });
    expect(r).toMatchObject({ alertsResolved: 1, alertsCreated: 0 });
    expect(await as("manager").lights({ countyCode: county })).toMatchObject({ red: 0, redByNode: [] });
    // At 17:30 it is overdue again (and so are F, due at P2's 14:30 departure, and G, due at S1 at 17:00).
    const later = new Date("2026-11-21T09:30:00Z");
    expect(await watchSla(db, { countyCode: county, now: later })).toMatchObject({ alertsCreated: 3 });
    const alerts = await db.redAlert.findMany({ where: { shipmentId: f.shipments.E }, orderBy: { createdAt: "asc" } });
    expect(alerts.map((a) => [a.resolvedAt !== null, a.notifiedAt !== null])).toEqual([
      [true, true],
      [false, false],
    ]);
  });
});

describe("incremental roll-up", () => {
  it("the day's roll-up after a parcel finished updates the figures", async () => {
    const db = h.deps.db;
    // G reaches P1 at 19:00 on D2, after its 18:00 promise.
    await db.shipment.update({ where: { id: f.shipments.G }, data: { status: "DELIVERED", finishedAt: new Date("2026-11-21T11:00:00Z") } });
    const before = await as("manager").onTime(range());
    expect(before.finished).toBe(4);
    await rollupDay(db, { countyCode: county, day: D2 });
    const after = await as("manager").onTime(range());
    expect(after).toMatchObject({ finished: 5, onTime: 2, rate: 0.4 }); // 2 / 5
    expect((await as("manager").volumes(range())).totals.downFinished).toBe(3);
  });
});

describe("access", () => {
  it("a manager of another county, station staff and merchants are refused", async () => {
    for (const role of ["otherManager", "station", "merchant", "counter"] as const) {
      expect((await rejection(as(role).lights({ countyCode: county }))).code, role).toBe("FORBIDDEN");
      expect((await rejection(as(role).volumes(range()))).code, role).toBe("FORBIDDEN");
      expect((await rejection(as(role).notifyRed({ countyCode: county, nodeId: f.hubId }))).code, role).toBe("FORBIDDEN");
    }
    // ADMIN sees any county.
    expect(await as("admin").volumes(range())).toMatchObject({ totals: { downCreated: 4 } });
  });
});
