// Matching an address text to one of the county's villages; ambiguous or unknown stays unresolved.
import { shortAreaName } from "@xiangda/domain";

export interface AreaForMatch {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface AddressMatcher {
  match(address: string): { code: string } | { unresolved: string };
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
      if (!text) return { unresolved: "empty address" };
      const hits = new Map<string, AreaForMatch>();
      let longest = 0;
      for (const { n, v } of names) {
        if (n.length < longest) break;
        if (text.includes(n)) {
          hits.set(v.code, v);
          longest = n.length;
        }
      }
      if (hits.size === 0) return { unresolved: `no village of ${scopeName ?? "the county"} is named in the address` };
      if (hits.size === 1) return { code: [...hits.keys()][0]! };
      // Same village name in several townships: the township named in the address decides.
      const named = townships.filter((t) => text.includes(t.name) || text.includes(t.name.replace(/(镇|乡|街道)$/, "")));
      const narrowed = [...hits.values()].filter((v) => named.some((t) => t.code === v.parentCode));
      if (narrowed.length === 1) return { code: narrowed[0]!.code };
      return {
        unresolved: `the address matches ${hits.size} villages (${[...hits.values()].map((v) => v.name).join("、")}); give the village code`,
      };
    },
  };
}
