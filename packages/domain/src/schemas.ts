// Zod input schemas shared by the API and the web app.
import { z } from "zod";
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
  })
  .superRefine((v, ctx) => {
    const need = (field: "countyCode" | "nodeId" | "merchantId", role: string) => {
      if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: "REQUIRED_FOR_ROLE", params: { role } });
    };
    if (v.role === "COUNTY_MANAGER") need("countyCode", v.role);
    if (v.role === "STATION_STAFF") need("nodeId", v.role);
    if (v.role === "MERCHANT") need("merchantId", v.role);
    if (v.role === "COUNTER_OPERATOR" && !v.counterIds?.length)
      ctx.addIssue({ code: "custom", path: ["counterIds"], message: "REQUIRED_FOR_ROLE", params: { role: "COUNTER_OPERATOR" } });
  });
export type TCreateUser = z.infer<typeof ZCreateUserSchema>;
