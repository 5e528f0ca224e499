// `pnpm xd users create --role CARRIER_USER --carrier CODE --county C`: a user of the carrier's organisation in the
// county (the organisation made on first use, then shared), and the fields named when something is missing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCounty } from "@xiangda/db/factories";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { xd } from "./test-cli.ts";

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  process.env.DATABASE_URL = tdb.url;
  await createCounty(tdb.db, { code: "210881", name: "盖州市", cityName: "营口市", provinceName: "辽宁省" });
  await tdb.db.carrier.create({ data: { code: "ZTO", name: "中通快递" } });
});
afterAll(async () => tdb?.drop());

const create = (username: string, ...more: string[]) =>
  xd("users", "create", "--username", username, "--password", "long-enough-1", "--role", "CARRIER_USER", ...more, "--json");

describe("pnpm xd users create --role CARRIER_USER", () => {
  it("binds the user to the carrier's organisation in the county, one organisation for both users", async () => {
    const a = await create("zto_a", "--carrier", "ZTO", "--county", "210881");
    expect(a.code, a.stderr).toBe(0);
    const b = await create("zto_b", "--carrier", "ZTO", "--county", "210881");
    expect(b.code, b.stderr).toBe(0);
    const client = await tdb.db.apiClient.findFirstOrThrow({ where: { countyCode: "210881" } });
    expect(await tdb.db.apiClient.count()).toBe(1);
    expect(client).toMatchObject({ kind: "CARRIER", name: "中通快递" });
    expect(a.json).toMatchObject({ role: "CARRIER_USER", countyCode: "210881", apiClientId: client.id });
    expect(b.json).toMatchObject({ apiClientId: client.id });
  });

  it("names the missing or unknown field", async () => {
    expect((await create("zto_c", "--county", "210881")).json).toMatchObject({ issues: [{ path: "carrier" }] });
    expect((await create("zto_d", "--carrier", "ZTO")).json).toMatchObject({ issues: [{ path: "county" }] });
    expect((await create("zto_e", "--carrier", "NOPE", "--county", "210881")).json).toMatchObject({ issues: [{ path: "carrier" }] });
    expect(await tdb.db.user.count({ where: { username: { in: ["zto_c", "zto_d", "zto_e"] } } })).toBe(0);
  });
});
