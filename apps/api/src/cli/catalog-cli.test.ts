// `pnpm xd merchants list` and `pnpm xd counters list` as an operator runs them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { buildWorld } from "@xiangda/api/testing";
import { xd } from "./test-cli.ts";
import { scaled } from "@xiangda/config/testing";

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  process.env.DATABASE_URL = tdb.url;
  const w = await buildWorld(tdb.db);
  await tdb.db.merchant.update({ where: { id: w.home.merchantId }, data: { contactPhone: "13912345678", originAreaCode: "210881101201" } });
});
afterAll(async () => tdb?.drop());


describe("pnpm xd catalog lists", () => {
  it("lists a county's merchants (phones masked) and counters, and names a bad --county", async () => {
    const m = await xd("merchants", "list", "--county", "210881", "--json");
    expect(m.code, m.stderr).toBe(0);
    const merchants = m.json as unknown as { countyCode: string; contactPhone: string | null; originAreaName: string | null }[];
    expect(merchants).toHaveLength(2);
    expect(merchants.every((x) => x.countyCode === "210881")).toBe(true);
    expect(merchants.map((x) => x.contactPhone)).toContain("139****5678");

    const c = await xd("counters", "list", "--county", "210881", "--json");
    expect(c.code, c.stderr).toBe(0);
    expect((c.json as unknown as { code: string; node: { code: string } }[]).map((x) => [x.code, x.node.code])).toEqual([
      ["210881-C1", "210881-S1"],
      ["210881-C2", "210881-S2"],
    ]);

    const bad = await xd("counters", "list", "--county", "21", "--json");
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "county" }] });
  }, scaled(30_000));
});
