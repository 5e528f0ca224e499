// `/api/v1/events`: the organisation's durable, ordered event feed.
import { z } from "zod";
import { listApiEvents, MAX_FEED_PAGE } from "@xiangda/api/rest";
import { WEBHOOK_EVENT_TYPES } from "@xiangda/domain";
import { defineRoute } from "./define.ts";
import { ZStandardEventSchema } from "./shipment-routes.ts";

/// One event as the feed and the webhooks send it.
export const ZApiEventSchema = z
  .object({
    id: z.string().describe("The event's place in the feed: increasing, never reused; the X-Xiangda-Event-Id of its webhooks."),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    createdAt: z.string().describe("When it happened (ISO 8601, UTC)."),
    data: z.object({
      waybillNo: z.string().describe("Your number (the XD number when the parcel has none)."),
      xdWaybillNo: z.string(),
      status: z.string().describe("The parcel's status just after the event."),
      event: ZStandardEventSchema.optional(),
    }),
  })
  .meta({ id: "Event" });

export const EVENT_ROUTES = [
  defineRoute({
    method: "GET",
    path: "/events",
    operationId: "listEvents",
    summary: "The event feed, in order",
    description:
      "Every event of your parcels, in the order given by `id`. Start with no `after`, then pass the `next` of each page as `after`: a client that missed webhooks catches up with nothing lost. A page shorter than `limit` means you are up to date for now.",
    tag: "Events",
    scope: "events:read",
    query: z.object({
      after: z
        .string()
        .regex(/^\d{0,18}$/, "ZOD_FORMAT")
        .optional()
        .describe("The `next` of the previous page (an event id)."),
      limit: z.coerce.number().int().min(1).max(MAX_FEED_PAGE).default(100),
    }),
    responses: {
      200: {
        description: "A page of events.",
        schema: z.object({ events: z.array(ZApiEventSchema), next: z.string().describe("Pass as `after`.") }),
      },
    },
    handler: async ({ caller, deps, query }) => ({
      body: await listApiEvents(deps.db, { caller, after: query.after, limit: query.limit }),
    }),
  }),
];
