// Zod input schemas shared by the API and the web app.
import { z } from "zod";
import { isErrorKey, type TErrorKey, type TErrorParamValue } from "./error-messages.ts";
import { ZRoleSchema } from "./roles.ts";

export const ZCountyCodeSchema = z.string().regex(/^\d{6}$/, "must be a 6-digit county code");
export const ZAreaCodeSchema = z.string().regex(/^\d{12}$/, "must be a 12-digit statistical code");
export const ZUsernameSchema = z
  .string()
  .trim()
  .min(3, "at least 3 characters")
  .max(40, "at most 40 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only");
export const ZPasswordSchema = z.string().min(8, "at least 8 characters").max(200, "at most 200 characters");

export const ZLoginSchema = z.object({
  username: z.string().trim().min(1, "required").max(40, "at most 40 characters"),
  password: z.string().min(1, "required").max(200, "at most 200 characters"),
});
export type TLogin = z.infer<typeof ZLoginSchema>;

export const ZCreateUserSchema = z
  .object({
    username: ZUsernameSchema,
    password: ZPasswordSchema,
    displayName: z.string().trim().min(1, "required").max(60, "at most 60 characters"),
    role: ZRoleSchema,
    countyCode: ZCountyCodeSchema.optional(),
    nodeId: z.string().uuid("must be a node id").optional(),
    merchantId: z.string().uuid("must be a merchant id").optional(),
    /// COUNTER_OPERATOR: the counters they run (at least one, all of one county).
    counterIds: z.array(z.string().uuid("must be a counter id")).max(50, "at most 50 counters").optional(),
    /// CARRIER_USER: the organisation (API client) it belongs to; its county is the client's.
    apiClientId: z.string().uuid("must be an API client id").optional(),
  })
  .superRefine((v, ctx) => {
    const need = (field: "countyCode" | "nodeId" | "merchantId" | "apiClientId", role: string) => {
      if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: "REQUIRED_FOR_ROLE", params: { role } });
    };
    if (v.role === "COUNTY_MANAGER") need("countyCode", v.role);
    if (v.role === "STATION_STAFF") need("nodeId", v.role);
    if (v.role === "MERCHANT") need("merchantId", v.role);
    if (v.role === "CARRIER_USER") need("apiClientId", v.role);
    if (v.role === "COUNTER_OPERATOR" && !v.counterIds?.length)
      ctx.addIssue({ code: "custom", path: ["counterIds"], message: "REQUIRED_FOR_ROLE", params: { role: "COUNTER_OPERATOR" } });
  });
export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

/// A zod issue as a catalog key (ERROR_MESSAGES) with its parameters, so a form that checks a schema before sending
/// shows the same words as the server's answer: a schema's own message may be a catalog key (with the custom issue's
/// `params`); zod's own messages map by their code. Other custom messages have no key.
export function zodIssueKey(i: z.core.$ZodIssue): { key?: TErrorKey; params?: Record<string, TErrorParamValue> } {
  if (isErrorKey(i.message)) {
    const params: Record<string, TErrorParamValue> = {};
    for (const [k, v] of Object.entries((i as { params?: Record<string, unknown> }).params ?? {}))
      if (typeof v === "string" || typeof v === "number") params[k] = v;
    return { key: i.message, params };
  }
  const num = (v: unknown) =>
    typeof v === "bigint"
      ? Number(v)
      : typeof v === "number"
        ? v
        : typeof v === "object" && v instanceof Date
          ? v.toISOString()
          : String(v);
  switch (i.code) {
    case "invalid_type":
      return /received undefined$/.test(i.message) ? { key: "REQUIRED", params: {} } : { key: "ZOD_TYPE", params: {} };
    case "too_small":
      if (i.origin === "string")
        return Number(i.minimum) <= 1 ? { key: "REQUIRED", params: {} } : { key: "ZOD_TOO_SHORT", params: { minimum: num(i.minimum) } };
      if (i.origin === "array" || i.origin === "set") return { key: "ZOD_TOO_FEW", params: { minimum: num(i.minimum) } };
      return { key: "ZOD_TOO_SMALL", params: { minimum: num(i.minimum) } };
    case "too_big":
      if (i.origin === "string") return { key: "ZOD_TOO_LONG", params: { maximum: num(i.maximum) } };
      if (i.origin === "array" || i.origin === "set") return { key: "ZOD_TOO_MANY", params: { maximum: num(i.maximum) } };
      return { key: "ZOD_TOO_BIG", params: { maximum: num(i.maximum) } };
    case "invalid_format":
      return { key: "ZOD_FORMAT", params: {} };
    case "invalid_value":
      return { key: "ZOD_CHOICE", params: {} };
    case "not_multiple_of":
      return { key: "ZOD_MULTIPLE_OF", params: { divisor: num(i.divisor) } };
    case "unrecognized_keys":
      return { key: "ZOD_UNKNOWN_KEYS", params: { keys: i.keys.join(", ") } };
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return { key: "INVALID", params: {} };
    default:
      return {};
  }
}
