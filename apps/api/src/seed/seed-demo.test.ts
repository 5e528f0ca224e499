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
    expect(first.areas).toBe(329); // the county, 27 townships, 301 village-level units
    // The network of the source documents: a hub, 27 township stations, a point for each of the 283 村委会.
    expect(await tdb.db.node.count({ where: { tier: "COUNTY_HUB" } })).toBe(1);
    expect(await tdb.db.node.count({ where: { tier: "TOWNSHIP_STATION" } })).toBe(27);
    expect(await tdb.db.node.count({ where: { tier: "VILLAGE_POINT" } })).toBe(283);
    expect(await tdb.db.node.count({ where: { status: "SUSPENDED" } })).toBe(2);
    expect(await tdb.db.node.findFirst({ where: { tier: "COUNTY_HUB", coldChilled: true, coldFrozen: true } })).not.toBeNull();
    const trunk = await tdb.db.lane.findMany({ where: { mode: "TRUNK" } });
    expect(trunk).toHaveLength(54);
    expect(trunk.every((l) => l.departures.length === 2)).toBe(true);
    expect(await tdb.db.lane.count({ where: { mode: "MILK_RUN" } })).toBe(283 * 2);
    expect(await tdb.db.lane.count({ where: { mode: "BUS" } })).toBeGreaterThan(0);
    const carriers = await tdb.db.carrier.findMany({ include: { vehicles: true } });
    for (const code of ["CHINA_POST", "ZTO", "YTO", "YUNDA", "COOP"]) expect(carriers.find((c) => c.code === code)?.vehicles.length).toBeGreaterThan(0);
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
