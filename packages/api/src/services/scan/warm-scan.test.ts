// Warming the scan path (issue #17, point 11): a fresh pool's connections come out with the scan's statements
// prepared, and warming writes nothing. Timings are in docs/benchmarks.md, not asserted here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, withPgClient, type Db } from "@xiangda/db";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { scaled } from "@xiangda/config/testing";
import { warmScanPath } from "./record-scan.ts";

let tdb: TestDatabase;
let fresh: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  fresh = createDb(tdb.url, { poolSize: 4 });
}, scaled(60_000));
afterAll(async () => {
  await fresh?.$disconnect();
  await tdb?.drop();
});

const prepared = (db: Db) =>
  withPgClient(db, async (c) =>
    (await c.query<{ name: string }>(`SELECT name FROM pg_prepared_statements ORDER BY name`)).rows.map((r) => r.name),
  );
const counts = () =>
  Promise.all([tdb.db.scanEvent.count(), tdb.db.outboxEvent.count(), tdb.db.shipmentEvent.count(), tdb.db.shipment.count()]);

describe("warmScanPath", () => {
  it("prepares the scan's read and write on the pool's connections, changing nothing", async () => {
    expect(await prepared(fresh)).toEqual([]);
    const before = await counts();
    await warmScanPath(fresh, 2);
    // Whichever connection the pool hands out next has them ready.
    for (let i = 0; i < 3; i++) expect(await prepared(fresh)).toEqual(["xd_scan_read", "xd_scan_write"]);
    expect(await counts()).toEqual(before);
  });
});
