// The inputs of the open platform's REST API (`/api/v1`), shared by the server that validates them and the OpenAPI
// document generated from them.
import { z } from "zod";
import { ZPhoneSchema } from "../shipments/accept-schemas.ts";
import { TEMP_CLASSES } from "../shipments/values.ts";
import { API_CLIENT_KINDS } from "./scopes.ts";

/// Parcels one pre-advice call may carry.
export const MAX_PRE_ADVICE = 500;

const text = (max: number) => z.string().trim().min(1).max(max);

/// One parcel of a pre-advice: the columns of an arrival manifest (the carrier's number, recipient, address or village
/// code, weight …), and the parent piece of a multi-piece consignment (子母件).
export const ZPreAdviceParcelSchema = z
  .object({
    waybillNo: text(40).describe("The carrier's (or platform's) own waybill number: the natural key of the parcel."),
    recipientName: text(60),
    recipientPhone: ZPhoneSchema.describe("Mobile (11 digits) or landline."),
    address: z.string().trim().max(200).optional().describe("Resolved to a village of the county as manifests are; never guessed."),
    villageCode: z.string().trim().max(12).optional().describe("12-digit statistical code of the destination village."),
    weightG: z.number().int().min(1).max(1_000_000),
    temp: z.enum(TEMP_CLASSES).optional().describe("Temperature class; AMBIENT when not given."),
    contentsCategory: z.string().trim().max(40).optional(),
    declaredValueFen: z.number().int().min(0).max(100_000_000).optional().describe("Declared value in fen (1/100 yuan)."),
    parentWaybillNo: text(40).optional().describe("子母件: the parent piece's waybill number (in this call or pre-advised before)."),
  })
  .refine((p) => !!p.address || !!p.villageCode, { message: "ADDRESS_OR_VILLAGE", path: ["address"] });
export type TPreAdviceParcel = z.infer<typeof ZPreAdviceParcelSchema>;

export const ZPreAdviceSchema = z.object({ parcels: z.array(ZPreAdviceParcelSchema).min(1).max(MAX_PRE_ADVICE) });

export const PRE_ADVICE_OUTCOMES = ["CREATED", "EXISTS", "REJECTED"] as const;
export type TPreAdviceOutcome = (typeof PRE_ADVICE_OUTCOMES)[number];

export const ZApiIssueSchema = z.object({ path: z.string(), message: z.string(), key: z.string().optional() });

export const ZPreAdviceResultSchema = z.object({
  results: z.array(
    z.object({
      waybillNo: z.string(),
      outcome: z.enum(PRE_ADVICE_OUTCOMES),
      xdWaybillNo: z.string().optional(),
      issues: z.array(ZApiIssueSchema).optional(),
    }),
  ),
});
export type TPreAdviceResult = z.infer<typeof ZPreAdviceResultSchema>;

/// A county's new API client (apiClients.create, the county page's form): a carrier by its code, or a platform by name.
export const ZCreateApiClientSchema = z
  .object({
    kind: z.enum(API_CLIENT_KINDS),
    carrierCode: z.string().trim().min(1).max(40).optional(),
    name: z.string().trim().min(1).max(60).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "CARRIER" && !v.carrierCode) ctx.addIssue({ code: "custom", path: ["carrierCode"], message: "REQUIRED" });
    if (v.kind === "PLATFORM" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "REQUIRED" });
  });
export type TCreateApiClient = z.infer<typeof ZCreateApiClientSchema>;
