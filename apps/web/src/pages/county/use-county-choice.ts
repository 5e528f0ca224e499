// Which county the county area shows: a manager's own; for ADMIN one picked from county.list,
// remembered for the browser tab so every county page shows the same county.
import { useQuery } from "@tanstack/react-query";
import { useUser } from "../../auth/session-context.ts";
import { tabChoice } from "../../lib/tab-choice.ts";
import { useTRPC } from "../../lib/trpc.ts";

const countyPick = tabChoice("xd.county");

export function useCountyChoice() {
  const trpc = useTRPC();
  const user = useUser();
  const isAdmin = user.role === "ADMIN";
  const counties = useQuery(trpc.county.list.queryOptions(undefined, { enabled: isAdmin, staleTime: 5 * 60_000 }));
  const stored = countyPick.useStored();
  // A remembered pick only counts while it is still one of the counties the list offers.
  const picked = stored && counties.data?.some((c) => c.code === stored) ? stored : null;

  const fallback = isAdmin ? (user.countyCode ?? counties.data?.[0]?.code ?? null) : user.countyCode;
  const countyCode = isAdmin && picked ? picked : fallback;
  return { isAdmin, counties, countyCode, setCountyCode: countyPick.write };
}
