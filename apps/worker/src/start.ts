// Starts one BullMQ Worker per queue, dispatching by job name, plus the outbox relay and the event feed's sequencer.
import { hostname } from "node:os";
import { DelayedError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { isDbUnavailable } from "@xiangda/db";
import { QUEUES, type QueueName } from "@xiangda/jobs";
import { PROCESSORS } from "./processors/index.ts";
import type { WorkerDeps } from "./processors/types.ts";
import { startRelay, type RelayHandle } from "./relay/outbox-relay.ts";
import type { WithWebhookOptions } from "./webhooks/options.ts";
import { startSequencer, type SequencerHandle } from "./webhooks/sequencer-loop.ts";

export interface StartOptions {
  connection: Redis;
  prefix: string;
  concurrency?: Partial<Record<QueueName, number>>;
  queues?: readonly QueueName[];
  relay?: boolean;
  /// The event feed's sequencer (#19); default: as `relay`.
  sequencer?: boolean;
  /// Lock on each active job, renewed every quarter of it while the job runs; a killed worker's job is free again at
  /// most this long after the kill. Default 8 s (XD_WORKER_LOCK_MS).
  lockMs?: number;
  /// How often lapsed locks are looked for: a job whose lock lapsed goes back to wait at the next look. Default 4 s
  /// (XD_WORKER_STALLED_MS). A killed worker's job runs again within lockMs + stalledMs.
  stalledMs?: number;
}

export const DEFAULT_LOCK_MS = 8_000;
export const DEFAULT_STALLED_MS = 4_000;

/// How long a job waits for the database: 1 s, doubling with each wait in a row, at most 30 s. A start that neither
/// failed nor finished was such a wait (or a stall), so the count is the starts beyond the failed attempts.
export function dbWaitMs(job: Pick<Job, "attemptsStarted" | "attemptsMade">): number {
  const waitsBefore = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
  return Math.min(30_000, 1_000 * 2 ** Math.min(waitsBefore, 5));
}

export interface WorkerHandle {
  workers: Worker[];
  relay: RelayHandle | null;
  sequencer: SequencerHandle | null;
  /// Stops taking jobs, waits for active ones to finish, stops the relay and the sequencer.
  close(): Promise<void>;
}

/// `deps.webhooks`: the deliverer's options (tests); the environment's otherwise.
export function startWorkers(deps: WorkerDeps & WithWebhookOptions, opts: StartOptions): WorkerHandle {
  const lockMs = opts.lockMs ?? DEFAULT_LOCK_MS;
  const workers = (opts.queues ?? QUEUES).map((queue) => {
    const w = new Worker(
      queue,
      async (job, token) => {
        const processor = PROCESSORS[job.name];
        if (!processor) throw new Error(`no processor for job ${job.name} on queue ${queue}`);
        try {
          return await processor(job, deps);
        } catch (e) {
          if (!token || !isDbUnavailable(e)) throw e;
          // PostgreSQL down, restarting or dropping connections: the job did nothing wrong. It waits and runs again
          // without using one of its attempts (five with backoff last 15 s; an outage may last longer).
          const delay = dbWaitMs(job);
          deps.log.warn({ jobId: job.id, name: job.name, delayMs: delay, err: String(e) }, "database unavailable: job put back");
          await job.moveToDelayed(Date.now() + delay, token);
          throw new DelayedError();
        }
      },
      {
        connection: opts.connection,
        prefix: opts.prefix,
        concurrency: opts.concurrency?.[queue] ?? 10,
        // Renewed at a quarter, not BullMQ's half: a job whose event loop stalls for up to 3/4 of the lock keeps it.
        lockDuration: lockMs,
        lockRenewTime: lockMs / 4,
        stalledInterval: opts.stalledMs ?? DEFAULT_STALLED_MS,
        // A job put back twice still runs a third time (one stall of a live but busy worker is not its end).
        maxStalledCount: 2,
        // Shown as a job's processedBy: which process ran (or was running) it.
        name: `${hostname()}:${process.pid}`,
      },
    );
    w.on("error", (err) => deps.log.error({ err: String(err), queue }, "worker error"));
    w.on("failed", (job, err) => deps.log.warn({ jobId: job?.id, name: job?.name, err: err.message }, "job failed"));
    w.on("stalled", (jobId) => deps.log.warn({ jobId, queue }, "job stalled (its worker died or lost its lock): back to wait"));
    return w;
  });
  const relay = opts.relay === false ? null : startRelay(deps.db, deps.queues, deps.log);
  const sequencer = (opts.sequencer ?? opts.relay !== false) ? startSequencer(deps.db, deps.log) : null;
  return {
    workers,
    relay,
    sequencer,
    async close() {
      await sequencer?.stop();
      await relay?.stop();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
