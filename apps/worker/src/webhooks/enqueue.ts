// A deliver job for a subscription, now or after a delay (a retry's time, a lease running out).
import { webhooksDeliver, type Queues } from "@xiangda/jobs";

export async function enqueueDeliver(queues: Queues, subscriptionId: string, wake: string, delayMs = 0): Promise<void> {
  const payload = webhooksDeliver.schema.parse({ subscriptionId, wake });
  await queues.get(webhooksDeliver.queue).add(webhooksDeliver.name, payload, {
    ...webhooksDeliver.options,
    jobId: webhooksDeliver.jobId(payload),
    delay: Math.max(0, Math.round(delayMs)),
  });
}
