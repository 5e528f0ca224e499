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
      q = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS } });
      q.on("error", () => {
        /* connection errors surface on add() */
      });
      this.queues.set(name, q);
    }
    return q;
  }

  private flowProducer: FlowProducer | null = null;

  /// For parent/child jobs (seal → plan each vehicle → manifest).
  flows(): FlowProducer {
    this.flowProducer ??= new FlowProducer({ connection: this.connection, prefix: this.prefix });
    return this.flowProducer;
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
