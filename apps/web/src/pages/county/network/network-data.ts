// Lookups derived from the network tree, and refreshing everything network-related after a change.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { type TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";

export interface TAreaInfo {
  code: string;
  name: string;
  level: "COUNTY" | "TOWNSHIP" | "VILLAGE";
  townshipCode: string;
  townshipName: string;
}

/** The county's own 12-digit area code ("210881" → "210881000000"), where a county hub may sit. */
export function countyAreaCode(countyCode: string): string {
  return countyCode.padEnd(12, "0");
}

/** The county and every township and village of the tree by code. */
export function buildAreaIndex(tree: TTree | undefined): Map<string, TAreaInfo> {
  const index = new Map<string, TAreaInfo>();
  if (tree) {
    const code = countyAreaCode(tree.county.code);
    index.set(code, { code, name: tree.county.name, level: "COUNTY", townshipCode: "", townshipName: "" });
  }
  for (const t of tree?.townships ?? []) {
    index.set(t.code, { code: t.code, name: t.name, level: "TOWNSHIP", townshipCode: t.code, townshipName: t.name });
    for (const v of t.villages) {
      index.set(v.code, { code: v.code, name: v.name, level: "VILLAGE", townshipCode: t.code, townshipName: t.name });
    }
  }
  return index;
}

/** "高屯镇" for a township, "高屯村委会 · 高屯镇" for a village, the code itself when unknown. */
export function areaLabel(index: Map<string, TAreaInfo>, code: string | null | undefined): string {
  if (!code) return "";
  const area = index.get(code);
  if (!area) return code;
  return area.level === "VILLAGE" ? `${area.name} · ${area.townshipName}` : area.name;
}

/** After a write: refetch every network query (tree, coverage, lists) so all pages agree. */
export function useRefreshNetwork(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(trpc.network.pathFilter()), [queryClient, trpc]);
}
