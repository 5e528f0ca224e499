// Starts one BullMQ Worker per queue, dispatching by job name, plus the outbox relay.
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
  /// Lock on an active job; a job of a killed worker is taken over after it (and one stall check).
  lockMs?: number;
}

export interface WorkerHandle {
  workers: Worker[];
  relay: RelayHandle | null;
  /// Stops taking jobs, waits for active ones to finish, stops the relay.
  close(): Promise<void>;
}

export function startWorkers(deps: WorkerDeps, opts: StartOptions): WorkerHandle {
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
        ...(opts.lockMs ? { lockDuration: opts.lockMs, stalledInterval: opts.lockMs } : {}),
      },
    );
    w.on("error", (err) => deps.log.error({ err: String(err), queue }, "worker error"));
    w.on("failed", (job, err) => deps.log.warn({ jobId: job?.id, name: job?.name, err: err.message }, "job failed"));
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
