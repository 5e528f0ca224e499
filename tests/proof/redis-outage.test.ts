// Redis stopped while scanners keep scanning through the real API process: every scan is acknowledged and
// stored exactly once, and the work the scans queued (pickup notices, consolidation sweeps) reaches the
// real worker process once Redis is back. XD_FAULT_REDIS_SECONDS sets the outage (default 30 s).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createTestDatabase, testRedisPrefix, type TestDatabase } from "@xiangda/db/testing";
import { startPrivateRedis, type PrivateRedis } from "@xiangda/jobs/testing";
import { startApi, startWorker, stopProc, waitFor, type ApiProc, type Proc, type StackEnv } from "./lib/processes.ts";
import { journey, login, seedScanWorld, sendScans, type Scan, type ScanWorld } from "./lib/world.ts";
import { scaled } from "@xiangda/config/testing";

const OUTAGE_MS = Number(process.env.XD_FAULT_REDIS_SECONDS ?? 30) * 1000;
const BEFORE_MS = 3_000;
const AFTER_MS = 3_000;
const SCANNERS = 4;
/// Pause between one scanner's calls: keeps the scanning going across the whole outage without flooding 2 cores.
const PACE_MS = 120;
const PARCELS = Math.ceil(((BEFORE_MS + OUTAGE_MS + AFTER_MS) / PACE_MS) * SCANNERS * 0.5) + 50;

let redis: PrivateRedis;
let tdb: TestDatabase;
let env: StackEnv;
let world: ScanWorld;
let api: ApiProc | undefined;
let worker: Proc | undefined;

beforeAll(async () => {
  redis = await startPrivateRedis();
  tdb = await createTestDatabase({ poolSize: 4 });
  env = { DATABASE_URL: tdb.url, REDIS_URL: redis.url, REDIS_PREFIX: testRedisPrefix() };
  world = await seedScanWorld(tdb.db, PARCELS);
  api = await startApi(env);
  worker = startWorker(env);
}, scaled(90_000));

afterAll(async () => {
  await Promise.all([stopProc(api), stopProc(worker)]);
  await tdb?.drop();
  await redis?.destroy();
});

interface Ack {
  scan: Scan;
  outcome: string;
  message: string;
  phase: "before" | "outage" | "after";
}

describe(`Redis stopped for ${OUTAGE_MS / 1000} s while scanning`, () => {
  it("acknowledges every scan, stores each once and delivers the queued work after Redis returns", async () => {
    const token = await login(api!.url);
    let phase: Ack["phase"] = "before";
    let stop = false;
    let next = 0;
    const acks = new Map<string, Ack>();
    const failures: string[] = [];
    const resent: { scan: Scan; first: Ack; again: { outcome: string; message: string } }[] = [];

    // Why a wait timed out: what is still pending, and what the two processes logged (warn and up).
    const explain = async () => {
      const pending = await tdb.db.outboxEvent.groupBy({ by: ["queue"], where: { sentAt: null }, _count: { _all: true } });
      const notes = await tdb.db.notification.count();
      const tail = (s: string) => s.slice(-4_000);
      return `pending outbox rows: ${JSON.stringify(pending.map((p) => [p.queue, p._count._all]))}; notifications: ${notes}
--- worker ---\n${tail(worker!.output())}\n--- api ---\n${tail(api!.output())}`;
    };
    const scanner = async () => {
      while (!stop && next < world.waybills.length) {
        const i = next++;
        const steps = journey(world, world.waybills[i]!);
        // A third of the parcels go as one batch of their four scans (an offline queue syncing), the rest one by one.
        const calls = i % 3 === 0 ? [steps] : steps.map((s) => [s]);
        for (const call of calls) {
          const sentIn = phase;
          const r = await sendScans(api!.url, token, call, call.length > 1).catch((e: unknown) => ({
            status: 0,
            results: [],
            body: String(e),
          }));
          if (r.status !== 200) failures.push(`${sentIn}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
          r.results.forEach((res, k) => {
            const scan = call[k]!;
            if (res.clientScanId !== scan.clientScanId) failures.push(`result ${k} answers ${res.clientScanId}, sent ${scan.clientScanId}`);
            if (res.outcome !== "OK") failures.push(`${sentIn}: ${scan.action} ${scan.code}: ${res.outcome} ${res.message}`);
            acks.set(scan.clientScanId, { scan, outcome: res.outcome, message: res.message, phase: sentIn });
          });
          await new Promise((res) => setTimeout(res, PACE_MS));
        }
        // Every fifth parcel: the handheld did not see the answer and sends its first scan again.
        if (i % 5 === 0) {
          const first = acks.get(steps[0]!.clientScanId);
          const again = await sendScans(api!.url, token, [steps[0]!], false).catch(() => null);
          if (first && again?.results[0]) resent.push({ scan: steps[0]!, first, again: again.results[0] });
          else failures.push(`re-send of ${steps[0]!.clientScanId} failed: ${again?.status} ${again?.body.slice(0, 200)}`);
        }
      }
    };
    const running = Promise.all(Array.from({ length: SCANNERS }, scanner));

    await new Promise((r) => setTimeout(r, BEFORE_MS));
    await redis.stop();
    phase = "outage";
    const outageStarted = Date.now();
    // Meanwhile: readiness names Redis, and sign-in still works (its rate limiter fails open).
    const ready = await fetch(`${api!.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ redis: "down", postgres: "up" });
    await expect(login(api!.url)).resolves.toEqual(expect.any(String));
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - outageStarted))));
    const pendingAtRestart = await tdb.db.outboxEvent.count({ where: { sentAt: null } });
    await redis.start();
    phase = "after";
    await new Promise((r) => setTimeout(r, AFTER_MS));
    stop = true;
    await running;

    expect(failures).toEqual([]);
    const byPhase = (p: Ack["phase"]) => [...acks.values()].filter((a) => a.phase === p).length;
    // The scanning really went on across the outage.
    expect(byPhase("before")).toBeGreaterThan(0);
    expect(byPhase("outage")).toBeGreaterThan(SCANNERS * (OUTAGE_MS / 1000));
    expect(byPhase("after")).toBeGreaterThan(0);
    expect(pendingAtRestart).toBeGreaterThan(0);

    // Stored exactly once: one ScanEvent per acknowledged clientScanId, none for anything else.
    const ids = [...acks.keys()];
    const stored = await tdb.db.scanEvent.groupBy({ by: ["clientScanId"], where: { clientScanId: { in: ids } }, _count: { _all: true } });
    expect(stored.length).toBe(ids.length);
    expect(stored.every((s) => s._count._all === 1)).toBe(true);
    expect(await tdb.db.scanEvent.count()).toBe(ids.length);
    // A re-sent scan gets the first answer back and stores nothing new.
    expect(resent.length).toBeGreaterThan(0);
    for (const r of resent) expect(r.again).toMatchObject({ outcome: r.first.outcome, message: r.first.message });

    // Delivered: the relay empties the outbox into the private Redis, and the worker runs the jobs.
    await waitFor("the outbox relayed", async () => (await tdb.db.outboxEvent.count({ where: { sentAt: null } })) === 0, 60_000, 250, explain);
    const shelved = [...acks.values()].filter((a) => a.scan.action === "ARRIVE" && a.scan.nodeId === world.nodes.P200).length;
    expect(shelved).toBeGreaterThan(0);
    await waitFor("a pickup notice per shelved parcel", async () => (await tdb.db.notification.count()) >= shelved, 60_000, 250, explain);
    expect(await tdb.db.notification.count()).toBe(shelved);

    const conn = new Redis(redis.url, { maxRetriesPerRequest: null });
    try {
      const rows = await tdb.db.outboxEvent.findMany({
        where: { queue: { in: ["notify", "consolidation"] } },
        select: { queue: true, jobId: true },
      });
      expect(rows.filter((r) => r.queue === "notify")).toHaveLength(shelved);
      expect(rows.filter((r) => r.queue === "consolidation").length).toBeGreaterThan(0);
      // Each queue's event stream records every job added and finished. (Its completed set is no record: a
      // scheduler's job with a short removeOnComplete trims the whole queue's completed set.)
      const events = async (queue: string) => {
        const seen = { added: new Set<string>(), completed: new Set<string>(), failed: new Set<string>() };
        for (const [, f] of (await conn.xrange(`${env.REDIS_PREFIX}:${queue}:events`, "-", "+")) as [string, string[]][]) {
          const at = (k: string) => f[f.indexOf(k) + 1]!;
          const kind = at("event");
          if (kind === "added" || kind === "completed" || kind === "failed") seen[kind].add(at("jobId"));
        }
        return seen;
      };
      const missing = async (what: "added" | "completed") => {
        const byQueue = { notify: await events("notify"), consolidation: await events("consolidation") };
        return rows.filter((r) => !byQueue[r.queue as keyof typeof byQueue][what].has(r.jobId));
      };
      // Delivered: every job of the outbox reached its queue once Redis was back …
      expect(await missing("added")).toEqual([]);
      // … and the worker ran each of them (consolidation sweeps run one at a time, so the burst takes a while).
      await waitFor("every queued job completed", async () => (await missing("completed")).length === 0, 90_000, 500, async () => {
        const left = await missing("completed");
        return `not completed: ${left.length} (${JSON.stringify(left.slice(0, 5))})\n${await explain()}`;
      });
      const failed = { notify: (await events("notify")).failed, consolidation: (await events("consolidation")).failed };
      expect(rows.filter((r) => failed[r.queue as keyof typeof failed].has(r.jobId))).toEqual([]);
    } finally {
      conn.disconnect();
    }
    // Both processes rode it out.
    expect(api!.alive()).toBe(true);
    expect(worker!.alive()).toBe(true);
  }, scaled(180_000));
});
