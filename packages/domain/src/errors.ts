// The one error model: services throw AppError; the API maps codes to tRPC/HTTP in one place.
// A message the user sees is a key of ERROR_MESSAGES (./error-messages.ts) with its parameters: `AppError.of` and
// `AppError.at` (a field) build it, the web app translates it; `message` keeps the English sentence for logs and API
// clients. `new AppError(code, message)` and `AppError.field(path, message)` without a key remain for CLI-only text:
// the web app shows a generic translated message for them, never the English.
import { errorText, type ErrorParamsArg, type TErrorKey, type TErrorParamValue } from "./error-messages.ts";

export * from "./error-messages.ts";

export const APP_ERROR_CODES = [
  "INVALID_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_TRANSITION",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface FieldIssue {
  /// Dotted path of the offending field, e.g. `rows.3.areaCode`.
  path: string;
  /// English, for logs and API clients.
  message: string;
  /// What the web app translates (ERROR_MESSAGES), with its parameters.
  key?: TErrorKey | undefined;
  params?: Record<string, TErrorParamValue> | undefined;
}

/// A field issue from a catalog key: `issueAt("quantity", "ONLY_IN_STOCK", { stock: 3 })`.
export function issueAt<K extends TErrorKey>(path: string, key: K, ...[params]: ErrorParamsArg<K>): FieldIssue {
  const p = (params ?? {}) as Record<string, TErrorParamValue>;
  return { path, message: errorText(key, p), key, params: p };
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;
  /// The message as a catalog key with its parameters (undefined for an error written the old way).
  readonly key: TErrorKey | undefined;
  readonly params: Record<string, TErrorParamValue> | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    opts: { issues?: FieldIssue[]; details?: Record<string, unknown>; key?: TErrorKey; params?: Record<string, TErrorParamValue> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = opts.issues ?? [];
    this.details = opts.details;
    this.key = opts.key;
    this.params = opts.key ? (opts.params ?? {}) : undefined;
  }

  /// An error whose message is a catalog key: `AppError.of("NOT_FOUND", "NO_SUCH_SHIPMENT")`.
  static of<K extends TErrorKey>(
    code: AppErrorCode,
    key: K,
    ...[params, opts]: [...ErrorParamsArg<K>, opts?: { issues?: FieldIssue[]; details?: Record<string, unknown> }]
  ): AppError {
    const p = (params ?? {}) as Record<string, TErrorParamValue>;
    return new AppError(code, errorText(key, p), { ...opts, key, params: p });
  }

  /// A bad value in one named field, as a catalog key: `AppError.at("producedOn", "NOT_IN_FUTURE")`.
  static at<K extends TErrorKey>(path: string, key: K, ...[params]: ErrorParamsArg<K>): AppError {
    const issue = issueAt(path, key, ...([params] as ErrorParamsArg<K>));
    return new AppError("INVALID_INPUT", `${path}: ${issue.message}`, { issues: [issue], key, params: issue.params ?? {} });
  }

  /// No access (FORBIDDEN, key NO_ACCESS); `english` says to what, for logs and API clients.
  static forbidden(english: string, opts: { details?: Record<string, unknown> } = {}): AppError {
    return new AppError("FORBIDDEN", english, { ...opts, key: "NO_ACCESS", params: {} });
  }

  /// Not found (NOT_FOUND, key NOT_FOUND); `english` says what, for logs and API clients.
  static notFound(english: string, opts: { issues?: FieldIssue[]; details?: Record<string, unknown> } = {}): AppError {
    return new AppError("NOT_FOUND", english, { ...opts, key: "NOT_FOUND", params: {} });
  }

  /// The same error with another code (a CONFLICT for a taken name).
  withCode(code: AppErrorCode): AppError {
    return new AppError(code, this.message, { issues: this.issues, details: this.details, key: this.key, params: this.params });
  }

  /// A bad value in one named field.
  static field(path: string, message: string): AppError {
    return new AppError("INVALID_INPUT", `${path}: ${message}`, { issues: [{ path, message }] });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
