// Turns a failed auth.login into the sentence shown above the form.
import type { TT } from "../../i18n/use-t.ts";
import { readApiError } from "../../lib/api-error.ts";

export function loginErrorText(error: unknown, t: TT<"public">): string | null {
  if (!error) return null;
  const err = readApiError(error);
  if (err.code === "UNAUTHORIZED") return t("login.unauthorized");
  if (err.code === "TOO_MANY_REQUESTS" || err.appCode === "RATE_LIMITED") {
    const wait = err.details?.retryAfterSeconds;
    if (typeof wait !== "number" || !(wait > 0)) return t("login.rateLimited");
    return wait >= 120
      ? t("login.rateLimitedMinutes", { count: Math.ceil(wait / 60) })
      : t("login.rateLimitedSeconds", { count: Math.ceil(wait) });
  }
  if (err.isNetwork) return t("login.network");
  if (Object.keys(err.fieldErrors).length > 0 || err.appCode === "INVALID_INPUT") {
    return [t("login.invalid"), ...err.formErrors].join(" ");
  }
  return t("login.failed", { message: err.message });
}
