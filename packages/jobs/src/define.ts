// Job definitions: queue, name, payload schema, deterministic id and frozen default options.
import type { JobsOptions } from "bullmq";
import type { z } from "zod";

export const QUEUES = ["notify", "system", "network", "shipments", "consolidation", "dashboard", "webhooks"] as const;
export type QueueName = (typeof QUEUES)[number];

export const DEFAULT_JOB_OPTIONS: Readonly<JobsOptions> = Object.freeze({
  attempts: 5,
  backoff: { type: "exponential", delay: 1_000 },
  // Keep finished jobs long enough that a re-sent outbox row with the same id is a no-op.
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
});

export interface JobDef<S extends z.ZodType> {
  queue: QueueName;
  name: string;
  schema: S;
  /// Same payload → same id: BullMQ ignores a second add while the first is kept.
  /// BullMQ forbids ":" in custom ids; use "<name>-<key>".
  jobId: (payload: z.infer<S>) => string;
  options?: JobsOptions;
}

export function defineJob<S extends z.ZodType>(def: JobDef<S>): JobDef<S> {
  if (!/^[a-z]+(\.[a-zA-Z]+)+$/.test(def.name)) throw new Error(`job name ${def.name} must be <domain>.<verb>`);
  return def;
}
