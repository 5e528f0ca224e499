// The public traceability answer. Declared so nothing else leaves the server: no person's name or phone,
// no ids, no waybill numbers — products, places, dates and the route.
import { z } from "zod";
import { MAX_TRACE_INPUT } from "./trace-code-input.ts";

export const ZTraceInputSchema = z.object({
  /// A batch trace code, or a URL ending in /t/<code> as printed in the QR label.
  code: z.string().trim().min(1, "required").max(MAX_TRACE_INPUT, `at most ${MAX_TRACE_INPUT} characters`),
});

const place = z.object({ code: z.string(), name: z.string() });
const time = z.string().nullable();

export const ZTraceSchema = z.object({
  traceCode: z.string(),
  product: z.object({
    name: z.string(),
    category: z.string(),
    spec: z.string().nullable(),
    unit: z.string(),
    regionalBrand: z.string().nullable(),
    temp: z.string(),
    shelfLifeDays: z.number(),
    certifications: z.array(z.object({ kind: z.string(), number: z.string(), validUntil: z.string(), validToday: z.boolean() })),
  }),
  merchant: z.object({ name: z.string(), type: z.string() }),
  origin: z.object({
    village: place.nullable(),
    township: place.nullable(),
    county: z.object({ code: z.string(), name: z.string(), city: z.string() }).nullable(),
  }),
  batch: z.object({ batchNo: z.string(), producedOn: z.string() }),
  routes: z.array(
    z.object({
      units: z.number(),
      status: z.string(),
      promisedAt: time,
      legs: z.array(
        z.object({
          from: z.string(),
          to: z.string(),
          plannedDepart: z.string(),
          plannedArrive: z.string(),
          actualDepart: time,
          actualArrive: time,
          status: z.string(),
        }),
      ),
      scans: z.array(z.object({ node: z.string(), action: z.string(), at: z.string() })),
      counter: z.object({ name: z.string(), venueType: z.string(), city: z.string().nullable() }),
    }),
  ),
});
export type TTrace = z.infer<typeof ZTraceSchema>;
