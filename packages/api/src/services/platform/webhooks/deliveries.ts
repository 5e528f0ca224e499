// A subscription's delivery log and redelivery (one event, or every event of a time range it would have been sent).
import type { Db } from "@xiangda/db";
import { writeOutbox } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { outboxEvent, webhooksDeliver } from "@xiangda/jobs";
import { lockWebhook } from "./manage-webhooks.ts";
import { MAX_REDELIVER } from "@xiangda/domain";

export interface DeliveryView {
  id: string;
  eventId: string;
  type: string | null;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  responseStatus: number | null;
  latencyMs: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  redelivery: boolean;
}

interface DeliveryRow extends Omit<DeliveryView, "id" | "eventId"> {
  id: bigint;
  eventSeq: bigint;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function ownedWebhook(db: Db, clientId: string, id: string): Promise<void> {
  const found = UUID.test(id)
    ? await db.webhookSubscription.findFirst({ where: { id, clientId, deletedAt: null }, select: { id: true } })
    : null;
  if (!found) throw AppError.of("NOT_FOUND", "NO_SUCH_WEBHOOK");
}

/// Newest first; `next` (pass it as `after`) pages on to older deliveries, null at the end.
export async function listDeliveries(
  db: Db,
  input: { clientId: string; id: string; after?: bigint | undefined; limit: number },
): Promise<{ deliveries: DeliveryView[]; next: string | null }> {
  await ownedWebhook(db, input.clientId, input.id);
  const after = input.after ?? BigInt("9223372036854775807");
  const rows = await db.$queryRaw<DeliveryRow[]>`
    SELECT d.id, d."eventSeq", e.type, d.status::text AS status, d.attempts, d."responseStatus", d."latencyMs", d."lastError",
           d."createdAt", d."lastAttemptAt", d."nextAttemptAt", d."deliveredAt", d.redelivery
    FROM "WebhookDelivery" d LEFT JOIN "ApiEvent" e ON e.seq = d."eventSeq"
    WHERE d."subscriptionId" = ${input.id}::uuid AND d.id < ${after}
    ORDER BY d.id DESC LIMIT ${input.limit + 1}`;
  const page = rows.slice(0, input.limit);
  const deliveries = page.map(({ id, eventSeq, ...rest }) => ({ ...rest, id: String(id), eventId: String(eventSeq) }));
  return { deliveries, next: rows.length > input.limit ? String(page[page.length - 1]!.id) : null };
}

/// Queues the event (or the range's events, by the time they were recorded, `from` inclusive, `to` exclusive) again,
/// after the subscription's pending ones; only events the subscription sees and is subscribed to.
export async function redeliver(
  db: Db,
  input: { clientId: string; id: string; eventId?: string | undefined; from?: Date | undefined; to?: Date | undefined; now: Date },
): Promise<{ queued: number }> {
  if (!UUID.test(input.id)) throw AppError.of("NOT_FOUND", "NO_SUCH_WEBHOOK");
  const single = input.eventId !== undefined && /^\d{1,19}$/.test(input.eventId) ? input.eventId : null;
  if (single === null && !(input.from && input.to && input.from < input.to)) throw AppError.at("eventId", "REDELIVER_WHAT");
  return db.$transaction(
    async (tx) => {
      const sub = await lockWebhook(tx, input.clientId, input.id);
      const made = await tx.$queryRaw<{ id: bigint }[]>`
        INSERT INTO "WebhookDelivery" ("subscriptionId", "eventSeq", redelivery, "nextAttemptAt", "createdAt")
        SELECT ${sub.id}::uuid, e.seq, true, ${input.now}, ${input.now}
        FROM "ApiEvent" e JOIN "ApiClient" c ON c.id = ${input.clientId}::uuid AND (
               (c.kind = 'CARRIER' AND c."countyCode" = e."countyCode" AND c."carrierId" = e."carrierId")
            OR (c.kind = 'PLATFORM' AND c.id = e."clientId"))
        WHERE e.seq IS NOT NULL AND e.type = ANY(${sub.events}::text[])
          AND (${single}::bigint IS NULL OR e.seq = ${single}::bigint)
          AND (${single}::bigint IS NOT NULL OR (e."createdAt" >= ${input.from ?? null}::timestamptz AND e."createdAt" < ${input.to ?? null}::timestamptz))
        ORDER BY e.seq
        LIMIT ${MAX_REDELIVER + 1}
        RETURNING id`;
      if (single !== null && made.length === 0) throw AppError.of("NOT_FOUND", "NO_SUCH_EVENT");
      if (made.length > MAX_REDELIVER) throw AppError.at("from", "REDELIVER_TOO_MANY", { max: MAX_REDELIVER });
      if (made.length > 0) {
        const first = made.reduce((m, r) => (r.id < m ? r.id : m), made[0]!.id);
        await writeOutbox(tx, outboxEvent(webhooksDeliver, { subscriptionId: sub.id, wake: `redeliver-${String(first)}` }));
      }
      return { queued: made.length };
    },
    { timeout: 30_000 },
  );
}
