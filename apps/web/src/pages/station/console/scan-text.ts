// A scan result's sentence in the console's language, from the server's reason code and parameters (namespace
// "scanWhy", i18n/scan-why.zh.ts); the server's English message when this build does not know the reason (or the
// result predates reason codes).
import type { i18n as TI18n } from "i18next";
import type { scanWhyZh } from "../../../i18n/scan-why.zh.ts";
import type { TT } from "../../../i18n/use-t.ts";

export type TScanWhy = { reason?: string | null; params?: Record<string, string | number> | null; message: string };
type TWhyKey = keyof typeof scanWhyZh;

export function scanText(i18n: TI18n, r: TScanWhy): string {
  // Keys checked against scan-why.zh.ts here (outside React, so not through i18n/use-t.ts).
  const raw = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  const exists = i18n.exists as unknown as (key: string, options: Record<string, unknown>) => boolean;
  const t = (key: TWhyKey, options: Record<string, unknown> = {}) => raw(key, { ...options, ns: "scanWhy" });
  const reason = r.reason as TWhyKey | null | undefined;
  if (!reason || !exists(reason, { ns: "scanWhy" })) return r.message;
  const p: Record<string, string | number> = { ...(r.params ?? {}) };
  // Final statuses come in English lower case: shown as the status's own label.
  if (typeof p.status === "string") p.status = raw(`shipmentStatus.${p.status.toUpperCase()}`, { ns: "enums", defaultValue: p.status });
  let text = t(reason, p);
  if (reason === "LOAD_SUMMARY") {
    if (p.dup) text += t("loadDup", p);
    if (p.refused) {
      const first =
        typeof p.firstReason === "string"
          ? scanText(i18n, { reason: p.firstReason, message: String(p.firstMessage ?? "") })
          : p.firstMessage;
      text += t("loadRefused", { ...p, why: first });
    }
  }
  return text;
}

/** The console's strings in Chinese whatever the screen's language: what the device speaks (zh-CN voices are what
 * devices have, and the staff's language). */
export function zhScanT(i18n: TI18n): TT<"scan"> {
  const raw = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, options) => raw(key, { ...options, ns: "scan", lng: "zh-CN" });
}
