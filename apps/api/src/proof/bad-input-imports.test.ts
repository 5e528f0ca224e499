// Property tests for every file import, over HTTP: network imports (nodes, lanes, vehicles, poor villages) and
// carriers' arrival manifests, as CSV files built from generated cells (good values, junk, hostile text, broken
// quoting). Never a 5xx; every problem names its row and column (or the file); a file with any bad row stores
// nothing; a dry run reports exactly what the real run does. Seed: XD_FC_SEED.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeImportRun } from "@xiangda/api";
import { call, errorProblems, fingerprint, NASTY, runs, startProof, type Proof } from "./lib/http.ts";

let p: Proof;
let county: string;
let areas: string[];
let nodeCodes: string[];

beforeAll(async () => {
  p = await startProof();
  county = p.w.home.countyCode;
  areas = (await p.h.deps.db.adminArea.findMany({ where: { countyCode: county }, select: { code: true } })).map((a) => a.code);
  nodeCodes = (await p.h.deps.db.node.findMany({ where: { countyCode: county }, select: { code: true } })).map((n) => n.code);
  await p.h.deps.db.carrier.create({ data: { code: "ZTO", name: "中通", waybillPattern: "^7\\d{11}$" } });
}, 60_000);
afterAll(async () => p?.close());

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(...NASTY.filter((s) => s.length < 100)),
  fc.integer({ min: -1000, max: 10_000_000 }).map(String),
);
/// A cell: mostly a value of its column, else anything.
const cell = (good: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: junk });
const int = (min: number, max: number) => fc.integer({ min, max }).map(String);
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

type Columns = Record<string, fc.Arbitrary<string>>;
interface Spec {
  required: string[];
  columns: Columns;
  /// Values that belong together (a tier with its area and parent), laid over a clean row.
  coherent?: fc.Arbitrary<Record<string, string>>;
}
const COLUMNS: Record<"nodes" | "lanes" | "vehicles" | "poor", () => Spec> = {
  nodes: () => ({
    required: ["code", "name", "tier", "areaCode"],
    columns: {
      code: fc.stringMatching(/^[A-Z][A-Z0-9-]{1,10}$/),
      name: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom(...NASTY.slice(0, 10))),
      tier: fc.constantFrom("COUNTY_HUB", "TOWNSHIP_STATION", "VILLAGE_POINT"),
      areaCode: fc.oneof(fc.constantFrom(...areas), fc.constantFrom(...areas.map((a) => a.slice(0, 9))), fc.stringMatching(/^\d{12}$/)),
      parentCode: fc.constantFrom("", ...nodeCodes),
      cold: fc.constantFrom("none", "chilled", "frozen", "both", "yes", ""),
      selfPickup: fc.constantFrom("yes", "no", "true", "false", "是", ""),
      status: fc.constantFrom("ACTIVE", "SUSPENDED", "CLOSED"),
      dailyCapacity: int(0, 100_000),
      handlingMinutes: int(0, 1440),
      openingHours: fc.tuple(hhmm, hhmm).map(([a, b]) => `${a}-${b}`),
      contactPhone: fc.stringMatching(/^1\d{10}$/),
      crossBorderReason: fc.string({ maxLength: 40 }),
    },
    coherent: fc.constantFrom(
      { tier: "VILLAGE_POINT", areaCode: `${county}101201`, parentCode: `${county}-S1` },
      { tier: "TOWNSHIP_STATION", areaCode: `${county}102000`, parentCode: `${county}-HUB` },
      { tier: "TOWNSHIP_STATION", areaCode: `${county}101`, parentCode: `${county}-HUB` },
    ),
  }),
  lanes: () => ({
    required: ["code", "from", "to", "mode", "departures", "transitMinutes"],
    columns: {
      code: fc.stringMatching(/^[A-Z][A-Z0-9-]{1,10}$/),
      from: fc.constantFrom(...nodeCodes),
      to: fc.constantFrom(...nodeCodes),
      mode: fc.constantFrom("TRUNK", "MILK_RUN", "BUS", "DIRECT"),
      departures: fc.array(hhmm, { minLength: 1, maxLength: 3 }).map((d) => d.join(";")),
      transitMinutes: int(1, 3000),
      weekdays: fc.constantFrom("", "1-5", "1,3,5", "7", "0", "1-9"),
      cutoffMinutes: int(0, 500),
      cold: fc.constantFrom("none", "chilled", "frozen", "both", ""),
      directReason: fc.string({ maxLength: 40 }),
      stops: fc.array(fc.constantFrom(...areas), { maxLength: 3 }).map((s) => s.join(";")),
    },
  }),
  vehicles: () => ({
    required: ["number", "plate", "homeNode", "capacityKg", "capacityM3"],
    columns: {
      number: fc.stringMatching(/^[A-Z0-9]{2,12}$/),
      plate: fc.oneof(fc.stringMatching(/^辽H[A-Z0-9]{5}$/), fc.stringMatching(/^辽HD[A-Z0-9]{5}$/)),
      homeNode: fc.constantFrom(...nodeCodes),
      capacityKg: int(1, 100_000),
      capacityM3: fc.double({ min: 0.01, max: 500, noNaN: true }).map((x) => x.toFixed(2)),
      cold: fc.constantFrom("none", "chilled", "frozen", "both"),
      energy: fc.constantFrom("NEW_ENERGY", "FUEL", "fuel", "电"),
      carrier: fc.constantFrom("", "ZTO", "NOPE"),
      status: fc.constantFrom("ACTIVE", "MAINTENANCE", "RETIRED"),
    },
    coherent: fc.oneof(
      fc.stringMatching(/^辽H[A-Z0-9]{5}$/).map((plate) => ({ plate, energy: "FUEL" })),
      fc.stringMatching(/^辽H[DF][A-Z0-9]{5}$/).map((plate) => ({ plate, energy: "NEW_ENERGY" })),
    ),
  }),
  poor: () => ({
    required: ["code"],
    columns: { code: fc.oneof(fc.constantFrom(...areas), fc.stringMatching(/^\d{12}$/)), isPoor: fc.constantFrom("yes", "no", "") },
  }),
};

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/// A CSV file: the required columns and some optional ones in any order (now and then one left out), 1–6 rows;
/// cells quoted properly, or now and then joined raw (stray quotes and commas break the file).
function csvFile(spec: Spec) {
  const optional = Object.keys(spec.columns).filter((c) => !spec.required.includes(c));
  return fc
    .record({
      // Half the files hold only values of their columns (they may still break the network's rules).
      clean: fc.boolean(),
      extra: fc.subarray(optional),
      dropped: fc.option(fc.constantFrom(...spec.required), { freq: 8 }),
      raw: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    })
    .chain(({ clean, extra, dropped, raw }) => {
      const header = [...spec.required.filter((c) => clean || c !== dropped), ...extra];
      const cells = fc.tuple(...header.map((c) => (clean ? spec.columns[c]! : cell(spec.columns[c]!))));
      const row = clean && spec.coherent ? fc.tuple(cells, spec.coherent).map(([r, o]) => header.map((c, j) => o[c] ?? r[j]!)) : cells;
      return fc
        .tuple(fc.shuffledSubarray(header, { minLength: header.length }), fc.array(row, { minLength: 1, maxLength: 6 }))
        .map(([order, rows]) => {
          const idx = order.map((c) => header.indexOf(c));
          const line = (cells: string[]) => (raw && !clean ? cells.join(",") : cells.map(quote).join(","));
          return [line(order), ...rows.map((r) => line(idx.map((i) => r[i]!)))].join("\n");
        });
    });
}

interface RunView {
  status: "DONE" | "FAILED" | "PENDING" | "RUNNING";
  errors: { row: number; column: string; message: string }[];
  error: string | null;
}

for (const kind of ["nodes", "lanes", "vehicles", "poor"] as const) {
  describe(`network import: ${kind}`, () => {
    it("reports each bad row by row and column, stores nothing unless every row is good, and agrees with its dry run", async () => {
      // What an import may write besides the network: its ImportRun and the outbox row that queues it.
      const tables = ["Node", "Lane", "Vehicle", "AdminArea"];
      const seen = { done: 0, failed: 0 };
      await fc.assert(
        fc.asyncProperty(csvFile(COLUMNS[kind]()), async (text) => {
          const file = { countyCode: county, kind, fileName: `${kind}.csv`, contentBase64: Buffer.from(text).toString("base64") };
          const before = await fingerprint(p.h.deps.db, tables);
          const preview = await call(p.app, "network.imports.preview", file, p.tokens.manager);
          const start = await call(p.app, "network.imports.start", file, p.tokens.manager);
          if (start.status !== 200) {
            expect(errorProblems(start)).toEqual([]);
            return;
          }
          const importId = (start.body as { result: { data: { importId: string } } }).result.data.importId;
          await executeImportRun(p.h.deps.db, importId);
          const got = await call(p.app, "network.imports.get", { countyCode: county, importId }, p.tokens.manager, { query: true });
          expect(got.status, got.text).toBe(200);
          const run = (got.body as { result: { data: RunView } }).result.data;
          const rows = text.split("\n").length;
          if (run.status === "FAILED") {
            seen.failed++;
            const without = (f: string) => f.replace(/(ImportRun|OutboxEvent)=\d+;?/g, "");
            expect(without(await fingerprint(p.h.deps.db, tables))).toBe(without(before));
            if (run.errors.length === 0) expect(run.error ?? "").toMatch(/^[\w.]+: ./);
            for (const e of run.errors) {
              expect(e.column, JSON.stringify(e)).toMatch(/\S/);
              expect(e.message).toMatch(/\S/);
              expect(e.row).toBeGreaterThanOrEqual(0);
              expect(e.row).toBeLessThanOrEqual(rows + 1);
            }
          } else {
            expect(run.status).toBe("DONE");
            seen.done++;
          }
          // The dry run saw the same problems (a file-level one is a named 400 there).
          if (preview.status === 200)
            expect((preview.body as { result: { data: { errors: unknown[] } } }).result.data.errors).toEqual(run.errors);
          else {
            expect(errorProblems(preview)).toEqual([]);
            expect(run.status).toBe("FAILED");
          }
        }),
        runs(kind === "poor" ? 60 : 90),
      );
      expect(seen.failed).toBeGreaterThan(0);
      expect(seen.done).toBeGreaterThan(0);
    }, 120_000);
  });
}

/// At the county hub (the manager, county-level) and at a township station (its staff, villages of its township only).
const MANIFEST_TARGETS = [
  { at: "hub", proc: "shipments.importManifest", who: "manager", event: "MANIFEST_ARRIVAL" },
  { at: "station", proc: "shipments.importNodeManifest", who: "station", event: "MANIFEST_ANNOUNCED" },
] as const;

describe.each(MANIFEST_TARGETS)("arrival manifest at the $at ($proc)", ({ at, proc, who, event }) => {
  it("creates parcels only from good rows, names every bad row's column, and a dry run or a bad file stores nothing", async () => {
    const station = await p.h.deps.db.node.findUniqueOrThrow({ where: { id: p.w.home.stationId } });
    const target = at === "hub" ? { countyCode: county } : { nodeId: station.id };
    const own = await p.h.deps.db.adminArea.findMany({ where: { parentCode: station.areaCode, level: "VILLAGE" }, select: { code: true } });
    const village = at === "hub" ? areas.find((a) => !a.endsWith("000"))! : own[0]!.code;
    // At the station, a village of another township is a bad row too.
    const t2 = (await p.h.deps.db.node.findUniqueOrThrow({ where: { id: p.w.home.otherStationId } })).areaCode;
    const elsewhere = `${t2.slice(0, 9)}201`;
    await p.h.deps.db.adminArea.upsert({
      where: { code: elsewhere },
      update: {},
      create: { code: elsewhere, countyCode: county, level: "VILLAGE", kind: "村委会", name: "邻乡二村委会", parentCode: t2 },
    });
    const villageName = (await p.h.deps.db.adminArea.findUniqueOrThrow({ where: { code: village } })).name;
    const spec = {
      required: ["waybillNo", "recipientName", "recipientPhone", "weightG", "villageCode"],
      columns: {
        waybillNo: fc.stringMatching(/^7\d{11}$/),
        recipientName: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom(...NASTY.slice(0, 10))),
        recipientPhone: fc.oneof(fc.stringMatching(/^1\d{10}$/), fc.stringMatching(/^0\d{3}-\d{7}$/)),
        weightG: int(-10, 2_000_000),
        villageCode: fc.constantFrom(village, village.slice(0, 9), "999999999999", ...(at === "station" ? [elsewhere] : [])),
        address: fc.constantFrom(`辽宁省盖州市${villageName}`, "不存在的地方", ""),
        temp: fc.constantFrom("", "ambient", "冷藏", "frozen", "hot"),
        contentsCategory: fc.string({ maxLength: 50 }),
        declaredValueFen: int(-1, 200_000_000),
      },
    };
    const seen = { created: 0, badRows: 0, refused: 0 };
    type Out = {
      created: number;
      manifestId: string | null;
      errors: { row: number; column: string; message: string }[];
      unresolved: { row: number }[];
    };
    await fc.assert(
      fc.asyncProperty(csvFile(spec), fc.boolean(), async (text, dryRun) => {
        const before = await fingerprint(p.h.deps.db, ["Shipment", "ShipmentLeg"]);
        const r = await call(
          p.app,
          proc,
          { ...target, carrierCode: "ZTO", fileName: "m.csv", contentBase64: Buffer.from(text).toString("base64"), dryRun },
          p.tokens[who],
        );
        if (r.status !== 200) {
          expect(errorProblems(r)).toEqual([]);
          expect(await fingerprint(p.h.deps.db, ["Shipment", "ShipmentLeg"])).toBe(before);
          seen.refused++;
          return;
        }
        const out = (r.body as { result: { data: Out } }).result.data;
        for (const e of out.errors) {
          expect(e.column, JSON.stringify(e)).toMatch(/\S/);
          expect(e.message).toMatch(/\S/);
          expect(e.row).toBeGreaterThanOrEqual(1);
        }
        for (const u of out.unresolved) expect(u.row).toBeGreaterThanOrEqual(2);
        if (out.errors.length) seen.badRows++;
        if (dryRun || !out.manifestId) {
          expect(await fingerprint(p.h.deps.db, ["Shipment", "ShipmentLeg"])).toBe(before);
          return;
        }
        // A manifest is taken row by row (README): the good rows become parcels, a bad or unresolved row none.
        const made = await p.h.deps.db.shipmentEvent.findMany({
          where: { type: event, details: { path: ["manifestId"], equals: out.manifestId } },
        });
        expect(made).toHaveLength(out.created);
        const bad = new Set([...out.errors.map((e) => e.row), ...out.unresolved.map((u) => u.row)]);
        for (const m of made) expect(bad.has((m.details as { row: number }).row)).toBe(false);
        if (out.created) seen.created++;
      }),
      runs(150),
    );
    expect(seen.badRows).toBeGreaterThan(0);
    expect(seen.created).toBeGreaterThan(0);
  }, 120_000);
});
