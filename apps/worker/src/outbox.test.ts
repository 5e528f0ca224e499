// The outbox: with Redis stopped the API keeps accepting writes; when Redis returns,
// every queued job is delivered exactly once, even with two relays racing and a replay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProducerConnection, createWorkerConnection, Queues } from "@xiangda/jobs";
import { startPrivateRedis, type PrivateRedis } from "@xiangda/jobs/testing";
import { buildWorld, createHarness, type Harness, type World } from "@xiangda/api/testing";
import { loggingSender } from "./notify/sender.ts";
import { relayOnce } from "./relay/outbox-relay.ts";
import { startWorkers } from "./start.ts";
import { waitFor } from "@xiangda/config/testing";

let redis: PrivateRedis;
let h: Harness;
let w: World;
const quietLog = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  redis = await startPrivateRedis();
  h = await createHarness({ redisUrl: redis.url });
  w = await buildWorld(h.deps.db);
});
afterAll(async () => {
  await h?.close();
  await redis?.destroy();
});

describe("outbox", () => {
  it("loses nothing while Redis is down and delivers every job exactly once after", async () => {
    await redis.stop();
    const admin = h.callerAs(w.actors.admin);
    const N = 25;
    for (let i = 0; i < N; i++) {
      await admin.users.create({ username: `outbox_${i}`, password: "password-123", displayName: `U${i}`, role: "ADMIN" });
    }
    // Sign-in still works with Redis down (the rate limiter fails open).
    await expect(h.callerAs(null).auth.login({ username: "outbox_0", password: "password-123" })).resolves.toBeTruthy();
    expect(await h.deps.db.outboxEvent.count({ where: { sentAt: null } })).toBe(N);

    const relayQueues = new Queues(createProducerConnection(redis.url), h.deps.redisPrefix);
    await expect(relayOnce(h.deps.db, relayQueues)).rejects.toThrow();
    expect(await h.deps.db.outboxEvent.count({ where: { sentAt: null } })).toBe(N);

    await redis.start();
    // Two relays race for the same rows.
    const otherQueues = new Queues(createProducerConnection(redis.url), h.deps.redisPrefix);
    let sent = 0;
    await waitFor(async () => {
      try {
        const [a, b] = await Promise.all([relayOnce(h.deps.db, relayQueues, 7), relayOnce(h.deps.db, otherQueues, 7)]);
        sent += a + b;
      } catch {
        /* Redis still coming up */
      }
      return (await h.deps.db.outboxEvent.count({ where: { sentAt: null } })) === 0;
    });
    expect(sent).toBe(N);

    // A relay that crashed after adding but before marking would send the rows again: a no-op.
    await h.deps.db.outboxEvent.updateMany({ data: { sentAt: null } });
    expect(await relayOnce(h.deps.db, relayQueues)).toBe(N);

    const connection = createWorkerConnection(redis.url);
    const handle = startWorkers(
      { db: h.deps.db, queues: relayQueues, sender: loggingSender(h.deps.db, () => {}), log: quietLog },
      { connection, prefix: h.deps.redisPrefix, relay: false },
    );
    try {
      // Every job sent is in the queue already (nothing is left in the outbox): wait until the queue has run dry.
      const notify = relayQueues.get("notify");
      const counts = await waitFor(
        async () => {
          const c = await notify.getJobCounts("completed", "waiting", "active", "failed", "delayed", "prioritized");
          const n = (k: string) => c[k] ?? 0;
          return n("completed") + n("failed") >= N && n("waiting") + n("active") + n("delayed") + n("prioritized") === 0 ? c : null;
        },
        { what: "the notify queue to run dry" },
      );
      expect(counts).toMatchObject({ completed: N, waiting: 0, active: 0, failed: 0, delayed: 0 });
      const notes = await h.deps.db.notification.findMany();
      expect(notes).toHaveLength(N);
      expect(new Set(notes.map((n) => n.jobId)).size).toBe(N);
    } finally {
      await handle.close();
      connection.disconnect();
      await relayQueues.close();
      await otherQueues.close();
    }
  });
});
