// Matching an address text to one of the county's villages; ambiguous or unknown stays unresolved.
import { issueAt, shortAreaName, type FieldIssue, type TErrorKey, type TErrorParamValue } from "@xiangda/domain";

/// Why an address stays unresolved: the English sentence and its catalog key with parameters.
export type TUnresolvedWhy = { message: string; key: TErrorKey; params: Record<string, TErrorParamValue> };
const why = (i: FieldIssue): TUnresolvedWhy => ({ message: i.message, key: i.key!, params: i.params ?? {} });

export interface AreaForMatch {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface AddressMatcher {
  match(address: string): { code: string } | { unresolved: TUnresolvedWhy };
}

/// `scopeName` names the areas given when they are not the whole county (a station's township), for the messages.
export function buildAddressMatcher(areas: AreaForMatch[], scopeName?: string): AddressMatcher {
  const townships = areas.filter((a) => a.level === "TOWNSHIP");
  const villages = areas.filter((a) => a.level === "VILLAGE");
  // Each village under its official and everyday names (西关社区居委会, 西关社区; 高屯村委会, 高屯村).
  const names = villages.flatMap((v) => [...new Set([v.name, shortAreaName(v.name)])].filter((n) => n.length >= 2).map((n) => ({ n, v })));
  names.sort((a, b) => b.n.length - a.n.length);
  return {
    match(address) {
      const text = address.replace(/\s+/g, "");
      if (!text) return { unresolved: why(issueAt("", "ADDRESS_EMPTY")) };
      const hits = new Map<string, AreaForMatch>();
      let longest = 0;
      for (const { n, v } of names) {
        if (n.length < longest) break;
        if (text.includes(n)) {
          hits.set(v.code, v);
          longest = n.length;
        }
      }
      if (hits.size === 0) return {
          unresolved: why(scopeName ? issueAt("", "ADDRESS_NO_VILLAGE", { scope: scopeName }) : issueAt("", "ADDRESS_NO_VILLAGE_COUNTY")),
        };
      if (hits.size === 1) return { code: [...hits.keys()][0]! };
      // Same village name in several townships: the township named in the address decides.
      const named = townships.filter((t) => text.includes(t.name) || text.includes(t.name.replace(/(镇|乡|街道)$/, "")));
      const narrowed = [...hits.values()].filter((v) => named.some((t) => t.code === v.parentCode));
      if (narrowed.length === 1) return { code: narrowed[0]!.code };
      return {
        unresolved: why(issueAt("", "ADDRESS_AMBIGUOUS", { n: hits.size, names: [...hits.values()].map((v) => v.name).join("、") })),
      };
    },
  };
}
