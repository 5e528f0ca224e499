// The dashboard jobs run by a real worker: a roll-up sent through the outbox updates the figures (and schedules
// its tail run), the SLA watcher job records alerts, and notifyRed messages the node's contact and staff once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOutbox } from "@xiangda/db";
import { createWorkerConnection, dashboardNotifyRed, dashboardRollup, dashboardSlaWatch, enqueue, type QueueName } from "@xiangda/jobs";
import { bucketEnd, rollupOutboxEvent, rebuildRollups, ROLLUP_BUCKET_MS } from "@xiangda/api";
import {
  buildDashboardCounty,
  buildWorld,
  createHarness,
  D1,
  D2,
  type DashboardFixture,
  type Harness,
  LIGHTS_NOW,
  type World,
} from "@xiangda/api/testing";
import { loggingSender } from "../../notify/sender.ts";
import { relayOnce } from "../../relay/outbox-relay.ts";
import { startWorkers, type WorkerHandle } from "../../start.ts";
import { scaled, waitFor } from "@xiangda/config/testing";

let h: Harness;
let w: World;
let f: DashboardFixture;
let handle: WorkerHandle;
let connection: ReturnType<typeof createWorkerConnection>;

async function finished(queue: QueueName, id: string): Promise<unknown> {
  const job = await waitFor(
    async () => {
      const j = await h.deps.queues.get(queue).getJob(id);
      return j && (await j.isCompleted()) ? j : j && (await j.isFailed()) ? Promise.reject(new Error(`job ${id} failed: ${j.failedReason}`)) : null;
    },
    { what: `job ${id} to finish`, everyMs: 50 },
  );
  return job.returnvalue;
}

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  f = await buildDashboardCounty(h.deps.db, w);
  h.clock.set(LIGHTS_NOW);
  await rebuildRollups(h.deps.db, { countyCode: w.home.countyCode, from: D1, to: D2 });
  connection = createWorkerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
  handle = startWorkers(
    { db: h.deps.db, queues: h.deps.queues, sender: loggingSender(h.deps.db, () => {}), log: { info() {}, warn() {}, error() {} } },
    { connection, prefix: h.deps.redisPrefix, queues: ["dashboard", "notify"], relay: false },
  );
}, scaled(60_000));
afterAll(async () => {
  await handle?.close();
  connection?.disconnect();
  await h?.close();
});

describe("dashboard jobs", () => {
  it("dashboard.rollup from the outbox brings the day's figures up to date, then runs once more after its bucket", async () => {
    const db = h.deps.db;
    const county = w.home.countyCode;
    const manager = h.callerAs(w.actors.manager).dashboard;
    const range = { countyCode: county, from: D1, to: D2 };
    expect(await manager.onTime(range)).toMatchObject({ finished: 4, onTime: 2 });
    // Buckets follow the real clock: start with at least 10 s of this one left, so it is still open when the job runs.
    const left = ROLLUP_BUCKET_MS - (Date.now() % ROLLUP_BUCKET_MS);
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 5));
    // G reaches P1 at 19:00 on D2, after its 18:00 promise; the write path adds the roll-up event in its transaction.
    const at = new Date("2026-11-21T11:00:00Z");
    const writtenAt = new Date();
    const event = rollupOutboxEvent(county, at, writtenAt);
    await db.$transaction(async (tx) => {
      await tx.shipment.update({ where: { id: f.shipments.G }, data: { status: "DELIVERED", finishedAt: at } });
      await writeOutbox(tx, event);
    });
    expect(event.payload).toMatchObject({ countyCode: county, day: D2 });
    expect(await relayOnce(db, h.deps.queues)).toBeGreaterThanOrEqual(1);
    const r = (await finished("dashboard", event.jobId)) as { days: number; tailIn: number | null };
    expect(r.days).toBe(1);
    // The bucket is still open (it is the real clock's): a tail run is queued for after it closes.
    expect(r.tailIn).toBeGreaterThan(0);
    const tail = await h.deps.queues.get("dashboard").getJob(`${event.jobId}-tail`);
    expect(await tail?.isDelayed()).toBe(true);
    expect(await manager.onTime(range)).toMatchObject({ finished: 5, onTime: 2, rate: 0.4 });
    // A second event of the same bucket is the same job: nothing new is queued.
    const lastOfBucket = new Date(bucketEnd((event.payload as { bucket: string }).bucket).getTime() - 1);
    expect(rollupOutboxEvent(county, at, lastOfBucket).jobId).toBe(event.jobId);
    expect(rollupOutboxEvent(county, at, new Date(lastOfBucket.getTime() + 1)).jobId).not.toBe(event.jobId);
    expect(dashboardRollup.jobId({ countyCode: county, day: D2, bucket: "1", tail: true })).toBe(`dashboard.rollup-${county}-${D2}-1-tail`);
  });

  it("dashboard.slaWatch records the RED parcel for its node; notifyRed messages its contact and staff once", async () => {
    const db = h.deps.db;
    const county = w.home.countyCode;
    const job = await enqueue(h.deps.queues, dashboardSlaWatch, { key: "test", at: LIGHTS_NOW.toISOString() });
    expect(await finished("dashboard", job.id!)).toMatchObject({ alertsCreated: 1 });
    expect(await h.callerAs(w.actors.manager).dashboard.notifyRed({ countyCode: county, nodeId: f.hubId })).toEqual({ alerts: 1 });
    const row = await db.outboxEvent.findFirstOrThrow({ where: { name: dashboardNotifyRed.name } });
    expect(await relayOnce(db, h.deps.queues)).toBeGreaterThanOrEqual(1);
    expect(await finished("notify", row.jobId)).toEqual({ recipients: 2, parcels: 1 });
    const e = await db.shipment.findUniqueOrThrow({ where: { id: f.shipments.E } });
    const sent = await db.notification.findMany({ where: { template: "dashboard.redParcels" }, orderBy: { channel: "asc" } });
    expect(sent.map((n) => [n.channel, n.recipient])).toEqual([
      ["IN_APP", expect.stringMatching(/^user:/)],
      ["SMS", "13912345678"],
    ]);
    expect(sent[0]!.payload).toMatchObject({ count: 1, waybills: [e.waybillNo] });
    // Nothing new to chase: no second message.
    expect(await h.callerAs(w.actors.manager).dashboard.notifyRed({ countyCode: county, nodeId: f.hubId })).toEqual({ alerts: 0 });
    expect(await db.outboxEvent.count({ where: { name: dashboardNotifyRed.name } })).toBe(1);
  });
});
