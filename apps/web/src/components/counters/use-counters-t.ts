// Translations of the counter pages (namespace "counters", i18n/counters.zh.ts): keys checked here rather than in
// i18next.d.ts, whose key type is near what tsc can instantiate.
import { useTranslation } from "react-i18next";
import type { countersZh } from "../../i18n/counters.zh.ts";

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T &
  string];
export type TCountersKey = Leaves<typeof countersZh>;
export type TCountersT = (key: TCountersKey, options?: Record<string, unknown>) => string;

/** t for the "counters" namespace; re-renders on a language switch like useTranslation. */
export function useCountersT(): TCountersT {
  const { i18n } = useTranslation();
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, options) => t(key, { ...options, ns: "counters" });
}

type TEnumSection =
  "categories" | "certKinds" | "temps" | "venueTypes" | "merchantTypes" | "listingStatus" | "restockStatus" | "sides" | "saleSources";

/** A key of one of the enum sections, for values the server sends ("FRUIT" → "enums.categories.FRUIT"). */
export function enumKey(section: TEnumSection, value: string): TCountersKey {
  return `enums.${section}.${value}` as TCountersKey;
}
