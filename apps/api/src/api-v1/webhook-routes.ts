// `/api/v1/webhooks`: the organisation's subscriptions, their delivery log, redelivery and re-enabling.
import { z } from "zod";
import { createWebhook, deleteWebhook, enableWebhook, listDeliveries, listWebhooks, redeliver } from "@xiangda/api";
import { WEBHOOK_EVENT_TYPES, ZCreateWebhookSchema, ZDeliveriesQuerySchema, ZRedeliverSchema } from "@xiangda/domain";
import { defineRoute } from "./define.ts";

const ZIdParam = z.object({ id: z.string().uuid().describe("The webhook's id.") });
const iso = (d: Date | null) => d?.toISOString() ?? null;

const ZWebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    status: z.enum(["ACTIVE", "DISABLED"]).describe("DISABLED after 24 hours of failed deliveries: re-enable it when fixed."),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Webhook" });

const ZDeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    type: z.string().nullable(),
    status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    latencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    lastAttemptAt: z.string().nullable(),
    nextAttemptAt: z.string(),
    deliveredAt: z.string().nullable(),
    redelivery: z.boolean(),
  })
  .meta({ id: "WebhookDelivery" });

const webhookView = (w: Awaited<ReturnType<typeof listWebhooks>>[number]) => ({
  ...w,
  disabledAt: iso(w.disabledAt),
  createdAt: w.createdAt.toISOString(),
});

export const WEBHOOK_ROUTES = [
  defineRoute({
    method: "POST",
    path: "/webhooks",
    operationId: "createWebhook",
    summary: "Subscribe a url to event types",
    description:
      "The answer's `secret` signs every request (see the webhooks section) and is shown only here. The url must be public http(s): loopback and private addresses are refused unless the server allows them (XD_WEBHOOK_ALLOW_PRIVATE).",
    tag: "Webhooks",
    scope: "webhooks:manage",
    body: ZCreateWebhookSchema,
    responses: { 201: { description: "Subscribed.", schema: z.object({ id: z.string(), secret: z.string() }) } },
    handler: async ({ caller, deps, body, allowPrivateWebhooks }) => ({
      status: 201,
      body: await createWebhook(deps.db, {
        clientId: caller.clientId,
        url: body.url,
        events: body.events,
        dataKey: deps.dataKey,
        allowPrivate: allowPrivateWebhooks,
        now: deps.now(),
      }),
    }),
  }),
  defineRoute({
    method: "GET",
    path: "/webhooks",
    operationId: "listWebhooks",
    summary: "Your webhooks",
    tag: "Webhooks",
    scope: "webhooks:manage",
    responses: { 200: { description: "Without their secrets.", schema: z.object({ webhooks: z.array(ZWebhookSchema) }) } },
    handler: async ({ caller, deps }) => ({
      body: { webhooks: (await listWebhooks(deps.db, { clientId: caller.clientId })).map(webhookView) },
    }),
  }),
  defineRoute({
    method: "DELETE",
    path: "/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Unsubscribe",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: ZIdParam,
    responses: { 200: { description: "Deleted: nothing more is sent to it.", schema: z.object({ id: z.string() }) } },
    handler: async ({ caller, deps, params }) => ({
      body: await deleteWebhook(deps.db, { clientId: caller.clientId, id: params.id, now: deps.now() }),
    }),
  }),
  defineRoute({
    method: "GET",
    path: "/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "A webhook's delivery log, newest first",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: ZIdParam,
    query: ZDeliveriesQuerySchema,
    responses: {
      200: {
        description: "Status, response code, latency and attempts of each delivery; pass `next` as `after` for older ones.",
        schema: z.object({ deliveries: z.array(ZDeliverySchema), next: z.string().nullable() }),
      },
    },
    handler: async ({ caller, deps, params, query }) => {
      const r = await listDeliveries(deps.db, {
        clientId: caller.clientId,
        id: params.id,
        after: query.after === undefined ? undefined : BigInt(query.after),
        limit: query.limit,
      });
      return {
        body: {
          next: r.next,
          deliveries: r.deliveries.map((d) => ({
            ...d,
            createdAt: d.createdAt.toISOString(),
            lastAttemptAt: iso(d.lastAttemptAt),
            nextAttemptAt: d.nextAttemptAt.toISOString(),
            deliveredAt: iso(d.deliveredAt),
          })),
        },
      };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/webhooks/{id}/redeliver",
    operationId: "redeliverWebhook",
    summary: "Send one event, or the events of a time range, again",
    description: "Queued after the webhook's pending deliveries, with the same event ids (deduplicate on them).",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: ZIdParam,
    body: ZRedeliverSchema,
    responses: { 202: { description: "Queued.", schema: z.object({ queued: z.number().int() }) } },
    handler: async ({ caller, deps, params, body }) => ({
      status: 202,
      body: await redeliver(deps.db, {
        clientId: caller.clientId,
        id: params.id,
        eventId: body.eventId,
        from: body.from ? new Date(body.from) : undefined,
        to: body.to ? new Date(body.to) : undefined,
        now: deps.now(),
      }),
    }),
  }),
  defineRoute({
    method: "POST",
    path: "/webhooks/{id}/enable",
    operationId: "enableWebhook",
    summary: "Re-enable a disabled webhook",
    description: "Its pending deliveries are tried again at once, in order.",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: ZIdParam,
    responses: { 200: { description: "Active again.", schema: ZWebhookSchema } },
    handler: async ({ caller, deps, params }) => ({
      body: webhookView(await enableWebhook(deps.db, { clientId: caller.clientId, id: params.id, now: deps.now() })),
    }),
  }),
];
