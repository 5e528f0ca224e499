// Reads a tRPC client error into what a form shows: a code, field messages and a summary.
import { TRPCClientError } from "@trpc/client";
import { z } from "zod";

const ZErrorDataSchema = z.object({
  code: z.string().optional(),
  httpStatus: z.number().optional(),
  appCode: z.string().nullish(),
  zodIssues: z
    .array(
      z.object({
        path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]),
        message: z.string(),
      }),
    )
    .nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
});

export interface TApiError {
  /** tRPC code such as "UNAUTHORIZED", "TOO_MANY_REQUESTS", or null when the server never answered. */
  code: string | null;
  /** The API's own error code (AppError), e.g. "INVALID_INPUT", "CONFLICT". */
  appCode: string | null;
  /** Messages by field path ("username", "countyCode"). */
  fieldErrors: Record<string, string>;
  /** Issues without a field. */
  formErrors: string[];
  message: string;
  isNetwork: boolean;
  /** The API's extra facts about the error, e.g. `retryAfterSeconds` of RATE_LIMITED. */
  details: Record<string, unknown> | null;
}

export function readApiError(error: unknown): TApiError {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof TRPCClientError)) {
    return { code: null, appCode: null, fieldErrors: {}, formErrors: [], message, isNetwork: false, details: null };
  }
  const parsed = ZErrorDataSchema.safeParse(error.data);
  const data = parsed.success ? parsed.data : {};
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const issue of data.zodIssues ?? []) {
    const path = Array.isArray(issue.path) ? issue.path.join(".") : issue.path;
    if (!path) formErrors.push(issue.message);
    else fieldErrors[path] ??= issue.message;
  }
  return {
    code: data.code ?? null,
    appCode: data.appCode ?? null,
    fieldErrors,
    formErrors,
    message,
    // No error shape at all means the request never reached tRPC (offline, proxy down).
    isNetwork: !parsed.success || data.code === undefined,
    details: data.details ?? null,
  };
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
