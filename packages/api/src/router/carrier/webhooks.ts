// The carrier portal's webhooks: the organisation's subscriptions (the secret shown once, at creation), the delivery
// log of each, redelivery of one event or a time range, enabling a disabled one again.
import { z } from "zod";
import { loadEnv } from "@xiangda/config";
import {
  createPortalWebhook,
  deletePortalWebhook,
  enablePortalWebhook,
  listPortalDeliveries,
  listPortalWebhooks,
  redeliverPortalWebhook,
} from "../../services/carrier-portal/webhooks.ts";
import { ZCreateWebhookSchema, ZDeliveriesQuerySchema, ZRedeliverSchema } from "@xiangda/domain";
import { carrierProcedure, router } from "../../trpc.ts";

const ZWebhookIdSchema = z.object({ id: z.string().uuid("must be a webhook id") });
const target = (i: Record<string, unknown>) => `webhook:${String(i.id)}`;

export const carrierWebhooksRouter = router({
  list: carrierProcedure.query(({ ctx }) => listPortalWebhooks(ctx.db, { client: ctx.client })),
  create: carrierProcedure
    .meta({ auditTarget: (_i, o) => (o ? `webhook:${(o as { id: string }).id}` : null) })
    .input(ZCreateWebhookSchema)
    .mutation(({ ctx, input }) =>
      createPortalWebhook(ctx.db, {
        client: ctx.client,
        actorId: ctx.actor.userId,
        url: input.url,
        events: input.events,
        dataKey: ctx.dataKey,
        allowPrivate: loadEnv().XD_WEBHOOK_ALLOW_PRIVATE,
        now: ctx.now(),
      }),
    ),
  delete: carrierProcedure
    .meta({ auditTarget: target })
    .input(ZWebhookIdSchema)
    .mutation(({ ctx, input }) => deletePortalWebhook(ctx.db, { client: ctx.client, id: input.id, now: ctx.now() })),
  enable: carrierProcedure
    .meta({ auditTarget: target })
    .input(ZWebhookIdSchema)
    .mutation(({ ctx, input }) => enablePortalWebhook(ctx.db, { client: ctx.client, id: input.id, now: ctx.now() })),
  deliveries: carrierProcedure
    .input(ZWebhookIdSchema)
    .input(ZDeliveriesQuerySchema)
    .query(({ ctx, input }) => listPortalDeliveries(ctx.db, { client: ctx.client, id: input.id, after: input.after, limit: input.limit })),
  redeliver: carrierProcedure
    .meta({ auditTarget: target })
    .input(ZWebhookIdSchema)
    .input(ZRedeliverSchema)
    .mutation(({ ctx, input }) =>
      redeliverPortalWebhook(ctx.db, {
        client: ctx.client,
        id: input.id,
        eventId: input.eventId,
        from: input.from,
        to: input.to,
        now: ctx.now(),
      }),
    ),
});
