// Translations of the traceability page (namespace "trace", i18n/trace.zh.ts): keys checked here rather than in
// i18next.d.ts, whose key type is near what tsc can instantiate.
import { useTranslation } from "react-i18next";
import type { traceZh } from "../../../i18n/trace.zh.ts";

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T &
  string];
export type TTraceKey = Leaves<typeof traceZh>;

/** t for the "trace" namespace; re-renders on a language switch like useTranslation. */
export function useTraceT(): (key: TTraceKey, options?: Record<string, unknown>) => string {
  const { i18n } = useTranslation();
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, options) => t(key, { ...options, ns: "trace" });
}

/** A key of one of the enum sections, for values the server sends ("FRUIT" → "categories.FRUIT"). */
export function enumKey(
  section: "categories" | "certKinds" | "merchantTypes" | "temps" | "venueTypes" | "actions" | "statuses",
  value: string,
): TTraceKey {
  return `${section}.${value}` as TTraceKey;
}
