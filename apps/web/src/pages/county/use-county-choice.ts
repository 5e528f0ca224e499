// Which county the county area shows: a manager's own; for ADMIN one picked from county.list.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useUser } from "../../auth/session-context.ts";
import { useTRPC } from "../../lib/trpc.ts";

export function useCountyChoice() {
  const trpc = useTRPC();
  const user = useUser();
  const isAdmin = user.role === "ADMIN";
  const counties = useQuery(trpc.county.list.queryOptions(undefined, { enabled: isAdmin, staleTime: 5 * 60_000 }));
  const [picked, setPicked] = useState<string | null>(null);

  const fallback = isAdmin ? (user.countyCode ?? counties.data?.[0]?.code ?? null) : user.countyCode;
  const countyCode = isAdmin && picked ? picked : fallback;
  return { isAdmin, counties, countyCode, setCountyCode: setPicked };
}
