// Network imports on real Gaizhou areas: good files land, a file with any bad row changes
// nothing and names row and column, re-imports are idempotent, XLSX works like CSV.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { importDivisions } from "../areas/import-divisions.ts";
import { findCoverage } from "./coverage.ts";
import { executeImportRun, runFileImport } from "./imports.ts";
import { scaled } from "@xiangda/config/testing";

let tdb: TestDatabase;
const csv = (s: string) => ({ name: "f.csv", data: Buffer.from(s.trim() + "\n") });

const NODES = `
code,name,tier,areaCode,parentCode,cold,selfPickup,status
HUB,盖州市物流中心,COUNTY_HUB,210881000000,,both,no,ACTIVE
S102,高屯镇服务站,TOWNSHIP_STATION,210881102000,HUB,chilled,yes,ACTIVE
S105,沙岗镇服务站,TOWNSHIP_STATION,210881105,HUB,no,yes,SUSPENDED
P200,高屯村服务点,VILLAGE_POINT,210881102200,S102,,yes,ACTIVE
P202,和美村服务点,VILLAGE_POINT,210881102202,S102,,yes,ACTIVE
P5200,沙岗村服务点,VILLAGE_POINT,210881105200,S105,,yes,ACTIVE
`;

async function snapshot() {
  const [nodes, lanes, vehicles] = await Promise.all([
    tdb.db.node.findMany({ orderBy: { code: "asc" } }),
    tdb.db.lane.findMany({ orderBy: { code: "asc" } }),
    tdb.db.vehicle.findMany({ orderBy: { number: "asc" } }),
  ]);
  return JSON.stringify({ nodes, lanes, vehicles });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  await importDivisions(tdb.db, "210881");
  await tdb.db.carrier.create({ data: { code: "ZTO", name: "中通快递" } });
}, scaled(60_000));
afterAll(async () => tdb?.drop());

describe("nodes import", () => {
  it("reports row errors in a dry run and writes nothing", async () => {
    const r = await runFileImport(tdb.db, { kind: "nodes", file: csv(NODES), dryRun: true });
    expect(r).toMatchObject({ countyCode: "210881", rows: 6, toCreate: 6, toUpdate: 0, errors: [], written: null });
    expect(await tdb.db.node.count()).toBe(0);
  });

  it("imports a good file, parents first, then re-imports it as updates only", async () => {
    const r = await runFileImport(tdb.db, { kind: "nodes", file: csv(NODES) });
    expect(r.written).toEqual({ created: 6, updated: 0 });
    const s102 = await tdb.db.node.findFirstOrThrow({ where: { code: "S102" }, include: { parent: true } });
    expect(s102).toMatchObject({ tier: "TOWNSHIP_STATION", coldChilled: true, coldFrozen: false, selfPickup: true });
    expect(s102.parent?.code).toBe("HUB");
    expect(await tdb.db.node.findFirst({ where: { code: "S105", areaCode: "210881105000", status: "SUSPENDED" } })).not.toBeNull();
    const before = await snapshot();
    const again = await runFileImport(tdb.db, { kind: "nodes", file: csv(NODES) });
    expect(again.written).toEqual({ created: 0, updated: 6 });
    const after = JSON.parse(await snapshot()) as { nodes: { updatedAt: string }[] };
    const strip = (x: string) => JSON.stringify((JSON.parse(x) as { nodes: object[] }).nodes.map((n) => ({ ...n, updatedAt: 0 })));
    expect(strip(JSON.stringify(after))).toBe(strip(before));
  });

  it("changes nothing when any row is bad, and names row and column of each problem", async () => {
    const before = await snapshot();
    const bad = `
code,name,tier,areaCode,parentCode,cold,selfPickup,status
P204,蟒峪村服务点,VILLAGE_POINT,210881102204,S102,,yes,ACTIVE
S999,错误站,TOWNSHIP_STATION,210881102204,HUB,,yes,ACTIVE
P206,狮峪村服务点,VILLAGE_POINT,210881102206,HUB,,yes,ACTIVE
P5202,转山村服务点,VILLAGE_POINT,210881105202,S102,,yes,ACTIVE
X1,,castle,12,NOPE,warm,maybe,OPEN
P204,重复,VILLAGE_POINT,210881102208,S102,,yes,ACTIVE
`;
    const r = await runFileImport(tdb.db, { kind: "nodes", file: csv(bad) });
    expect(r.written).toBeNull();
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(["areaCode"]); // a station on a village
    expect(at(4)).toEqual(["parentCode"]); // a point whose parent is the hub
    expect(r.errors.find((e) => e.row === 5)).toMatchObject({
      column: "parentCode",
      message: expect.stringContaining("crossBorderReason"),
    });
    expect(at(6).sort()).toEqual(["areaCode", "cold", "name", "selfPickup", "status", "tier"].sort());
    expect(r.errors.find((e) => e.row === 7)).toMatchObject({ column: "code", message: expect.stringContaining("appears twice") });
    expect(await snapshot()).toBe(before);
  });

  it("accepts a village served across a township border with a reason", async () => {
    const r = await runFileImport(tdb.db, {
      kind: "nodes",
      file: csv(
        `code,name,tier,areaCode,parentCode,crossBorderReason\nP5202,转山村服务点,VILLAGE_POINT,210881105202,S102,沙岗站暂停，由高屯站代管`,
      ),
    });
    expect(r.errors).toEqual([]);
    expect(r.written).toEqual({ created: 1, updated: 0 });
  });

  it("rejects a file without the required columns, and an unknown county", async () => {
    const r = await runFileImport(tdb.db, { kind: "nodes", file: csv("code,name\nA,B") });
    expect(r.errors.map((e) => e.column).sort()).toEqual(["areaCode", "tier"]);
    await expect(runFileImport(tdb.db, { kind: "nodes", file: csv("code,name,tier,areaCode\nH,hub,COUNTY_HUB,110101000000") })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("county 110101 is not imported"),
    });
  });

  it("takes a self-pickup node's pickup check and hold days from their columns, and names a bad one (issue #17)", async () => {
    const head = "code,name,tier,areaCode,parentCode,selfPickup,取件核验,保管天数";
    const good = await runFileImport(tdb.db, {
      kind: "nodes",
      file: csv(`${head}\nP200,高屯村服务点,VILLAGE_POINT,210881102200,S102,yes,code_phone_or_id,14\nP202,和美村服务点,VILLAGE_POINT,210881102202,S102,yes,取件码,`),
    });
    expect(good.errors).toEqual([]);
    expect(await tdb.db.node.findFirstOrThrow({ where: { code: "P200" } })).toMatchObject({ pickupCheck: "CODE_PHONE_OR_ID", pickupHoldDays: 14 });
    // An empty cell keeps the node's days.
    expect(await tdb.db.node.findFirstOrThrow({ where: { code: "P202" } })).toMatchObject({ pickupCheck: "CODE" });
    const before = await snapshot();
    const bad = await runFileImport(tdb.db, {
      kind: "nodes",
      file: csv(`${head}\nP200,高屯村服务点,VILLAGE_POINT,210881102200,S102,yes,PHONE,14\nP202,和美村服务点,VILLAGE_POINT,210881102202,S102,yes,CODE,0`),
    });
    expect(bad.errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [2, "pickupCheck", "NOT_ONE_OF"],
      [3, "pickupHoldDays", "NUMBER_MIN"],
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("reads XLSX the same as CSV", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("nodes");
    ws.addRow(["code", "name", "tier", "areaCode", "parentCode", "cold", "selfPickup", "status"]);
    ws.addRow(["P208", "石灰窑村服务点", "VILLAGE_POINT", "210881102208", "S102", "", "yes", "ACTIVE"]);
    ws.addRow(["P210", "现峪村服务点", "VILLAGE_POINT", 210881102210, "S102", "", "是", "ACTIVE"]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await runFileImport(tdb.db, { kind: "nodes", file: { name: "nodes.xlsx", data } });
    expect(r.errors).toEqual([]);
    expect(r.written).toEqual({ created: 2, updated: 0 });
    expect(await tdb.db.node.findFirst({ where: { code: "P210", areaCode: "210881102210" } })).not.toBeNull();
  });
});

describe("lanes and vehicles import", () => {
  it("imports lanes, rejecting unrelated tiers unless DIRECT with a reason", async () => {
    const bad = `
code,from,to,mode,departures,weekdays,cutoffMinutes,transitMinutes,cold
T1,HUB,S102,TRUNK,08:00;14:30,1-5,30,60,yes
T2,HUB,P200,TRUNK,08:00,1-5,30,60,no
D1,HUB,P200,DIRECT,08:00,1-5,30,60,no
M1,S102,P200,MILK_RUN,25:00,1-5,30,60,no
`;
    const before = await snapshot();
    const r = await runFileImport(tdb.db, { kind: "lanes", file: csv(bad) });
    expect(r.errors).toEqual([
      {
        row: 3,
        column: "mode",
        message: expect.stringContaining("DIRECT"),
        key: "LANE_MODE_TIERS",
        params: { mode: "TRUNK", fromTier: "COUNTY_HUB", toTier: "VILLAGE_POINT" },
      },
      { row: 4, column: "directReason", message: "a DIRECT lane needs a reason", key: "DIRECT_LANE_NEEDS_REASON", params: {} },
      { row: 5, column: "departures", message: expect.stringContaining("25:00"), key: "NOT_TIME_OF_DAY", params: { value: "25:00" } },
    ]);
    expect(await snapshot()).toBe(before);

    const good = `
code,from,to,mode,departures,weekdays,cutoffMinutes,transitMinutes,cold,directReason,stops
T1,HUB,S102,TRUNK,14:30;08:00,1-5,30,60,yes,,
T1U,S102,HUB,TRUNK,17:00,1-5,30,60,yes,,
D1,HUB,P200,DIRECT,08:00,"1,3,5",30,60,no,离中心近,
M1,S102,P202,MILK_RUN,09:30,,15,40,no,,210881102212;210881102215
`;
    const ok = await runFileImport(tdb.db, { kind: "lanes", file: csv(good) });
    expect(ok.errors).toEqual([]);
    expect(ok.written).toEqual({ created: 4, updated: 0 });
    const t1 = await tdb.db.lane.findFirstOrThrow({ where: { code: "T1" } });
    expect(t1).toMatchObject({
      departures: ["08:00", "14:30"],
      weekdays: [1, 2, 3, 4, 5],
      cutoffMinutes: 30,
      transitMinutes: 60,
      cold: true,
    });
    expect((await tdb.db.lane.findFirstOrThrow({ where: { code: "M1" } })).weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("imports vehicles and rejects bad plates, capacities and home nodes", async () => {
    const r = await runFileImport(tdb.db, {
      kind: "vehicles",
      file: csv(`
number,plate,homeNode,capacityKg,capacityM3,cold,energy,carrier
V1,辽H12345,HUB,1500,9.5,both,fuel,ZTO
V2,ABC,HUB,0,-1,none,ev,
V3,辽HD12345,NOPE,800,4,none,新能源,SF
`),
    });
    expect(r.written).toBeNull();
    expect(
      r.errors
        .filter((e) => e.row === 3)
        .map((e) => e.column)
        .sort(),
    ).toEqual(["capacityKg", "capacityM3"]);
    expect(
      r.errors
        .filter((e) => e.row === 4)
        .map((e) => e.column)
        .sort(),
    ).toEqual(["carrier", "homeNode"]);
    expect(await tdb.db.vehicle.count()).toBe(0);
    const ok = await runFileImport(tdb.db, {
      kind: "vehicles",
      file: csv(
        `number,plate,homeNode,capacityKg,capacityM3,cold,energy\nV1,辽H12345,HUB,1500,9.5,both,fuel\nV2,辽HD12345,S102,800,4,none,新能源`,
      ),
    });
    expect(ok.written).toEqual({ created: 2, updated: 0 });
    expect(await tdb.db.vehicle.findFirst({ where: { number: "V1", capacityL: 9500, cold: "BOTH" } })).not.toBeNull();
  });
});

describe("coverage and poor villages", () => {
  it("counts covered units by active points and active milk-run stops", async () => {
    const poor = await runFileImport(tdb.db, { kind: "poor", file: csv("code\n210881102200\n210881102212\n210881105200"), countyCode: "210881" });
    expect(poor.errors).toEqual([]);
    const c = await findCoverage(tdb.db, { countyCode: "210881" });
    // Active points: P200, P202, P208, P210 (高屯), P5202 (转山, cross-border); P5200's station is
    // suspended but the point itself is active, so it counts. Milk run M1 stops at 212 and 215.
    expect(c.villageUnitsCovered).toBe(8);
    expect(c.coveredBy.get("210881102212")).toBe("MILK_RUN");
    expect(c.townshipsWithStation).toBe(1);
    expect(c).toMatchObject({
      townships: 27,
      villageUnits: 301,
      villageCommittees: 283,
      poorVillages: 3,
      poorVillagesCovered: 3,
      coverageRate: Math.round((8 / 301) * 10000) / 10000,
    });
    await tdb.db.lane.update({ where: { countyCode_code: { countyCode: "210881", code: "M1" } }, data: { status: "SUSPENDED" } });
    expect((await findCoverage(tdb.db, { countyCode: "210881" })).villageUnitsCovered).toBe(6);
  });
});

describe("import runs", () => {
  it("runs a queued import to DONE with progress, and a bad one to FAILED writing nothing", async () => {
    const good = await tdb.db.importRun.create({
      data: {
        countyCode: "210881",
        kind: "nodes",
        fileName: "n.csv",
        content: new Uint8Array(Buffer.from("code,name,tier,areaCode,parentCode\nP212,落水寨村服务点,VILLAGE_POINT,210881102212,S102\n")),
      },
    });
    await executeImportRun(tdb.db, good.id);
    const g = await tdb.db.importRun.findUniqueOrThrow({ where: { id: good.id } });
    expect(g).toMatchObject({ status: "DONE", done: 1, total: 1, content: null, summary: { rows: 1, created: 1, updated: 0 } });
    // Running it again (a retried job) changes nothing.
    await executeImportRun(tdb.db, good.id);
    expect(await tdb.db.node.count({ where: { code: "P212" } })).toBe(1);

    const before = await snapshot();
    const bad = await tdb.db.importRun.create({
      data: {
        countyCode: "210881",
        kind: "nodes",
        fileName: "n.csv",
        content: new Uint8Array(
          Buffer.from("code,name,tier,areaCode,parentCode\nP215,x,VILLAGE_POINT,210881102215,S102\nP2,y,VILLAGE_POINT,999,S102\n"),
        ),
      },
    });
    await executeImportRun(tdb.db, bad.id);
    const b = await tdb.db.importRun.findUniqueOrThrow({ where: { id: bad.id } });
    expect(b.status).toBe("FAILED");
    expect(b.errors).toEqual([{ row: 3, column: "areaCode", message: expect.any(String), key: "NOT_AREA_CODE", params: { value: "999" } }]);
    expect(await snapshot()).toBe(before);
  });
});
