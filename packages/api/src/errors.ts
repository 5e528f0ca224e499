// The one mapping from AppError (and database errors) to tRPC codes and the client-facing shape.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { DefaultErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { ZodError, type z } from "zod";
import { isDbUnavailable } from "@xiangda/db";
import { AppError, errorText, isAppError, isErrorKey, issueAt, type AppErrorCode, type FieldIssue, type TErrorKey, type TErrorParamValue, zodIssueKey } from "@xiangda/domain";

const CODE_MAP: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  INVALID_INPUT: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_TRANSITION: "UNPROCESSABLE_CONTENT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

function prismaToAppError(e: Error): AppError | null {
  const code = (e as { code?: string }).code;
  if (code === "P2002") {
    const target = (e as { meta?: { target?: unknown } }).meta?.target;
    const fields = Array.isArray(target) ? target.map(String).join(", ") : typeof target === "string" ? target : "value";
    return AppError.of("CONFLICT", "ALREADY_EXISTS_FIELDS", { fields }, {
      issues: Array.isArray(target) ? target.map((f) => issueAt(String(f), "ALREADY_TAKEN")) : [],
    });
  }
  if (code === "P2025") return AppError.of("NOT_FOUND", "NOT_FOUND");
  // By SQLSTATE and the driver's codes, however Prisma wraps them (packages/db/src/unavailable.ts).
  if (isDbUnavailable(e)) return AppError.of("UNAVAILABLE", "DB_UNAVAILABLE");
  // Text PostgreSQL cannot store (a NUL character) that reached it by a path with no field check of its own.
  const cannotStore = /invalid byte sequence for encoding|unsupported Unicode escape sequence|\\u0000 cannot be converted|\b22021\b|\b22P05\b/;
  if (cannotStore.test(`${e.message} ${code ?? ""}`)) return AppError.at("input", "NUL_CHARACTERS");
  return null;
}

export function toTRPCError(err: unknown): TRPCError {
  if (err instanceof TRPCError) {
    if (err.cause && !(err.cause instanceof ZodError) && !(err.cause instanceof TRPCError) && err.code === "INTERNAL_SERVER_ERROR") {
      return toTRPCError(err.cause);
    }
    // A body or `input` query that is not JSON: tRPC's BAD_REQUEST around the SyntaxError, named as the input.
    if (err.code === "BAD_REQUEST" && err.cause instanceof SyntaxError) {
      return toTRPCError(AppError.at("input", "INVALID_JSON"));
    }
    return err;
  }
  if (isAppError(err)) return new TRPCError({ code: CODE_MAP[err.code], message: err.message, cause: err });
  if (err instanceof ZodError) {
    const message = zodIssues(err)
      .map((i) => `${i.path || "(input)"}: ${i.message}`)
      .join("; ");
    return new TRPCError({ code: "BAD_REQUEST", message, cause: err });
  }
  if (err instanceof Error) {
    const app = prismaToAppError(err);
    if (app) return new TRPCError({ code: CODE_MAP[app.code], message: app.message, cause: app });
    return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error", cause: err });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error" });
}

export function zodIssues(e: ZodError): FieldIssue[] {
  const unique = new Map<string, FieldIssue>();
  for (const i of flatIssues(e.issues, [])) unique.set(`${i.path}\u0000${i.message}`, i);
  return [...unique.values()];
}

/// A union that no branch matched says only "Invalid input" at its own path: name each branch's fields instead
/// (`{}` for "an id or a code" names both).
function flatIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): FieldIssue[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    if (i.code === "invalid_union" && i.errors.length) return i.errors.flatMap((branch) => flatIssues(branch, path));
    const k = zodIssueKey(i);
    // A schema's own check names a catalog key: its English sentence is the message API clients read.
    const message = isErrorKey(i.message) ? errorText(i.message, k.params ?? {}) : i.message;
    return [{ path: path.map(String).join("."), message, ...k }];
  });
}

export interface ErrorData {
  appCode: AppErrorCode | null;
  /// The message as a catalog key (ERROR_MESSAGES) with its parameters, for the web app to translate; null when the
  /// message has none (the web app then shows a generic text in its language, never this English one).
  messageKey: TErrorKey | null;
  messageParams: Record<string, TErrorParamValue> | null;
  zodIssues: FieldIssue[];
  details: Record<string, unknown> | null;
}

/// No stack traces, unknown messages replaced; field issues flattened for the UI.
export function formatShape({ shape, error }: { shape: DefaultErrorShape; error: TRPCError }) {
  const cause = error.cause;
  const app = isAppError(cause) ? cause : null;
  const issues = cause instanceof ZodError ? zodIssues(cause) : (app?.issues ?? []);
  const internal = error.code === "INTERNAL_SERVER_ERROR";
  const message = internal ? "Internal error" : shape.message;
  const { stack: _stack, ...data } = shape.data;
  // A single field's zod issue names the whole error; several are summed up by the issues themselves.
  const key = internal ? null : (app?.key ?? (issues.length === 1 ? (issues[0]!.key ?? null) : null));
  const params = key ? ((app?.key ? app.params : issues[0]?.params) ?? {}) : null;
  return {
    ...shape,
    message,
    data: {
      ...data,
      appCode: app?.code ?? (cause instanceof ZodError ? "INVALID_INPUT" : null),
      messageKey: key,
      messageParams: params,
      zodIssues: issues,
      details: app?.details ?? null,
    } satisfies Omit<typeof data, "stack"> & ErrorData,
  };
}
