// A server refusal of the shelf tools, translated from its reason code.
import type { shelfZh } from "../../../i18n/shelf.zh.ts";
import type { TT } from "../../../i18n/use-t.ts";
import { readApiError } from "../../../lib/api-error.ts";

/** The refusal's text: the shelf service's reason code (details.reason, with params) translated, else the API's own. */
export function shelfErrorText(t: TT<"shelf">, error: unknown): string {
  const e = readApiError(error);
  const reason = e.details?.reason;
  const params = (e.details?.params ?? {}) as Record<string, unknown>;
  if (typeof reason === "string" && reason in ERROR_KEYS) return t(`errors.${reason as keyof typeof ERROR_KEYS}`, params);
  return e.message || t("errors.failed");
}

const ERROR_KEYS: Record<Exclude<keyof typeof shelfZh.errors, "failed">, true> = {
  NOT_ON_SHELF: true,
  SEVERAL_RECIPIENTS: true,
  WRONG_VERIFICATION: true,
  CHECK_NOT_ALLOWED: true,
  NOTICE_TOO_SOON: true,
  STOCKTAKE_NOT_FOUND: true,
  STOCKTAKE_CLOSED: true,
  NOT_MISPLACED: true,
  NOT_MISSING: true,
  NOT_EXTRA: true,
  NO_SUCH_SLOT: true,
  SLOT_TAKEN: true,
  SCAN_REFUSED: true,
};
