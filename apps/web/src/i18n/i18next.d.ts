// Typed translation keys: t("login.heading") is checked against zh.ts.
import "i18next";
import type { scanZh } from "./scan.zh.ts";
import type { zh } from "./zh.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof zh & { scan: typeof scanZh } };
  }
}
