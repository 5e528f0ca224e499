// Translations of the county dashboard (namespace "dashboard", i18n/dashboard.zh.ts): keys checked here rather than in
// i18next.d.ts, whose key type is near what tsc can instantiate.
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { dashboardZh } from "../../../i18n/dashboard.zh.ts";

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T &
  string];
export type TDashboardKey = Leaves<typeof dashboardZh>;
export type TDashboardT = (key: TDashboardKey, options?: Record<string, unknown>) => string;

/** t for the "dashboard" namespace; re-renders on a language switch like useTranslation, and stays the same function
 * until then (chart options memoised on it are not rebuilt on every render). */
export function useDashboardT(): TDashboardT {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback<TDashboardT>(
    (key, options) =>
      (i18n.t as unknown as (key: string, options: Record<string, unknown>) => string)(key, { ...options, ns: "dashboard", lng: language }),
    [i18n, language],
  );
}
