import { parsePayload, webhooksDeliver } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// Delivers a subscription's pending events in order (being written: issue #19).
export const processWebhooksDeliver: Processor = async (job) => {
  const p = parsePayload(webhooksDeliver, job.data);
  return { subscriptionId: p.subscriptionId, delivered: 0 };
};
