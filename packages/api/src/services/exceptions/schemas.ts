// Inputs of the exception queue (the county procedure adds and checks `countyCode`).
import { EXCEPTION_CAUSES } from "@xiangda/domain";
import { z } from "zod";

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
