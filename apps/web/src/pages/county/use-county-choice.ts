// Which county the county area shows: a manager's own; for ADMIN one picked from county.list,
// remembered for the browser tab so every county page shows the same county.
import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useUser } from "../../auth/session-context.ts";
import { useTRPC } from "../../lib/trpc.ts";

const STORAGE_KEY = "xd.county";
const listeners = new Set<() => void>();
let memoryPick: string | null = null;

function readPick(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? memoryPick;
  } catch {
    return memoryPick;
  }
}

function writePick(code: string): void {
  memoryPick = code;
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, code);
  } catch {
    // Blocked storage: the pick lives in memory for this page load.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCountyChoice() {
  const trpc = useTRPC();
  const user = useUser();
  const isAdmin = user.role === "ADMIN";
  const counties = useQuery(trpc.county.list.queryOptions(undefined, { enabled: isAdmin, staleTime: 5 * 60_000 }));
  const stored = useSyncExternalStore(subscribe, readPick, () => null);
  // A remembered pick only counts while it is still one of the counties the list offers.
  const picked = stored && counties.data?.some((c) => c.code === stored) ? stored : null;

  const fallback = isAdmin ? (user.countyCode ?? counties.data?.[0]?.code ?? null) : user.countyCode;
  const countyCode = isAdmin && picked ? picked : fallback;
  return { isAdmin, counties, countyCode, setCountyCode: writePick };
}
