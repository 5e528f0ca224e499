// Typed producers: outbox rows (the normal path from the API) and direct adds (from workers).
import { FlowProducer, Queue, UnrecoverableError } from "bullmq";
import type { Redis } from "ioredis";
import type { z } from "zod";
import { DEFAULT_JOB_OPTIONS, type JobDef, type QueueName } from "./define.ts";

export interface OutboxRow {
  queue: QueueName;
  name: string;
  jobId: string;
  payload: object;
}

/// Validates the payload and returns the outbox row for it (write it with writeOutbox in your transaction).
export function outboxEvent<S extends z.ZodType>(def: JobDef<S>, payload: z.input<S>): OutboxRow {
  const parsed = def.schema.parse(payload);
  return { queue: def.queue, name: def.name, jobId: checkedJobId(def.jobId(parsed)), payload: parsed as object };
}

function checkedJobId(id: string): string {
  if (id.includes(":")) throw new Error(`job id ${id} must not contain ":" (BullMQ rejects it)`);
  return id;
}

export class Queues {
  private readonly queues = new Map<QueueName, Queue>();
  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  get(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      const made = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS } });
      made.on("error", () => {
        /* connection errors surface on add() */
      });
      this.queues.set(name, made);
      this.dropIfBroken(made, () => this.queues.get(name) === made && this.queues.delete(name));
      q = made;
    }
    return q;
  }

  private flowProducer: FlowProducer | null = null;

  /// For parent/child jobs (seal → plan each vehicle → manifest).
  flows(): FlowProducer {
    if (!this.flowProducer) {
      const made = new FlowProducer({ connection: this.connection, prefix: this.prefix });
      made.on("error", () => {
        /* surfaces on add() */
      });
      this.flowProducer = made;
      this.dropIfBroken(made, () => this.flowProducer === made && (this.flowProducer = null));
    }
    return this.flowProducer;
  }

  /// BullMQ checks the server's version once, when a queue is made, and keeps that promise: if Redis went away during
  /// the check (a reply lost with the connection), every later call on that queue fails with the same error, even once
  /// Redis is back (taskforcesh/bullmq#930). Such a queue is forgotten, so the next call makes a new one.
  private dropIfBroken(made: { waitUntilReady(): Promise<unknown>; close(): Promise<void> }, forget: () => unknown): void {
    made.waitUntilReady().catch(() => {
      forget();
      void made.close().catch(() => undefined);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    await this.flowProducer?.close();
    this.flowProducer = null;
  }
}

export async function enqueue<S extends z.ZodType>(queues: Queues, def: JobDef<S>, payload: z.input<S>) {
  const parsed = def.schema.parse(payload);
  return queues.get(def.queue).add(def.name, parsed, { ...def.options, jobId: checkedJobId(def.jobId(parsed)) });
}

/// Parses a job's payload; a bad one can never succeed, so it is not retried.
export function parsePayload<S extends z.ZodType>(def: JobDef<S>, data: unknown): z.infer<S> {
  const r = def.schema.safeParse(data);
  if (!r.success) throw new UnrecoverableError(`bad payload for ${def.name}: ${r.error.message}`);
  return r.data;
}
