// i18next set-up: Chinese by default, English on request, the choice kept in localStorage.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { adminEn } from "./admin.en.ts";
import { adminZh } from "./admin.zh.ts";
import { countersEn } from "./counters.en.ts";
import { countersZh } from "./counters.zh.ts";
import { dashboardEn } from "./dashboard.en.ts";
import { dashboardZh } from "./dashboard.zh.ts";
import { en } from "./en.ts";
import { errorsEn } from "./errors.en.ts";
import { errorsZh } from "./errors.zh.ts";
import { loadsEn } from "./loads.en.ts";
import { loadsZh } from "./loads.zh.ts";
import { scanEn } from "./scan.en.ts";
import { shelfEn } from "./shelf.en.ts";
import { shelfZh } from "./shelf.zh.ts";
import { scanWhyEn } from "./scan-why.en.ts";
import { scanWhyZh } from "./scan-why.zh.ts";
import { scanZh } from "./scan.zh.ts";
import { traceEn } from "./trace.en.ts";
import { traceZh } from "./trace.zh.ts";
import { zh } from "./zh.ts";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type TLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = "xd.lang";
const DEFAULT_LANGUAGE: TLanguage = "zh-CN";

function isLanguage(value: unknown): value is TLanguage {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): TLanguage {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (private mode, embedded views): fall back to the default.
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(): TLanguage {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

export async function setLanguage(lang: TLanguage): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted, but the switch still applies to this page.
  }
  await i18n.changeLanguage(lang);
}

i18n.on("languageChanged", (lang) => {
  if (typeof document !== "undefined") document.documentElement.lang = lang;
});

void i18n.use(initReactI18next).init({
  // The load, trace, counter and dashboard pages and the scan results ("scanWhy", pages/station/console/scan-text.ts)
  // have namespaces of their own (keys typed in pages/loads/use-loads-t.ts,
  // pages/trace/use-trace-t.ts, pages/counters/use-counters-t.ts, pages/dashboard/use-dashboard-t.ts and
  // pages/admin/use-admin-t.ts, not in i18next.d.ts).
  resources: {
    "zh-CN": {
      translation: { ...zh, scan: scanZh },
      loads: loadsZh,
      trace: traceZh,
      counters: countersZh,
      dashboard: dashboardZh,
      scanWhy: scanWhyZh,
      errors: errorsZh,
      admin: adminZh,
      shelf: shelfZh,
    },
    en: {
      translation: { ...en, scan: scanEn },
      loads: loadsEn,
      trace: traceEn,
      counters: countersEn,
      dashboard: dashboardEn,
      scanWhy: scanWhyEn,
      errors: errorsEn,
      admin: adminEn,
      shelf: shelfEn,
    },
  },
  ns: ["translation", "loads", "trace", "counters", "dashboard", "scanWhy", "admin", "errors", "shelf"],
  defaultNS: "translation",
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
});

export { i18n };
