// i18next set-up: Chinese by default, English on request, the choice kept in localStorage.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { NAMESPACES_EN, NAMESPACES_ZH } from "./resources.ts";

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
  // One namespace per folder (i18n/resources.ts), read through i18n/use-t.ts; no default namespace: a key is always
  // read in the namespace it belongs to.
  resources: { "zh-CN": NAMESPACES_ZH, en: NAMESPACES_EN },
  ns: Object.keys(NAMESPACES_ZH),
  defaultNS: "common",
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
});

export { i18n };
