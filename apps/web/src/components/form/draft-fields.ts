// Draft parts of a form schema: what a text box holds (a string) → the value sent, with the kit's own messages
// (keys of the "common" namespace, translated by issueText).
import { z } from "zod";

/** Digits only → the number; empty → null; anything else "invalid". */
export function parseWholeNumber(text: string): number | null | "invalid" {
  const s = text.trim();
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : "invalid";
}

/** A non-negative decimal ("1.5") → the number; empty → null; anything else "invalid". */
export function parseDecimal(text: string): number | null | "invalid" {
  const s = text.trim();
  if (!s) return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : "invalid";
}

function numberText(parse: (text: string) => number | null | "invalid", invalid: string) {
  return z.string().transform((text, ctx) => {
    const n = parse(text);
    if (n !== "invalid") return n;
    ctx.addIssue({ code: "custom", message: invalid });
    return z.NEVER;
  });
}

/** A whole number typed in a box; empty is null. */
export const optionalWholeNumber = () => numberText(parseWholeNumber, "form.wholeNumber");

/** A whole number typed in a box; empty is "required". */
export const requiredWholeNumber = () =>
  optionalWholeNumber().transform((n, ctx) => {
    if (n !== null) return n;
    ctx.addIssue({ code: "custom", message: "form.required" });
    return z.NEVER;
  });

/** A decimal typed in a box; empty is "required". */
export const requiredDecimal = () =>
  numberText(parseDecimal, "form.number").transform((n, ctx) => {
    if (n !== null) return n;
    ctx.addIssue({ code: "custom", message: "form.required" });
    return z.NEVER;
  });

/** Trimmed text; empty is null (clears the field on the server). */
export const optionalText = (text: string): string | null => text.trim() || null;
