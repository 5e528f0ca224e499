import { parsePayload, systemPing } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// Health probe for the queue path: proves a job travels outbox → relay → worker.
export const processSystemPing: Processor = async (job) => {
  const p = parsePayload(systemPing, job.data);
  return { pong: p.key };
};
