// Moves outbox rows to BullMQ. Safe with many relays at once: rows are claimed with
// FOR UPDATE SKIP LOCKED, and deterministic job ids make a re-sent row a no-op.
import type { Db } from "@xiangda/db";
import type { Queues, QueueName } from "@xiangda/jobs";
import { DEFAULT_JOB_OPTIONS } from "@xiangda/jobs";
import { startPollLoop, type PollHandle } from "./poll-loop.ts";

interface Row {
  id: bigint;
  queue: string;
  name: string;
  jobId: string;
  payload: unknown;
}

/// BullMQ waits for a connection without limit; the relay must not hold its transaction that long.
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms (Redis unreachable?)`)), ms);
    }),
  ]);
}

/// Sends up to `limit` pending rows; returns how many were sent. Throws if Redis is unreachable
/// (the rows stay pending and are retried).
export async function relayOnce(db: Db, queues: Queues, limit = 500, sendTimeoutMs = 5_000): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT id, queue, name, "jobId", payload FROM "OutboxEvent"
        WHERE "sentAt" IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, Row[]>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      for (const [queue, list] of byQueue) {
        const q = queues.get(queue as QueueName);
        await withTimeout(
          q.addBulk(list.map((r) => ({ name: r.name, data: r.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: r.jobId } }))),
          sendTimeoutMs,
          `enqueue to ${queue}`,
        );
      }
      const ids = rows.map((r) => r.id);
      await tx.$executeRaw`UPDATE "OutboxEvent" SET "sentAt" = now(), attempts = attempts + 1 WHERE id = ANY(${ids}::bigint[])`;
      return rows.length;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

export type RelayHandle = PollHandle;

/// Polls the outbox: immediately again while there is work, every `idleMs` when idle,
/// backing off up to 5 s while Redis or PostgreSQL is down.
export function startRelay(db: Db, queues: Queues, log: { warn(o: object, m?: string): void }, idleMs = 200): RelayHandle {
  return startPollLoop(() => relayOnce(db, queues), { idleMs, log, failed: "outbox relay: delivery failed; will retry" });
}
