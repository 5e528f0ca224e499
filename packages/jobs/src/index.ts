// @xiangda/jobs: queues, job definitions, payload schemas, producers and connections.
export * from "./connection.ts";
export * from "./define.ts";
export * from "./jobs.ts";
export * from "./enqueue.ts";
export type { Queue, Job, FlowProducer } from "bullmq";
