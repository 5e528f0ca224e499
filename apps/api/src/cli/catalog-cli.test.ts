// `pnpm xd merchants list` and `pnpm xd counters list` as an operator runs them.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { buildWorld } from "@xiangda/api/test-utils/fixtures";

const root = path.resolve(import.meta.dirname, "../../../..");
let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const w = await buildWorld(tdb.db);
  await tdb.db.merchant.update({ where: { id: w.home.merchantId }, data: { contactPhone: "13912345678", originAreaCode: "210881101201" } });
});
afterAll(async () => tdb?.drop());

function xd(...args: string[]) {
  const r = spawnSync("node", [path.join(root, "scripts/xd.mjs"), ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: tdb.url } });
  let json: unknown = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    /* not JSON */
  }
  return { code: r.status, stderr: r.stderr, json };
}

describe("pnpm xd catalog lists", () => {
  it("lists a county's merchants (phones masked) and counters, and names a bad --county", () => {
    const m = xd("merchants", "list", "--county", "210881", "--json");
    expect(m.code, m.stderr).toBe(0);
    const merchants = m.json as { countyCode: string; contactPhone: string | null; originAreaName: string | null }[];
    expect(merchants).toHaveLength(2);
    expect(merchants.every((x) => x.countyCode === "210881")).toBe(true);
    expect(merchants.map((x) => x.contactPhone)).toContain("139****5678");

    const c = xd("counters", "list", "--county", "210881", "--json");
    expect(c.code, c.stderr).toBe(0);
    expect((c.json as { code: string; node: { code: string } }[]).map((x) => [x.code, x.node.code])).toEqual([
      ["210881-C1", "210881-S1"],
      ["210881-C2", "210881-S2"],
    ]);

    const bad = xd("counters", "list", "--county", "21", "--json");
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "county" }] });
  }, 30_000);
});
