// `pnpm xd` as an operator runs it: real processes, --json output, non-zero exits with the field named.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { xd, xdProcess } from "./test-cli.ts";
import { scaled } from "@xiangda/config/testing";

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  process.env.DATABASE_URL = tdb.url;
});
afterAll(async () => tdb?.drop());


describe("pnpm xd", () => {
  it("imports Gaizhou's divisions with the official counts, and a re-import changes nothing", async () => {
    const first = await xd("divisions", "import", "--county", "210881", "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(first.json).toMatchObject({ townships: 27, villageUnits: 301, villageCommittees: 283, added: 328 });
    const again = await xd("divisions", "import", "--county", "210881", "--json");
    expect(again.json).toMatchObject({ added: 0, renamed: [], removed: [], restored: 0, unchanged: 328 });
  }, scaled(60_000));

  it("rejects an unknown county code, naming the field", async () => {
    const r = await xd("divisions", "import", "--county", "999999", "--json");
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "county" }] });
    expect(r.stderr).toMatch(/unknown county code 999999/);
  });

  it("creates users of each role and refuses bad or duplicate ones", async () => {
    const admin = await xd("users", "create", "--username", "ops1", "--password", "long-enough-1", "--role", "ADMIN", "--json");
    expect(admin.code, admin.stderr).toBe(0);
    expect(admin.json).toMatchObject({ username: "ops1", role: "ADMIN" });

    const mgr = await xd("users", "create", "--username", "mgr1", "--password", "long-enough-1", "--role", "COUNTY_MANAGER", "--county", "210881", "--json");
    expect(mgr.json).toMatchObject({ role: "COUNTY_MANAGER", countyCode: "210881" });

    const missing = await xd("users", "create", "--username", "mgr2", "--password", "long-enough-1", "--role", "COUNTY_MANAGER", "--json");
    expect(missing.code).toBe(1);
    expect(missing.json).toMatchObject({ issues: [{ path: "county", message: "required for role COUNTY_MANAGER" }] });

    const unknownNode = await xd("users", "create", "--username", "st1", "--password", "long-enough-1", "--role", "STATION_STAFF", "--node", "NOPE", "--json");
    expect(unknownNode.code).toBe(1);
    expect(unknownNode.json).toMatchObject({ issues: [{ path: "node" }] });

    const dup = await xd("users", "create", "--username", "ops1", "--password", "long-enough-1", "--role", "ADMIN", "--json");
    expect(dup.code).toBe(1);
    expect(dup.json).toMatchObject({ code: "CONFLICT" });

    const badRole = await xd("users", "create", "--username", "x1", "--password", "long-enough-1", "--role", "KING", "--json");
    expect(badRole.code).toBe(1);
    expect(JSON.stringify(badRole.json)).toMatch(/role/);
    expect(await tdb.db.user.count()).toBe(2);
  }, scaled(60_000));

  it("imports nodes from a file, refuses a bad file with row and column, and prints coverage", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xd-cli-"));
    const good = path.join(dir, "nodes.csv");
    writeFileSync(
      good,
      "code,name,tier,areaCode,parentCode,cold,selfPickup,status\nHUB,中心,COUNTY_HUB,210881000000,,yes,no,ACTIVE\nS102,高屯站,TOWNSHIP_STATION,210881102000,HUB,no,yes,ACTIVE\nP200,高屯村点,VILLAGE_POINT,210881102200,S102,no,yes,ACTIVE\n",
    );
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "code,name,tier,areaCode,parentCode\nP202,和美村点,VILLAGE_POINT,210881102202,S102\nP204,蟒峪,TOWNSHIP_STATION,210881102204,HUB\n");

    const dry = await xd("nodes", "import", good, "--dry-run", "--json");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json).toMatchObject({ dryRun: true, rows: 3, toCreate: 3, errors: [], written: null });

    const ok = await xd("nodes", "import", good, "--json");
    expect(ok.json).toMatchObject({ countyCode: "210881", written: { created: 3, updated: 0 } });

    const no = await xd("nodes", "import", bad, "--json");
    expect(no.code).toBe(1);
    expect(no.json).toMatchObject({ written: null, errors: [{ row: 3, column: "areaCode" }] });
    expect(no.stderr).toMatch(/row 3, areaCode/);

    const cov = await xd("coverage", "--county", "210881", "--json");
    expect(cov.code, cov.stderr).toBe(0);
    expect(cov.json).toMatchObject({ townships: 27, townshipsWithStation: 1, villageUnits: 301, villageUnitsCovered: 1, villageCommittees: 283, poorVillages: 0, poorVillagesCovered: 0 });
    expect(cov.json.coverageRate).toBeCloseTo(1 / 301, 4);
    rmSync(dir, { recursive: true, force: true });
  }, scaled(60_000));

  it("routes on the timetable with --json, and explains a broken cold chain", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xd-cli-"));
    const lanes = path.join(dir, "lanes.csv");
    writeFileSync(lanes, "code,from,to,mode,departures,weekdays,cutoffMinutes,transitMinutes,cold\nT1,HUB,S102,TRUNK,23:30,1-5,30,90,no\nM1,S102,P200,MILK_RUN,09:30,,15,20,no\n");
    expect((await xd("lanes", "import", lanes, "--json")).code).toBe(0);
    // Friday 23:00 local: the 23:30 trunk (cut-off 23:00) arrives Saturday 01:00; the milk run leaves 09:30.
    const r = await xd("route", "--county", "210881", "--from", "HUB", "--to", "210881102200", "--at", "2026-11-27T23:00:00+08:00", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({
      ok: true,
      selfPickup: false,
      legs: [
        { lane: "T1", from: "HUB", to: "S102", depart: "2026-11-27T15:30:00.000Z", arrive: "2026-11-27T17:00:00.000Z" },
        { lane: "M1", from: "S102", to: "P200", depart: "2026-11-28T01:30:00.000Z", arrive: "2026-11-28T01:50:00.000Z" },
      ],
    });
    const cold = await xd("route", "--county", "210881", "--from", "HUB", "--to", "P200", "--at", "2026-11-27T12:00:00+08:00", "--temp", "CHILLED", "--json");
    expect(cold.code).toBe(1);
    expect(cold.json).toMatchObject({ ok: false, reason: "COLD_CHAIN", brokenLeg: { laneCode: "T1" } });
    const bad = await xd("route", "--county", "210881", "--from", "HUB", "--to", "P200", "--at", "tomorrow", "--json");
    expect(bad.json).toMatchObject({ issues: [{ path: "at" }] });
    rmSync(dir, { recursive: true, force: true });
  }, scaled(60_000));

  it("fails clearly on an unknown command or option", async () => {
    const r = await xd("frobnicate");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    const o = await xd("users", "create", "--bogus", "1");
    expect(o.code).toBe(1);
    expect(o.stderr).toMatch(/bogus/);
  });

  it("as its own process: exit codes, and --json prints nothing but the JSON on stdout", async () => {
    // Started side by side: each start compiles the CLI with tsx.
    const [ok, bad, none] = await Promise.all([
      xdProcess(["coverage", "--county", "210881", "--json"], { DATABASE_URL: tdb.url }),
      xdProcess(["coverage", "--county", "21", "--json"], { DATABASE_URL: tdb.url }),
      xdProcess([]),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ townships: 27, villageUnits: 301 });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "county" }] });
    expect(bad.stderr).toMatch(/^error: county/m);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/usage:/);
  }, scaled(120_000));
});
