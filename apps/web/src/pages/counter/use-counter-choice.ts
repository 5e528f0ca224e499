// Which counter the counter area shows: an operator's only counter, or the one picked among several, remembered for
// the browser tab so every counter page shows the same counter.
import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useTRPC } from "../../lib/trpc.ts";

const STORAGE_KEY = "xd.counter";
const listeners = new Set<() => void>();
let memoryPick: string | null = null;

function readPick(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? memoryPick;
  } catch {
    return memoryPick;
  }
}

function writePick(id: string): void {
  memoryPick = id;
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, id);
  } catch {
    // Blocked storage: the pick lives in memory for this page load.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCounterChoice() {
  const trpc = useTRPC();
  const counters = useQuery(trpc.catalog.counters.list.queryOptions({}, { staleTime: 5 * 60_000 }));
  const stored = useSyncExternalStore(subscribe, readPick, () => null);
  const list = counters.data ?? [];
  // A remembered pick only counts while it is still one of the operator's counters.
  const counter = list.find((c) => c.id === stored) ?? list[0] ?? null;
  return { counters, counter, setCounterId: writePick };
}
