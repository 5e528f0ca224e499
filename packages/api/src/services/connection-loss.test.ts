// Every service that works on a pg client of its own (a session advisory lock, a raw transaction), its connection
// ended by the server while it works (pg_terminate_backend, what a fast shutdown does to each session): the call
// fails with an error the API answers 503 to and the worker retries, and the process lives on. Before withPgClient,
// pg's 'error' event on such a client had no listener: an uncaught exception, the worker process gone.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isDbUnavailable, pgPool, withPgClient } from "@xiangda/db";
import { consolidationSeal } from "@xiangda/jobs";
import { createHarness, type Harness } from "../test-utils/harness.ts";
import { buildWorld, type World } from "../test-utils/fixtures.ts";
import { assignReady } from "./consolidation/assign.ts";
import { syncSealSchedulers } from "./consolidation/schedule.ts";
import { sealLoad } from "./consolidation/seal.ts";
import { rebuildRollups } from "./dashboard/rollup.ts";
import { watchSla } from "./dashboard/sla-watch.ts";
import { recordSale } from "./listings/record-sale.ts";
import { uploadSales } from "./listings/upload-sales.ts";

let h: Harness;
let w: World;
const uncaught: unknown[] = [];
const record = (e: unknown) => uncaught.push(e);

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  process.on("uncaughtException", record);
});
afterAll(async () => {
  process.off("uncaughtException", record);
  await h?.close();
});
afterEach(() => {
  expect(uncaught.map(String)).toEqual([]);
});

/// Holds `lock` (statements run in a transaction of another session) so `run` waits on it inside its own client, ends
/// the waiting session from the server side, and returns what `run` failed with.
async function cutWhileWaiting(lock: string[], run: () => Promise<unknown>): Promise<unknown> {
  return withPgClient(h.deps.db, async (holder) => {
    await holder.query("BEGIN");
    for (const sql of lock) await holder.query(sql);
    const holderPid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    const outcome = run().then(
      () => new Error("expected a failure"),
      (e: unknown) => e,
    );
    const end = Date.now() + 20_000;
    for (;;) {
      const waiting = await pgPool(h.deps.db).query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`,
        [holderPid],
      );
      if (waiting.rows.length) {
        await pgPool(h.deps.db).query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [waiting.rows.map((r) => r.pid)]);
        break;
      }
      if (Date.now() > end) throw new Error("the service never waited on the lock");
      await new Promise((r) => setTimeout(r, 20));
    }
    const err = await outcome;
    await holder.query("ROLLBACK");
    return err;
  });
}

const county = () => w.home.countyCode;
const day = "2026-01-15";
const advisory = (a: string, b?: string) =>
  b ? `SELECT pg_advisory_xact_lock(hashtext('${a}'), hashtext('${b}'))` : `SELECT pg_advisory_xact_lock(hashtext('${a}'))`;

const CASES: { name: string; lock: () => string[]; run: () => Promise<unknown> }[] = [
  {
    name: "consolidation assign (session advisory lock)",
    lock: () => [advisory("xd.consolidation.assign", county())],
    run: () => assignReady(h.deps.db, { countyCode: county(), now: new Date() }),
  },
  {
    name: "consolidation seal (transaction)",
    lock: () => [`LOCK TABLE "Load" IN ACCESS EXCLUSIVE MODE`],
    run: () => sealLoad(h.deps.db, randomUUID(), new Date()),
  },
  {
    name: "seal scheduler sync (session advisory lock)",
    lock: () => [advisory("xd.consolidation.syncSchedulers")],
    run: () => syncSealSchedulers(h.deps.db, h.deps.queues.get(consolidationSeal.queue)),
  },
  {
    name: "dashboard roll-up (transaction)",
    lock: () => [advisory("dashboard.rollup", county())],
    run: () => rebuildRollups(h.deps.db, { countyCode: county(), from: day, to: day }),
  },
  {
    name: "SLA watcher (transaction)",
    lock: () => [advisory("dashboard.slaWatch")],
    run: () => watchSla(h.deps.db, { countyCode: county(), now: new Date() }),
  },
  {
    name: "counter sale (retry check, then transaction)",
    lock: () => [`LOCK TABLE "CounterSale" IN ACCESS EXCLUSIVE MODE`],
    run: () =>
      recordSale(h.deps.db, {
        actor: w.actors.counter!,
        counterId: w.home.counterId,
        listingId: randomUUID(),
        quantity: 1,
        soldAt: new Date().toISOString(),
        clientRef: "cut-1",
        now: new Date(),
      }),
  },
  {
    name: "sales sheet dry run (client)",
    lock: () => [`LOCK TABLE "Listing" IN ACCESS EXCLUSIVE MODE`],
    run: () =>
      uploadSales(h.deps.db, {
        actor: w.actors.counter!,
        counterId: w.home.counterId,
        countyCode: county(),
        fileName: "s.csv",
        data: Buffer.from("商品,数量,时间\n苹果,1,2026-01-15 10:00\n"),
        dryRun: true,
        now: new Date(),
      }),
  },
];

describe("a service's own connection ended by the server", () => {
  it.each(CASES)("$name: fails as 'database unavailable', the process lives on", async ({ lock, run }) => {
    const err = await cutWhileWaiting(lock(), run);
    expect(isDbUnavailable(err), String(err)).toBe(true);
    // The pool serves again at once: the broken connection was not handed back as a good one.
    await expect(pgPool(h.deps.db).query("SELECT 1")).resolves.toBeTruthy();
  });
});
