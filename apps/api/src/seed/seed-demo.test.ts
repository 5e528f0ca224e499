// The demo seed: every role can sign in to real Gaizhou, and seeding twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@xiangda/api";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { DEMO_USERS } from "./demo-users.ts";
import { seedDemo } from "./seed-demo.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.drop());

describe("seedDemo", () => {
  it("creates one user per role with the documented passwords, and is idempotent", async () => {
    await seedDemo(tdb.db);
    const counts = async () => ({
      users: await tdb.db.user.count(),
      nodes: await tdb.db.node.count(),
      areas: await tdb.db.adminArea.count(),
      merchants: await tdb.db.merchant.count(),
    });
    const first = await counts();
    expect(first.areas).toBe(328);
    for (const d of DEMO_USERS) {
      const u = await tdb.db.user.findUniqueOrThrow({ where: { username: d.username } });
      expect(u.role).toBe(d.role);
      expect(await verifyPassword(u.passwordHash, d.password)).toBe(true);
      if (d.role === "STATION_STAFF") expect(u.nodeId).not.toBeNull();
      if (d.role === "MERCHANT") expect(u.merchantId).not.toBeNull();
      if (d.role === "COUNTY_MANAGER") expect(u.countyCode).toBe("210881");
    }
    await seedDemo(tdb.db);
    expect(await counts()).toEqual(first);
  }, 60_000);
});
