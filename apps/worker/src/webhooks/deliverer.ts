// Delivers one subscription's pending events, strictly in delivery id order, one deliverer at a time (a lease on the
// subscription row, renewed while it sends). At least once: a delivery is marked only after the receiver answered.
import type { Db } from "@xiangda/db";
import {
  decryptWebhookSecret,
  eventBodies,
  postWebhook,
  signWebhook,
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  USER_AGENT,
  type EventBody,
} from "@xiangda/api";
import type { Queues } from "@xiangda/jobs";
import { enqueueDeliver } from "./enqueue.ts";
import { recordFailure, recordSuccess } from "./record.ts";
import { leaseOwner, type DelivererOptions } from "./options.ts";

export interface DeliverOutcome {
  delivered: number;
  failed: number;
  /// idle: nothing pending; waiting: the head waits for its retry time; busy: another deliverer holds the lease;
  /// stopped: the subscription is disabled or deleted.
  state: "idle" | "waiting" | "busy" | "stopped";
}

interface Leased {
  url: string;
  secretEnc: Uint8Array;
}

interface Head {
  id: bigint;
  eventSeq: bigint;
  attempts: number;
  nextAttemptAt: Date;
  firstFailedAt: Date | null;
}

/// Takes (or, for the holder, renews) the lease of an active subscription.
async function lease(db: Db, id: string, owner: string, leaseMs: number, renew: boolean): Promise<Leased | null> {
  const rows = await db.$queryRaw<Leased[]>`
    UPDATE "WebhookSubscription" SET "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000}), "leaseOwner" = ${owner}
    WHERE id = ${id}::uuid AND status = 'ACTIVE' AND "deletedAt" IS NULL
      AND (CASE WHEN ${renew} THEN "leaseOwner" = ${owner} ELSE ("leaseUntil" IS NULL OR "leaseUntil" < now()) END)
    RETURNING url, "secretEnc"`;
  return rows[0] ?? null;
}

async function release(db: Db, id: string, owner: string): Promise<void> {
  await db.$executeRaw`UPDATE "WebhookSubscription" SET "leaseUntil" = NULL, "leaseOwner" = NULL WHERE id = ${id}::uuid AND "leaseOwner" = ${owner}`;
}

async function headOf(db: Db, id: string): Promise<Head | null> {
  return (await pendingOf(db, id, 1))[0] ?? null;
}

/// The subscription's first `n` pending deliveries, in order.
async function pendingOf(db: Db, id: string, n: number): Promise<Head[]> {
  return db.$queryRaw<Head[]>`
    SELECT id, "eventSeq", attempts, "nextAttemptAt", "firstFailedAt" FROM "WebhookDelivery"
    WHERE "subscriptionId" = ${id}::uuid AND status = 'PENDING' ORDER BY id LIMIT ${n}`;
}

/// Deliveries read (with their bodies) at a time: sent one by one, in order, until one fails or waits.
const WINDOW = 50;

/// Sends the head and records what the receiver said.
async function sendHead(
  db: Db,
  subscriptionId: string,
  sub: Leased & { secret: string },
  head: Head,
  body: EventBody | undefined,
  opts: DelivererOptions,
): Promise<"delivered" | "failed" | "disabled"> {
  if (!body) {
    // An event that has no public form any more (never expected): given up, so it cannot block the ones after it.
    await db.webhookDelivery.update({ where: { id: head.id }, data: { status: "FAILED", lastError: "NO_EVENT" } });
    return "failed";
  }
  const raw = JSON.stringify(body);
  // The signature's time is the wall clock (the receiver compares it with its own), whatever clock the policy reads.
  const t = Math.floor(Date.now() / 1000);
  const result = await postWebhook(
    sub.url,
    raw,
    {
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      [EVENT_ID_HEADER.toLowerCase()]: body.id,
      [SIGNATURE_HEADER.toLowerCase()]: signWebhook(sub.secret, raw, t),
    },
    { allowPrivate: opts.allowPrivate, timeoutMs: opts.timeoutMs },
  );
  const now = opts.now();
  if (result.ok) {
    await recordSuccess(db, head.id, result, now);
    return "delivered";
  }
  return (await recordFailure(db, subscriptionId, sub.url, head, result, now, opts)) ? "failed" : "disabled";
}

/// Holds the lease and sends until nothing is due; the caller releases it. Reads a window of deliveries with their
/// bodies at a time; renews the lease once a third of it has passed (a send's time limit is well under the rest), and
/// stops when it cannot.
async function drain(
  db: Db,
  queues: Queues,
  id: string,
  owner: string,
  first: Leased,
  opts: DelivererOptions,
  wake: string | undefined,
): Promise<DeliverOutcome> {
  const out: DeliverOutcome = { delivered: 0, failed: 0, state: "idle" };
  let sub = { ...first, secret: decryptWebhookSecret(opts.dataKey, first.secretEnc) };
  let renewedAt = Date.now();
  for (;;) {
    const window = await pendingOf(db, id, WINDOW);
    if (window.length === 0) return out;
    const bodies = await eventBodies(
      db,
      window.map((d) => BigInt(d.eventSeq)),
    );
    for (const head of window) {
      const now = opts.now();
      if (head.nextAttemptAt > now) {
        const wait = head.nextAttemptAt.getTime() - now.getTime();
        const retry = `retry-${String(head.id)}-${head.attempts}`;
        // This job is that retry, woken a little early (another machine's clock): a job of the same id would be ignored.
        await enqueueDeliver(queues, id, retry === wake ? `${retry}-${Date.now()}` : retry, wait);
        return { ...out, state: "waiting" };
      }
      if (Date.now() - renewedAt > opts.leaseMs / 3) {
        const renewed = await lease(db, id, owner, opts.leaseMs, true);
        if (!renewed) return { ...out, state: "busy" };
        sub = { ...renewed, secret: sub.url === renewed.url ? sub.secret : decryptWebhookSecret(opts.dataKey, renewed.secretEnc) };
        renewedAt = Date.now();
      }
      const sent = await sendHead(db, id, sub, head, bodies.get(BigInt(head.eventSeq)), opts);
      if (sent === "delivered") out.delivered++;
      else out.failed++;
      if (sent === "disabled") return { ...out, state: "stopped" };
      // A failure moved the head's next attempt: read again (it now waits, in order).
      if (sent === "failed") break;
    }
  }
}

/// Delivers what is due for the subscription. Another deliverer holding it: a wake-up is queued for when its lease
/// runs out (in case it died), and this one ends.
/// `wake`: the job's own (so a retry job woken early queues itself again under another id).
export async function deliverSubscription(
  db: Db,
  queues: Queues,
  subscriptionId: string,
  opts: DelivererOptions,
  wake?: string,
): Promise<DeliverOutcome> {
  const total: DeliverOutcome = { delivered: 0, failed: 0, state: "idle" };
  for (;;) {
    const owner = leaseOwner();
    const sub = await lease(db, subscriptionId, owner, opts.leaseMs, false);
    if (!sub) {
      const held = await db.webhookSubscription.findUnique({
        where: { id: subscriptionId },
        select: { status: true, deletedAt: true, leaseUntil: true },
      });
      if (!held || held.status !== "ACTIVE" || held.deletedAt) return { ...total, state: "stopped" };
      if (held.leaseUntil) {
        // Woken by this very wake-up and still held (a clock behind the database's): queued again under another id.
        const until = `lease-${held.leaseUntil.getTime()}`;
        await enqueueDeliver(
          queues,
          subscriptionId,
          until === wake ? `${until}-${Date.now()}` : until,
          held.leaseUntil.getTime() - Date.now() + 1_000,
        );
      }
      return { ...total, state: "busy" };
    }
    let r: DeliverOutcome;
    try {
      r = await drain(db, queues, subscriptionId, owner, sub, opts, wake);
    } finally {
      await release(db, subscriptionId, owner);
    }
    total.delivered += r.delivered;
    total.failed += r.failed;
    if (r.state !== "idle") return { ...total, state: r.state };
    // A delivery made while the lease was held had its job find the lease taken: look once more after releasing.
    const head = await headOf(db, subscriptionId);
    if (!head || head.nextAttemptAt > opts.now()) return total;
  }
}
