// The portal's webhook panel: the organisation's subscriptions, their delivery log and redelivery, over the webhook
// services (services/platform/webhooks), with times as ISO strings for the screen. The organisation is the one
// carrierProcedure checked; nothing here takes a client id from the input.
import type { Db } from "@xiangda/db";
import {
  createWebhook,
  deleteWebhook,
  enableWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  type DeliveryView,
  type WebhookView,
} from "../platform/webhooks/index.ts";
import type { TPortalClient } from "./client-scope.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const webhookView = (w: WebhookView) => ({ ...w, disabledAt: iso(w.disabledAt), createdAt: w.createdAt.toISOString() });
const deliveryView = (d: DeliveryView) => ({
  ...d,
  createdAt: d.createdAt.toISOString(),
  lastAttemptAt: iso(d.lastAttemptAt),
  nextAttemptAt: d.nextAttemptAt.toISOString(),
  deliveredAt: iso(d.deliveredAt),
});

export async function listPortalWebhooks(db: Db, { client }: { client: TPortalClient }) {
  return (await listWebhooks(db, { clientId: client.id })).map(webhookView);
}

/// The secret is in the answer only: shown once.
export async function createPortalWebhook(
  db: Db,
  input: {
    client: TPortalClient;
    actorId: string;
    url: string;
    events: readonly string[];
    dataKey: Buffer;
    allowPrivate: boolean;
    now: Date;
  },
) {
  const { client, ...rest } = input;
  return createWebhook(db, { ...rest, clientId: client.id });
}

export async function deletePortalWebhook(db: Db, { client, id, now }: { client: TPortalClient; id: string; now: Date }) {
  return deleteWebhook(db, { clientId: client.id, id, now });
}

export async function enablePortalWebhook(db: Db, { client, id, now }: { client: TPortalClient; id: string; now: Date }) {
  return webhookView(await enableWebhook(db, { clientId: client.id, id, now }));
}

export async function listPortalDeliveries(
  db: Db,
  input: { client: TPortalClient; id: string; after?: string | undefined; limit: number },
) {
  const r = await listDeliveries(db, {
    clientId: input.client.id,
    id: input.id,
    after: input.after === undefined ? undefined : BigInt(input.after),
    limit: input.limit,
  });
  return { deliveries: r.deliveries.map(deliveryView), next: r.next };
}

/// One event again (`eventId`) or every event of [from, to).
export async function redeliverPortalWebhook(
  db: Db,
  input: { client: TPortalClient; id: string; eventId?: string | undefined; from?: string | undefined; to?: string | undefined; now: Date },
) {
  return redeliver(db, {
    clientId: input.client.id,
    id: input.id,
    eventId: input.eventId,
    from: input.from === undefined ? undefined : new Date(input.from),
    to: input.to === undefined ? undefined : new Date(input.to),
    now: input.now,
  });
}
