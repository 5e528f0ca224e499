// The demo seed: every role can sign in to real Gaizhou, and seeding twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@xiangda/api";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { DEMO_USERS } from "./demo-users.ts";
import { seedDemo } from "./seed-demo.ts";
import { scaled } from "@xiangda/config/testing";

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
      listings: await tdb.db.listing.count(),
      sales: await tdb.db.counterSale.count(),
      shipments: await tdb.db.shipment.count(),
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
    for (const code of ["CHINA_POST", "ZTO", "YTO", "YUNDA", "COOP"])
      expect(carriers.find((c) => c.code === code)?.vehicles.length).toBeGreaterThan(0);
    for (const d of DEMO_USERS) {
      const u = await tdb.db.user.findUniqueOrThrow({ where: { username: d.username } });
      expect(u.role).toBe(d.role);
      expect(await verifyPassword(u.passwordHash, d.password)).toBe(true);
      if (d.role === "STATION_STAFF") {
        const node = await tdb.db.node.findUniqueOrThrow({ where: { id: u.nodeId! } });
        expect(node.code).toBe(d.nodeCode ?? "GZ-102");
      }
      if (d.role === "MERCHANT") expect(u.merchantId).not.toBeNull();
      if (d.role === "COUNTY_MANAGER") expect(u.countyCode).toBe("210881");
      if (d.role === "COUNTER_OPERATOR") expect(await tdb.db.counterOperator.count({ where: { userId: u.id } })).toBe(2);
    }
    // Counters: every venue kind of the demo, listings in each review state, merchants from poor villages with traced batches.
    expect(new Set((await tdb.db.counter.findMany()).map((c) => c.venueType)).size).toBe(5);
    const byStatus = await tdb.db.listing.groupBy({ by: ["status"], _count: { _all: true } });
    expect(Object.fromEntries(byStatus.map((g) => [g.status, g._count._all]))).toEqual({ ACTIVE: 6, PENDING_REVIEW: 1, DRAFT: 1 });
    const merchants = await tdb.db.merchant.findMany({ where: { originAreaCode: { not: null } } });
    const poor = await tdb.db.adminArea.count({ where: { code: { in: merchants.map((m) => m.originAreaCode!) }, isPoor: true } });
    expect(poor).toBe(4);
    expect(await tdb.db.productBatch.count({ where: { traceCode: { not: "" } } })).toBe(6);
    // Stock is what is left after the recorded sales: never negative, and each sale's amount is quantity × price.
    const sales = await tdb.db.counterSale.findMany();
    expect(sales.length).toBeGreaterThan(50);
    expect(sales.every((x) => x.amountFen === x.quantity * x.unitPriceFen)).toBe(true);
    expect(await tdb.db.listing.count({ where: { stock: { lt: 0 } } })).toBe(0);
    // The confirmed restock shipped up from 青石岭村's village point to the service area's station, on a route.
    const restock = await tdb.db.restockOrder.findFirstOrThrow({ include: { shipments: true } });
    expect(restock.status).toBe("CONFIRMED");
    const parcels = await tdb.db.shipment.findMany({
      where: { id: { in: restock.shipments.map((x) => x.shipmentId) } },
      include: { legs: true },
    });
    expect(parcels.length).toBeGreaterThan(0);
    const origin = await tdb.db.node.findUniqueOrThrow({ where: { countyCode_code: { countyCode: "210881", code: "GZ-112202" } } });
    const dest = await tdb.db.node.findUniqueOrThrow({ where: { countyCode_code: { countyCode: "210881", code: "GZ-005" } } });
    for (const p of parcels) {
      expect(p).toMatchObject({ direction: "UP", originNodeId: origin.id, destNodeId: dest.id, routeError: null });
      expect(p.legs.length).toBeGreaterThanOrEqual(2);
    }
    expect(restock.shipments.reduce((n, x) => n + x.units, 0)).toBe(40);
    await seedDemo(tdb.db);
    expect(await counts()).toEqual(first);
  }, scaled(60_000));
});
