// Translations of the shelf pages (namespace "shelf", i18n/shelf.zh.ts), keys checked here as the other page
// namespaces do; and a server refusal of the shelf tools translated from its reason code.
import { useTranslation } from "react-i18next";
import type { shelfZh } from "../../../i18n/shelf.zh.ts";
import { readApiError } from "../../../lib/api-error.ts";

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T &
  string];
export type TShelfKey = Leaves<typeof shelfZh>;
export type TShelfT = (key: TShelfKey, options?: Record<string, unknown>) => string;

/** t for the "shelf" namespace; re-renders on a language switch like useTranslation. */
export function useShelfT(): TShelfT {
  const { i18n } = useTranslation();
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, options) => t(key, { ...options, ns: "shelf" });
}

/** The refusal's text: the shelf service's reason code (details.reason, with params) translated, else the API's own. */
export function shelfErrorText(t: TShelfT, error: unknown): string {
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
