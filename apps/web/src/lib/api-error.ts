// Reads a tRPC client error into what a form shows: a code, field messages and a summary — translated: the server
// sends each message as a key of its catalog (ERROR_MESSAGES in the domain package) with parameters, translated here
// by the "errors" namespace (i18n/errors.*.ts). A message without a known key never shows the server's English in
// Chinese: a generic text by its code takes its place (reported by `onUntranslated`, which tests use).
import { TRPCClientError } from "@trpc/client";
import { APP_ERROR_CODES, isErrorKey } from "@xiangda/domain";
import { z } from "zod";
import type { errorsZh } from "../i18n/errors.zh.ts";
import { currentLanguage, i18n } from "../i18n/index.ts";
import { routeErrorKey } from "./route-error.ts";

type TErrorsKey = Exclude<keyof typeof errorsZh, "generic"> | `generic.${keyof typeof errorsZh.generic}`;
/** t of the "errors" namespace, outside React (keys checked by TErrorsKey). */
export function errorsT(key: TErrorsKey, params?: Record<string, string | number> | null): string {
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(key, { ...labelled(t, params ?? {}), ns: "errors" });
}

/** Parameters that are enum words (a parcel's `status`, a `listingStatus`, a `temp`, sent as the server's English,
 *  e.g. "lost" or "PENDING_REVIEW") shown as their own labels, never as the raw word. */
const ENUM_PARAMS: Record<string, string> = {
  status: "enums:shipmentStatus",
  listingStatus: "counters:enums.listingStatus",
  temp: "enums:temps",
  certKind: "counters:enums.certKinds",
  role: "common:roles",
};
function labelled(t: (key: string, options: Record<string, unknown>) => string, params: Record<string, string | number>) {
  const out = { ...params };
  for (const [name, prefix] of Object.entries(ENUM_PARAMS)) {
    const v = out[name];
    if (typeof v === "string") out[name] = t(`${prefix}.${v.trim().toUpperCase().replace(/ /g, "_")}`, { defaultValue: v });
  }
  // A router's sentence (why a parcel cannot be routed), read back as its key like a route error anywhere.
  if (typeof out.route === "string") {
    const known = routeErrorKey(out.route);
    out.route = known ? t(known.key, { ...known.params, ns: "errors" }) : t("ROUTE_NO_ROUTE_GENERIC", { ns: "errors" });
  }
  return out;
}

const ZParams = z.record(z.string(), z.union([z.string(), z.number()])).nullish();

const ZErrorDataSchema = z.object({
  code: z.string().optional(),
  httpStatus: z.number().optional(),
  appCode: z.string().nullish(),
  zodIssues: z
    .array(
      z.object({
        path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]),
        message: z.string(),
        key: z.string().nullish(),
        params: ZParams,
      }),
    )
    .nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
  messageKey: z.string().nullish(),
  messageParams: ZParams,
});

type TUntranslatedListener = (text: string, where: { appCode: string | null; path: string | null }) => void;
let untranslatedListener: TUntranslatedListener | null = null;

/** Called with every server text that had no translation (tests fail on it; the UI shows a generic message). */
export function onUntranslated(listener: TUntranslatedListener | null): void {
  untranslatedListener = listener;
}


/** The translation of a server message: its key with params, or — without one — English as sent in English mode and a
 *  generic message in Chinese. */
export function translateServerMessage(
  key: string | null | undefined,
  params: Record<string, string | number> | null | undefined,
  english: string,
  fallback: { appCode: string | null; path: string | null },
): string {
  if (isErrorKey(key)) return errorsT(key, params);
  untranslatedListener?.(english, fallback);
  if (currentLanguage() === "en" && english) return english;
  if (fallback.path !== null) return errorsT("generic.field");
  const code = APP_ERROR_CODES.find((c) => c === fallback.appCode) ?? "unknown";
  return errorsT(`generic.${code}`);
}

export interface TApiError {
  /** tRPC code such as "UNAUTHORIZED", "TOO_MANY_REQUESTS", or null when the server never answered. */
  code: string | null;
  /** The API's own error code (AppError), e.g. "INVALID_INPUT", "CONFLICT". */
  appCode: string | null;
  /** Messages by field path ("username", "countyCode"). */
  fieldErrors: Record<string, string>;
  /** Issues without a field. */
  formErrors: string[];
  /** The error's message, translated (never the server's English in Chinese). */
  message: string;
  isNetwork: boolean;
  /** The API's extra facts about the error, e.g. `retryAfterSeconds` of RATE_LIMITED. */
  details: Record<string, unknown> | null;
}

/** A server message kept in a result (an import's row issue, an unresolved address' reason) in the UI's language. */
export function serverText(
  item: { message: string; key?: string | null | undefined; params?: Record<string, string | number> | null | undefined },
  path?: string,
): string {
  return translateServerMessage(item.key, item.params, item.message, { appCode: "INVALID_INPUT", path: path ?? "" });
}

export function readApiError(error: unknown): TApiError {
  const raw = error instanceof Error ? error.message : String(error);
  if (!(error instanceof TRPCClientError)) {
    const message = translateServerMessage(null, null, raw, { appCode: null, path: null });
    return { code: null, appCode: null, fieldErrors: {}, formErrors: [], message, isNetwork: false, details: null };
  }
  const parsed = ZErrorDataSchema.safeParse(error.data);
  const data = parsed.success ? parsed.data : {};
  const appCode = data.appCode ?? null;
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const issue of data.zodIssues ?? []) {
    const path = Array.isArray(issue.path) ? issue.path.join(".") : issue.path;
    const text = translateServerMessage(issue.key, issue.params, issue.message, { appCode, path: path || null });
    if (!path) formErrors.push(text);
    else fieldErrors[path] ??= text;
  }
  // No error shape at all means the request never reached tRPC (offline, proxy down).
  const isNetwork = !parsed.success || data.code === undefined;
  let message: string;
  if (isNetwork) message = errorsT("generic.network");
  else if (data.code === "INTERNAL_SERVER_ERROR") message = errorsT("generic.internal");
  else if (isErrorKey(data.messageKey)) message = translateServerMessage(data.messageKey, data.messageParams, raw, { appCode, path: null });
  else if (Object.keys(fieldErrors).length + formErrors.length === 1 && (data.zodIssues ?? []).every((i) => isErrorKey(i.key)))
    message = formErrors[0] ?? Object.values(fieldErrors)[0]!;
  else message = translateServerMessage(null, null, raw, { appCode, path: null });
  return { code: data.code ?? null, appCode, fieldErrors, formErrors, message, isNetwork, details: data.details ?? null };
}

/** The message for a field, also when the server names a part of it ("departures.1" for "departures"). */
export function fieldError(fieldErrors: Record<string, string>, field: string): string | undefined {
  if (fieldErrors[field]) return fieldErrors[field];
  const prefix = `${field}.`;
  for (const [path, message] of Object.entries(fieldErrors)) if (path.startsWith(prefix)) return message;
  return undefined;
}

/** Field errors whose path is none of `known` (so a form can show them in its summary instead of losing them). */
export function unplacedErrors(fieldErrors: Record<string, string>, known: readonly string[]): string[] {
  return Object.entries(fieldErrors)
    .filter(([path]) => !known.some((field) => path === field || path.startsWith(`${field}.`)))
    .map(([path, message]) => `${path}: ${message}`);
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && readApiError(error).code === "UNAUTHORIZED";
}
