// The one error model: services throw AppError; the API maps codes to tRPC/HTTP in one place.
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
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, opts: { issues?: FieldIssue[]; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = opts.issues ?? [];
    this.details = opts.details;
  }

  /// A bad value in one named field.
  static field(path: string, message: string): AppError {
    return new AppError("INVALID_INPUT", `${path}: ${message}`, { issues: [{ path, message }] });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
