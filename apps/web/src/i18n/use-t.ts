// The one way a component reads its strings: useT("<namespace of its folder>") returns a t whose keys are checked
// at compile time against that namespace's Chinese file (i18n/resources.ts). Plural keys ("x_one", "x_other") are
// called as "x" with a count. Each namespace is typed on its own, so no key type grows past what tsc instantiates.
import { useCallback } from "react";
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import type { TNamespace, TNamespaces } from "./resources.ts";

type TPluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";
type TBase<K extends string> = K extends `${infer B}_${TPluralSuffix}` ? B : K;
type TLeaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${TBase<K>}` : TLeaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type { TNamespace };
export type TKey<N extends TNamespace> = TLeaves<TNamespaces[N]>;
export type TOptions = Record<string, unknown>;
export type TT<N extends TNamespace> = (key: TKey<N>, options?: TOptions) => string;

type TLooseT = (key: string, options: TOptions) => string;

/** t for one namespace; re-renders on a language switch like useTranslation, and stays the same function until then
 * (values memoised on it, such as chart options, are not rebuilt on every render). */
export function useT<N extends TNamespace>(ns: N): TT<N> {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback<TT<N>>((key, options) => (i18n.t as unknown as TLooseT)(key, { ...options, ns, lng: language }), [i18n, language, ns]);
}

/** A key built from a value the server sends ("enums", "shipmentStatus", "IN_TRANSIT" → "shipmentStatus.IN_TRANSIT"),
 * for a t of that namespace. The value is not checked: a missing label shows its key, which the tests catch. */
export function dynamicKey<N extends TNamespace>(_ns: N, ...parts: string[]): TKey<N> {
  return parts.join(".") as TKey<N>;
}

/** t of one namespace outside a component (enum labels, helpers called while rendering), in the current language.
 * A component calling it re-renders on a language switch only if it also uses useT or useTranslation. */
export function tOf<N extends TNamespace>(ns: N): TT<N> {
  return (key, options) => (i18next.t as unknown as TLooseT)(key, { ...options, ns });
}
