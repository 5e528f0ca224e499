// A job that meets PostgreSQL down is put back to wait and runs again once the database answers, without using one
// of its attempts: a job with a single attempt survives an outage that outlasts any backoff (before, it failed for
// good on the first refused connection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@xiangda/db";
import { createWorkerConnection, shipmentsRecomputeLights } from "@xiangda/jobs";
import { createHarness, type Harness } from "@xiangda/api/testing";
import { scaled, waitFor } from "@xiangda/config/testing";
import { loggingSender } from "./notify/sender.ts";
import { dbWaitMs, startWorkers, type WorkerHandle } from "./start.ts";
import type { WorkerDeps } from "./processors/types.ts";

let h: Harness;
let handle: WorkerHandle;
let connection: ReturnType<typeof createWorkerConnection>;
let deadDb: Db;
let deps: WorkerDeps;

beforeAll(async () => {
  h = await createHarness();
  // Nothing listens on port 1: every query is refused, as while the server is stopped.
  deadDb = createDb("postgresql://postgres@127.0.0.1:1/none", { poolSize: 1 });
  connection = createWorkerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
  deps = { db: deadDb, queues: h.deps.queues, sender: loggingSender(h.deps.db, () => {}), log: { info() {}, warn() {}, error() {} } };
  handle = startWorkers(deps, { connection, prefix: h.deps.redisPrefix, queues: [shipmentsRecomputeLights.queue], relay: false });
}, scaled(60_000));
afterAll(async () => {
  await handle?.close();
  connection?.disconnect();
  await deadDb?.$disconnect();
  await h?.close();
});

describe("a job while the database is unavailable", () => {
  it("waits (1 s, 2 s, … at most 30 s) and runs once it is back, its attempts untouched", async () => {
    const q = h.deps.queues.get(shipmentsRecomputeLights.queue);
    const job = await q.add(shipmentsRecomputeLights.name, { countyCode: "210881" }, { jobId: "lights-outage", attempts: 1 });
    // Put back twice in a row: the outage outlasted its only attempt.
    await waitFor(
      async () => {
        const j = await q.getJob(job.id!);
        return j && j.attemptsStarted >= 2 && (await j.getState()) === "delayed" ? j : null;
      },
      { what: "the job put back twice", timeoutMs: 20_000 },
    );
    expect((await q.getJob(job.id!))!.attemptsMade).toBe(0);
    // The database is back.
    deps.db = h.deps.db;
    await waitFor(async () => (await q.getJob(job.id!))?.isCompleted(), { what: "the job done", timeoutMs: 40_000 });
    const done = (await q.getJob(job.id!))!;
    expect(done.returnvalue).toMatchObject({ checked: 0 });
    expect(done.attemptsMade).toBeLessThanOrEqual(1);
  });

  it("waits longer with each wait in a row, at most 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((started) => dbWaitMs({ attemptsStarted: started, attemptsMade: 0 }))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    // Failed attempts are not waits.
    expect(dbWaitMs({ attemptsStarted: 3, attemptsMade: 2 })).toBe(1_000);
  });
});
