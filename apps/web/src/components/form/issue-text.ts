// The pure half of the form kit: a zod issue in the user's language, a react-hook-form resolver built on it, and the
// server's field errors picked for the fields a form shows.
import { toNestErrors } from "@hookform/resolvers";
import { isErrorKey, zodIssueKey } from "@xiangda/domain";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { errorsT, fieldError } from "../../lib/api-error.ts";
import { i18n } from "../../i18n/index.ts";
import { NAMESPACES_ZH } from "../../i18n/resources.ts";
import type { TKey, TNamespace } from "../../i18n/use-t.ts";

type TParams = Record<string, string | number>;

/** Where a custom issue's key is looked up: "common" first (the kit's own "form.*"), then the other namespaces, for
 *  a schema still naming a page key without its namespace ("nodes.pickupHoldDaysError.range"; issueKey is better). */
const ISSUE_NAMESPACES = ["common", ...Object.keys(NAMESPACES_ZH).filter((ns) => ns !== "common")];

/** A custom issue's message naming a key of another namespace than "common" ("network:nodes.pickupHoldDaysError.x"),
 *  checked at compile time; a key of "common" ("form.required") is written as it is. */
export function issueKey<N extends TNamespace>(ns: N, key: TKey<N>): string {
  return `${ns}:${String(key)}`;
}

/** An issue's text: a catalog key (the "errors" namespace, as the server's answers), a key of the "common" namespace
 *  ("form.wholeNumber", with the custom issue's params) or of another one (issueKey), or zod's own check by its
 *  code — never zod's English. */
export function issueText(issue: z.core.$ZodIssue): string {
  const params = { ...((issue as { params?: TParams }).params ?? {}) };
  if (isErrorKey(issue.message)) return errorsT(issue.message, params);
  const exists = i18n.exists as unknown as (key: string, options: Record<string, unknown>) => boolean;
  if (issue.code === "custom" && exists(issue.message, { ns: ISSUE_NAMESPACES })) {
    const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
    return t(issue.message, { ...params, ns: ISSUE_NAMESPACES });
  }
  const known = zodIssueKey(issue);
  return known.key ? errorsT(known.key, known.params) : errorsT("generic.field");
}

/** Where a form shows an input path's error: the draft field `placeAt` names for it or for the path's nearest parent
 *  ("inspection.prohibitedAbsent.cash" under "prohibited"), else the path itself (draft and input share the name). */
export function placePath(path: string, placeAt: Readonly<Record<string, string>> = {}): string {
  for (let at = path; at; at = at.includes(".") ? at.slice(0, at.lastIndexOf(".")) : "") {
    const field = placeAt[at];
    if (field) return field;
  }
  return path;
}

/** A resolver checking the draft with `schema` (draft → the input sent): its output is what submit receives. An issue
 *  of a shared schema the draft is piped into names the input's path: `placeAt` puts it under its draft field. */
export function zodFormResolver<TDraft extends FieldValues, TInput>(
  schema: z.ZodType<TInput, TDraft>,
  placeAt?: Readonly<Record<string, string>>,
): Resolver<TDraft, unknown, TInput> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = placePath(issue.path.map(String).join("."), placeAt);
      errors[path] ??= { type: issue.code, message: issueText(issue) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/** The server's message for each of `fields` (also when it names a part: "departures.1" for "departures"). */
export function serverFieldErrors(fieldErrors: Record<string, string>, fields: readonly string[]): [string, string][] {
  return fields.flatMap((field) => {
    const message = fieldError(fieldErrors, field);
    return message ? [[field, message] as [string, string]] : [];
  });
}
