// Translations of the load pages (namespace "loads", i18n/loads.zh.ts): keys checked here rather than in
// i18next.d.ts, whose key type would grow past what tsc can instantiate (an error in other pages' t calls).
import { useTranslation } from "react-i18next";
import type { loadsZh } from "../../../i18n/loads.zh.ts";

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T &
  string];
export type TLoadsKey = Leaves<typeof loadsZh>;

/** t for the "loads" namespace; re-renders on a language switch like useTranslation. */
export function useLoadsT(): (key: TLoadsKey, options?: Record<string, unknown>) => string {
  const { i18n } = useTranslation();
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, options) => t(key, { ...options, ns: "loads" });
}
