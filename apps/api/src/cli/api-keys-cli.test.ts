// `pnpm xd api-keys …` as an operator runs it (real processes): the key is printed once and works; revoked, it does not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@xiangda/api/rest";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { API_KEY_PATTERN } from "@xiangda/domain";
import { scaled } from "@xiangda/config/testing";
import { xd } from "./test-cli.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  process.env.DATABASE_URL = tdb.url;
  await tdb.db.county.create({ data: { code: "210881", name: "盖州市", cityName: "营口市", provinceName: "辽宁省" } });
  await tdb.db.carrier.create({ data: { code: "ZTO", name: "中通快递" } });
});
afterAll(async () => tdb?.drop());

describe("pnpm xd api-keys", () => {
  it(
    "creates a carrier's key (shown once, working), lists it by prefix, and revokes it",
    async () => {
      const made = await xd(
        "api-keys",
        "create",
        "--carrier",
        "ZTO",
        "--county",
        "210881",
        "--scopes",
        "shipments:read,events:read",
        "--json",
      );
      expect(made.code, made.stderr).toBe(0);
      const { id, key } = made.json as { id: string; key: string };
      expect(key).toMatch(API_KEY_PATTERN);
      expect(await authenticateApiKey(tdb.db, { key, now: new Date() })).toMatchObject({
        keyId: id,
        countyCode: "210881",
        kind: "CARRIER",
        scopes: ["shipments:read", "events:read"],
      });
      expect(await tdb.db.apiKey.findUniqueOrThrow({ where: { id } })).not.toHaveProperty("key");

      const list = await xd("api-keys", "list", "--county", "210881", "--json");
      expect(JSON.stringify(list.json)).not.toContain(key);
      expect(list.json).toMatchObject([{ name: "中通快递", kind: "CARRIER", keys: [{ id, prefix: key.slice(4, 16) }] }]);

      const revoked = await xd("api-keys", "revoke", "--id", id, "--json");
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(await authenticateApiKey(tdb.db, { key, now: new Date() })).toBeNull();
    },
    scaled(60_000),
  );

  it(
    "names the option at fault",
    async () => {
      const carrier = await xd("api-keys", "create", "--carrier", "NOPE", "--county", "210881", "--json");
      expect(carrier.code).toBe(1);
      expect(carrier.json).toMatchObject({ issues: [{ path: "carrier" }] });
      const county = await xd("api-keys", "create", "--carrier", "ZTO", "--county", "999999", "--json");
      expect(county.json).toMatchObject({ issues: [{ path: "county" }] });
      const scope = await xd("api-keys", "create", "--carrier", "ZTO", "--county", "210881", "--scopes", "everything", "--json");
      expect(scope.json).toMatchObject({ issues: [{ path: "scopes" }] });
    },
    scaled(60_000),
  );
});
