// Translations of the ADMIN pages' own sections (namespace "admin", i18n/admin.zh.ts): keys checked here rather than in
// i18next.d.ts, whose key type would grow past what tsc can instantiate (see pages/loads/use-loads-t.ts).
import { useTranslation } from "react-i18next";
import type { adminZh } from "../../i18n/admin.zh.ts";

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T &
  string];
export type TAdminKey = Leaves<typeof adminZh>;

/** t for the "admin" namespace; re-renders on a language switch like useTranslation. */
export function useAdminT(): (key: TAdminKey, options?: Record<string, unknown>) => string {
  const { i18n } = useTranslation();
  const t = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, options) => t(key, { ...options, ns: "admin" });
}
