// Which counter the counter area shows: an operator's only counter, or the one picked among several, remembered for
// the browser tab so every counter page shows the same counter.
import { useQuery } from "@tanstack/react-query";
import { tabChoice } from "../../lib/tab-choice.ts";
import { useTRPC } from "../../lib/trpc.ts";

const pick = tabChoice("xd.counter");

export function useCounterChoice() {
  const trpc = useTRPC();
  const counters = useQuery(trpc.catalog.counters.list.queryOptions({}, { staleTime: 5 * 60_000 }));
  const stored = pick.useStored();
  const list = counters.data ?? [];
  // A remembered pick only counts while it is still one of the operator's counters.
  const counter = list.find((c) => c.id === stored) ?? list[0] ?? null;
  return { counters, counter, setCounterId: pick.write };
}
