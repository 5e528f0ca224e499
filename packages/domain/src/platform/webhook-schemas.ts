// The inputs of the webhook routes (REST and tRPC validate with these, the web form pipes into them, the OpenAPI
// document is built from them).
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, ZWebhookEventTypeSchema } from "./events.ts";

export const MAX_WEBHOOKS_PER_CLIENT = 10;
/// The most events one redelivery may queue.
export const MAX_REDELIVER = 10_000;

export const ZCreateWebhookSchema = z.object({
  url: z.string().trim().min(1, "REQUIRED").max(2000),
  events: z
    .array(ZWebhookEventTypeSchema)
    .min(1)
    .max(WEBHOOK_EVENT_TYPES.length)
    .refine((list) => new Set(list).size === list.length, { message: "WEBHOOK_EVENTS_UNIQUE" }),
});
export type TCreateWebhook = z.infer<typeof ZCreateWebhookSchema>;

/// An event id of the feed: its sequence number, in digits.
export const ZEventIdSchema = z.string().regex(/^[1-9]\d{0,18}$/);

export const ZRedeliverSchema = z
  .object({
    eventId: ZEventIdSchema.optional(),
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
  })
  .refine((v) => (v.eventId !== undefined) !== (v.from !== undefined && v.to !== undefined && v.from < v.to), {
    message: "REDELIVER_WHAT",
  });
export type TRedeliver = z.infer<typeof ZRedeliverSchema>;

export const ZDeliveriesQuerySchema = z.object({
  after: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
