// Inputs of the exception queue (the county procedure adds and checks `countyCode`).
import { z } from "zod";

/// Why a parcel is in the queue: reported as an exception, RED, or without a route.
export const EXCEPTION_CAUSES = ["EXCEPTION", "RED", "UNROUTABLE"] as const;
export type TExceptionCause = (typeof EXCEPTION_CAUSES)[number];

export const EXCEPTION_ACTIONS = ["CALL", "NOTIFY", "REPLAN", "RETURN", "LOST"] as const;
export type TExceptionActionKind = (typeof EXCEPTION_ACTIONS)[number];

export const ZExceptionListSchema = z.object({
  cause: z.enum(EXCEPTION_CAUSES, "must be EXCEPTION, RED or UNROUTABLE").optional(),
});
export type TExceptionList = z.infer<typeof ZExceptionListSchema> & { countyCode: string };

/// One action on one parcel; `clientRequestId` makes it idempotent (a repeat answers with the first result).
export const ZExceptionActSchema = z.object({
  shipmentId: z.string().uuid("must be a shipment id"),
  clientRequestId: z.string().uuid("must be a UUID made by the client"),
});
export type TExceptionAct = z.infer<typeof ZExceptionActSchema> & { countyCode: string };
