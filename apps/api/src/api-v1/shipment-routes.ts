// `/api/v1/shipments`: pre-advice in, a parcel's state, its events and its label out.
import { z } from "zod";
import {
  apiShipmentEvents,
  apiShipmentView,
  findApiShipment,
  labelData,
  LABEL_SIZES,
  preAdvise,
  renderLabels,
  type TLabelSize,
} from "@xiangda/api/rest";
import { MAX_PRE_ADVICE, STANDARD_EVENTS, ZPreAdviceResultSchema, ZPreAdviceSchema } from "@xiangda/domain";
import { defineRoute } from "./define.ts";

const ZNode = z
  .object({ code: z.string(), name: z.string(), tier: z.enum(["COUNTY_HUB", "TOWNSHIP_STATION", "VILLAGE_POINT"]) })
  .meta({ id: "NodeRef" });
const ZWaybillParam = z.object({
  waybillNo: z.string().trim().min(1).max(40).describe("The carrier's (or platform's) number, or the XD number."),
});

const ZShipmentSchema = z
  .object({
    waybillNo: z.string().describe("Your number (the XD number when the parcel has none)."),
    xdWaybillNo: z.string(),
    carrierWaybillNo: z.string().nullable(),
    parentWaybillNo: z.string().nullable(),
    status: z.string(),
    light: z.enum(["GREEN", "YELLOW", "RED"]),
    direction: z.enum(["DOWN", "UP"]),
    temp: z.enum(["AMBIENT", "CHILLED", "FROZEN"]),
    weightG: z.number().int(),
    selfPickup: z.boolean(),
    recipient: z.object({ name: z.string(), phone: z.string() }).describe("Masked."),
    destination: z.object({ villageCode: z.string().nullable(), node: ZNode.nullable() }),
    currentNode: ZNode.nullable(),
    promisedAt: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    route: z.array(
      z.object({
        seq: z.number().int(),
        lane: z.string(),
        from: ZNode.nullable(),
        to: ZNode.nullable(),
        status: z.enum(["PLANNED", "DEPARTED", "ARRIVED"]),
        plannedDepart: z.string(),
        plannedArrive: z.string(),
        actualDepart: z.string().nullable(),
        actualArrive: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Shipment" });

export const ZStandardEventSchema = z
  .object({
    code: z.enum(STANDARD_EVENTS.map((e) => e.code) as [string, ...string[]]),
    at: z.string(),
    node: ZNode.nullable(),
    description: z.object({ zh: z.string(), en: z.string() }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "StandardEvent" });

const ZShipmentEventsSchema = z.object({
  events: z.array(
    ZStandardEventSchema.extend({
      id: z.string().nullable().describe("The event's id in /api/v1/events (null for a moment after the scan)."),
      type: z.string(),
      status: z.string(),
    }),
  ),
});

const ZLabelQuery = z.object({ size: z.enum(Object.keys(LABEL_SIZES) as [TLabelSize, ...TLabelSize[]]).default("76x130") });

export const SHIPMENT_ROUTES = [
  defineRoute({
    method: "POST",
    path: "/shipments",
    operationId: "preAdviseShipments",
    summary: "Pre-advise parcels (预报)",
    description: `Up to ${MAX_PRE_ADVICE} parcels per call. Each row is answered in the order sent: CREATED (with the XD number), EXISTS (this number was pre-advised before: nothing changes) or REJECTED with the fields at fault. Addresses are resolved to villages of the county; an address that does not resolve is rejected, never guessed. Created parcels are expected at the county hub until it scans them in. Safe to retry: the waybill number is the natural key; an Idempotency-Key header also replays the first answer.`,
    tag: "Shipments",
    scope: "shipments:write",
    body: z.object({ parcels: z.array(z.unknown()).min(1).max(MAX_PRE_ADVICE) }),
    bodyDoc: ZPreAdviceSchema,
    idempotent: true,
    responses: { 200: { description: "One result per parcel, in order.", schema: ZPreAdviceResultSchema } },
    handler: async ({ caller, deps, body }) => ({ body: await preAdvise(deps.db, { caller, parcels: body.parcels, now: deps.now() }) }),
  }),
  defineRoute({
    method: "GET",
    path: "/shipments/{waybillNo}",
    operationId: "getShipment",
    summary: "A parcel's status, light and route",
    tag: "Shipments",
    scope: "shipments:read",
    params: ZWaybillParam,
    responses: { 200: { description: "The parcel.", schema: ZShipmentSchema } },
    handler: async ({ caller, deps, params }) => ({
      body: await apiShipmentView(deps.db, await findApiShipment(deps.db, { caller, ref: params.waybillNo })),
    }),
  }),
  defineRoute({
    method: "GET",
    path: "/shipments/{waybillNo}/events",
    operationId: "getShipmentEvents",
    summary: "A parcel's events, oldest first",
    tag: "Shipments",
    scope: "shipments:read",
    params: ZWaybillParam,
    responses: { 200: { description: "Every scan and step as a standard event.", schema: ZShipmentEventsSchema } },
    handler: async ({ caller, deps, params }) => ({
      body: { events: await apiShipmentEvents(deps.db, await findApiShipment(deps.db, { caller, ref: params.waybillNo })) },
    }),
  }),
  defineRoute({
    method: "GET",
    path: "/shipments/{waybillNo}/label",
    operationId: "getShipmentLabel",
    summary: "The parcel's e-waybill label (PDF)",
    description: "76×130 one-part or 100×150; your own waybill number is printed on it when the parcel has one.",
    tag: "Shipments",
    scope: "shipments:read",
    params: ZWaybillParam,
    query: ZLabelQuery,
    responses: { 200: { description: "The label.", contentType: "application/pdf" } },
    handler: async ({ caller, deps, params, query, reply, publicUrl }) => {
      const s = await findApiShipment(deps.db, { caller, ref: params.waybillNo });
      const pdf = await renderLabels(await labelData(deps.db, { shipmentIds: [s.id], publicUrl }), query.size);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${s.waybillNo}-${query.size}.pdf"`)
        .send(pdf);
    },
  }),
];
