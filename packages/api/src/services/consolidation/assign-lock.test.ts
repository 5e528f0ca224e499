// The assignment sweep's lock is per county: a sweep of one county waits for another sweep of the same county, never
// for one of another county (against real PostgreSQL advisory locks, held here by a second connection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPgClient } from "@xiangda/db";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { assignReady } from "./assign.ts";

let h: Harness;
let w: World;

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
});
afterAll(async () => h?.close());

/// Resolves to "done" if `p` settles within `ms`, else "pending" (p keeps running).
const within = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => "done" as const), new Promise<"pending">((r) => setTimeout(() => r("pending"), ms))]);

describe("assignment lock", () => {
  it("holds back a sweep of the same county only; every-minute and node sweeps take each county's lock in turn", async () => {
    const now = new Date();
    await withPgClient(h.deps.db, async (holder) => {
      await holder.query(`SELECT pg_advisory_lock(hashtext('xd.consolidation.assign'), hashtext($1))`, [w.home.countyCode]);
      // The other county sweeps while home's lock is held.
      await expect(assignReady(h.deps.db, { countyCode: w.away.countyCode, now })).resolves.toEqual({ assigned: 0, missed: 0, loads: 0, released: 0 });
      // A node of the other county: its county's lock only.
      await expect(assignReady(h.deps.db, { nodeIds: [w.away.stationId], now })).resolves.toMatchObject({ assigned: 0 });
      // Home's own sweep, a sweep of one of its nodes and the all-county sweep wait for the holder.
      const home = assignReady(h.deps.db, { countyCode: w.home.countyCode, now });
      const node = assignReady(h.deps.db, { nodeIds: [w.home.stationId], now });
      const all = assignReady(h.deps.db, { now });
      expect(await within(Promise.all([home, node, all]), 400)).toBe("pending");
      expect(await within(home, 0)).toBe("pending");
      await holder.query(`SELECT pg_advisory_unlock(hashtext('xd.consolidation.assign'), hashtext($1))`, [w.home.countyCode]);
      expect(await within(Promise.all([home, node, all]), 10_000)).toBe("done");
    });
  });
});
