// Starts one BullMQ Worker per queue, dispatching by job name, plus the outbox relay.
import { hostname } from "node:os";
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { QUEUES, type QueueName } from "@xiangda/jobs";
import { PROCESSORS } from "./processors/index.ts";
import type { WorkerDeps } from "./processors/types.ts";
import { startRelay, type RelayHandle } from "./relay/outbox-relay.ts";

export interface StartOptions {
  connection: Redis;
  prefix: string;
  concurrency?: Partial<Record<QueueName, number>>;
  queues?: readonly QueueName[];
  relay?: boolean;
  /// Lock on each active job, renewed every quarter of it while the job runs; a killed worker's job is free again at
  /// most this long after the kill. Default 8 s (XD_WORKER_LOCK_MS).
  lockMs?: number;
  /// How often lapsed locks are looked for: a job whose lock lapsed goes back to wait at the next look. Default 4 s
  /// (XD_WORKER_STALLED_MS). A killed worker's job runs again within lockMs + stalledMs.
  stalledMs?: number;
}

export const DEFAULT_LOCK_MS = 8_000;
export const DEFAULT_STALLED_MS = 4_000;

export interface WorkerHandle {
  workers: Worker[];
  relay: RelayHandle | null;
  /// Stops taking jobs, waits for active ones to finish, stops the relay.
  close(): Promise<void>;
}

export function startWorkers(deps: WorkerDeps, opts: StartOptions): WorkerHandle {
  const lockMs = opts.lockMs ?? DEFAULT_LOCK_MS;
  const workers = (opts.queues ?? QUEUES).map((queue) => {
    const w = new Worker(
      queue,
      async (job) => {
        const processor = PROCESSORS[job.name];
        if (!processor) throw new Error(`no processor for job ${job.name} on queue ${queue}`);
        return processor(job, deps);
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
  return {
    workers,
    relay,
    async close() {
      await relay?.stop();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
