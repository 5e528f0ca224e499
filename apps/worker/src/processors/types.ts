import type { Job } from "bullmq";
import type { Db } from "@xiangda/db";
import type { Queues } from "@xiangda/jobs";
import type { Sender } from "../notify/sender.ts";

export interface WorkerDeps {
  db: Db;
  queues: Queues;
  sender: Sender;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

/// A processor is a plain function of the job's data and the worker's dependencies.
export type Processor = (job: Job, deps: WorkerDeps) => Promise<unknown>;
