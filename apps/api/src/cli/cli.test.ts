// `pnpm xd` as an operator runs it: real processes, --json output, non-zero exits with the field named.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";

const root = path.resolve(import.meta.dirname, "../../../..");
let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.drop());

function xd(...args: string[]) {
  const r = spawnSync("node", [path.join(root, "scripts/xd.mjs"), ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: tdb.url },
  });
  let json: unknown = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    /* not JSON */
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: json as Record<string, unknown> };
}

describe("pnpm xd", () => {
  it("imports Gaizhou's divisions with the official counts, and a re-import changes nothing", () => {
    const first = xd("divisions", "import", "--county", "210881", "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(first.json).toMatchObject({ townships: 27, villageUnits: 301, villageCommittees: 283, added: 328 });
    const again = xd("divisions", "import", "--county", "210881", "--json");
    expect(again.json).toMatchObject({ added: 0, renamed: [], removed: [], restored: 0, unchanged: 328 });
  }, 60_000);

  it("rejects an unknown county code, naming the field", () => {
    const r = xd("divisions", "import", "--county", "999999", "--json");
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "county" }] });
    expect(r.stderr).toMatch(/unknown county code 999999/);
  });

  it("creates users of each role and refuses bad or duplicate ones", async () => {
    const admin = xd("users", "create", "--username", "ops1", "--password", "long-enough-1", "--role", "ADMIN", "--json");
    expect(admin.code, admin.stderr).toBe(0);
    expect(admin.json).toMatchObject({ username: "ops1", role: "ADMIN" });

    const mgr = xd("users", "create", "--username", "mgr1", "--password", "long-enough-1", "--role", "COUNTY_MANAGER", "--county", "210881", "--json");
    expect(mgr.json).toMatchObject({ role: "COUNTY_MANAGER", countyCode: "210881" });

    const missing = xd("users", "create", "--username", "mgr2", "--password", "long-enough-1", "--role", "COUNTY_MANAGER", "--json");
    expect(missing.code).toBe(1);
    expect(missing.json).toMatchObject({ issues: [{ path: "county", message: "required for role COUNTY_MANAGER" }] });

    const unknownNode = xd("users", "create", "--username", "st1", "--password", "long-enough-1", "--role", "STATION_STAFF", "--node", "NOPE", "--json");
    expect(unknownNode.code).toBe(1);
    expect(unknownNode.json).toMatchObject({ issues: [{ path: "node" }] });

    const dup = xd("users", "create", "--username", "ops1", "--password", "long-enough-1", "--role", "ADMIN", "--json");
    expect(dup.code).toBe(1);
    expect(dup.json).toMatchObject({ code: "CONFLICT" });

    const badRole = xd("users", "create", "--username", "x1", "--password", "long-enough-1", "--role", "KING", "--json");
    expect(badRole.code).toBe(1);
    expect(JSON.stringify(badRole.json)).toMatch(/role/);
    expect(await tdb.db.user.count()).toBe(2);
  }, 60_000);

  it("fails clearly on an unknown command or option", () => {
    const r = xd("frobnicate");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    const o = xd("users", "create", "--bogus", "1");
    expect(o.code).toBe(1);
    expect(o.stderr).toMatch(/bogus/);
  });
});
