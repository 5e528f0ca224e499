// A client's webhook subscriptions: create (the secret shown once), list, delete, enable again. The caller has already
// checked that the actor may manage `clientId`'s webhooks; another client's id answers NOT_FOUND like an unknown one.
import type { Db, Tx } from "@xiangda/db";
import { writeOutbox } from "@xiangda/db";
import { AppError, WEBHOOK_EVENT_TYPES, type TWebhookEventType } from "@xiangda/domain";
import { outboxEvent, webhooksDeliver } from "@xiangda/jobs";
import { encryptWebhookSecret } from "./secret.ts";
import { checkWebhookUrl, type HostLookup } from "./safe-url.ts";
import { MAX_WEBHOOKS_PER_CLIENT } from "@xiangda/domain";
import { newWebhookSecret } from "./signature.ts";

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  status: "ACTIVE" | "DISABLED";
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}

const VIEW = { id: true, url: true, events: true, status: true, disabledAt: true, disabledReason: true, createdAt: true } as const;

export async function createWebhook(
  db: Db,
  input: {
    clientId: string;
    url: string;
    events: readonly string[];
    actorId?: string | null;
    dataKey: Buffer;
    allowPrivate: boolean;
    now: Date;
    lookup?: HostLookup;
  },
): Promise<{ id: string; secret: string }> {
  const known = new Set<string>(WEBHOOK_EVENT_TYPES);
  if (input.events.length === 0 || input.events.some((e) => !known.has(e))) throw AppError.at("events", "ZOD_CHOICE");
  if (new Set(input.events).size !== input.events.length) throw AppError.at("events", "WEBHOOK_EVENTS_UNIQUE");
  const target = await checkWebhookUrl(input.url.trim(), {
    allowPrivate: input.allowPrivate,
    ...(input.lookup ? { lookup: input.lookup } : {}),
  });
  const secret = newWebhookSecret();
  const id = await db.$transaction(async (tx) => {
    // The count and the insert under the client's row lock: two concurrent creates cannot both pass the limit.
    await tx.$queryRaw`SELECT id FROM "ApiClient" WHERE id = ${input.clientId}::uuid FOR UPDATE`;
    const n = await tx.webhookSubscription.count({ where: { clientId: input.clientId, deletedAt: null } });
    if (n >= MAX_WEBHOOKS_PER_CLIENT) throw AppError.of("CONFLICT", "WEBHOOK_LIMIT", { max: MAX_WEBHOOKS_PER_CLIENT });
    const made = await tx.webhookSubscription.create({
      data: {
        clientId: input.clientId,
        url: target.url.toString(),
        events: [...input.events] as TWebhookEventType[],
        secretEnc: encryptWebhookSecret(input.dataKey, secret),
        createdById: input.actorId ?? null,
        createdAt: input.now,
      },
      select: { id: true },
    });
    return made.id;
  });
  return { id, secret };
}

export async function listWebhooks(db: Db, input: { clientId: string }): Promise<WebhookView[]> {
  return db.webhookSubscription.findMany({
    where: { clientId: input.clientId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: VIEW,
  });
}

/// The client's live subscription, locked for the rest of the transaction; NOT_FOUND otherwise.
export async function lockWebhook(tx: Tx, clientId: string, id: string): Promise<{ id: string; status: string; events: string[] }> {
  const [row] = await tx.$queryRaw<{ id: string; status: string; events: string[] }[]>`
    SELECT id, status::text AS status, events FROM "WebhookSubscription"
    WHERE id = ${id}::uuid AND "clientId" = ${clientId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
  if (!row) throw AppError.of("NOT_FOUND", "NO_SUCH_WEBHOOK");
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkId(id: string): void {
  if (!UUID.test(id)) throw AppError.of("NOT_FOUND", "NO_SUCH_WEBHOOK");
}

/// Soft delete: nothing more is sent; its pending deliveries are given up (FAILED).
export async function deleteWebhook(db: Db, input: { clientId: string; id: string; now: Date }): Promise<{ id: string }> {
  checkId(input.id);
  await db.$transaction(async (tx) => {
    await lockWebhook(tx, input.clientId, input.id);
    await tx.webhookSubscription.update({ where: { id: input.id }, data: { deletedAt: input.now } });
    await tx.webhookDelivery.updateMany({
      where: { subscriptionId: input.id, status: "PENDING" },
      data: { status: "FAILED", lastError: "DELETED" },
    });
  });
  return { id: input.id };
}

/// A disabled subscription becomes ACTIVE again: its oldest pending delivery is due now and delivery starts.
export async function enableWebhook(db: Db, input: { clientId: string; id: string; now: Date }): Promise<WebhookView> {
  checkId(input.id);
  return db.$transaction(async (tx) => {
    const sub = await lockWebhook(tx, input.clientId, input.id);
    if (sub.status !== "ACTIVE") {
      await tx.webhookSubscription.update({ where: { id: input.id }, data: { status: "ACTIVE", disabledAt: null, disabledReason: null } });
      // The failures before were the receiver's old trouble: the backoff and the 24 hours start again.
      await tx.webhookDelivery.updateMany({
        where: { subscriptionId: input.id, status: "PENDING" },
        data: { nextAttemptAt: input.now, firstFailedAt: null },
      });
      await writeOutbox(tx, outboxEvent(webhooksDeliver, { subscriptionId: input.id, wake: `enable-${input.now.getTime()}` }));
    }
    return tx.webhookSubscription.findUniqueOrThrow({ where: { id: input.id }, select: VIEW });
  });
}
