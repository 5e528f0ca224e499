// The counters a merchant works with: the county's list when the merchant may read it, else those its listings are
// on; and the list pages' filter over them.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { FilterSelect } from "../../components/list-card.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import type { TListing } from "../../components/counters/counters-api.ts";
import { useT } from "../../i18n/use-t.ts";

export interface TCounterChoice {
  id: string;
  name: string;
  code: string;
  venueType: string;
}

/** The counters a merchant can pick: the county's list when readable, else those its listings are on. */
export function useMerchantCounters(listings: readonly TListing[] | undefined): { counters: TCounterChoice[]; fromCounty: boolean } {
  const trpc = useTRPC();
  const county = useQuery(trpc.catalog.counters.list.queryOptions({}, { retry: false, staleTime: 5 * 60_000 }));
  return useMemo(() => {
    if (county.data)
      return { counters: county.data.map((c) => ({ id: c.id, name: c.name, code: c.code, venueType: c.venueType })), fromCounty: true };
    const byId = new Map<string, TCounterChoice>();
    for (const l of listings ?? [])
      byId.set(l.counterId, { id: l.counterId, name: l.counterName, code: l.counterCode, venueType: l.venueType });
    return { counters: [...byId.values()].sort((a, b) => a.code.localeCompare(b.code)), fromCounty: false };
  }, [county.data, listings]);
}

/** "All counters" or one of them. */
export function CounterFilter(props: {
  counters: readonly TCounterChoice[];
  value: string;
  onChange: (counterId: string) => void;
  ariaLabel: string;
  testId: string;
}) {
  const tp = useT("merchant");
  const names = new Map(props.counters.map((c) => [c.id, c.name]));
  return (
    <FilterSelect
      value={props.value}
      onChange={props.onChange}
      options={props.counters.map((c) => c.id)}
      label={(id) => names.get(id) ?? id}
      allLabel={tp("listings.allCounters")}
      ariaLabel={props.ariaLabel}
      testId={props.testId}
    />
  );
}
