// What the county's catalog forms check before sending: the fields left blank, each named under its field at once
// ("form.required"); the server checks the rest and answers per field.
import type { z } from "zod";

/** Adds a "required" issue for each path whose value is blank; true when there was none. */
export function noneMissing(ctx: z.RefinementCtx, values: Record<string, string | boolean | undefined>): boolean {
  const missing = Object.entries(values).filter(([, v]) => v === undefined || v === false || (typeof v === "string" && !v.trim()));
  for (const [path] of missing) ctx.addIssue({ code: "custom", path: [path], message: "form.required" });
  return missing.length === 0;
}
