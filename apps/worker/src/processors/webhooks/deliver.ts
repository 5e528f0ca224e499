import { parsePayload, webhooksDeliver } from "@xiangda/jobs";
import { deliverSubscription } from "../../webhooks/deliverer.ts";
import { delivererOptionsOf, type WithWebhookOptions } from "../../webhooks/options.ts";
import type { Processor } from "../types.ts";

/// Delivers a subscription's pending events in order (one deliverer at a time per subscription; a job finding the
/// subscription held or nothing due ends at once).
export const processWebhooksDeliver: Processor = async (job, deps) => {
  const p = parsePayload(webhooksDeliver, job.data);
  const out = await deliverSubscription(deps.db, deps.queues, p.subscriptionId, delivererOptionsOf(deps as WithWebhookOptions), p.wake);
  return { subscriptionId: p.subscriptionId, ...out };
};
