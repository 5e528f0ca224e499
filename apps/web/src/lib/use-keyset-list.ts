// A keyset list's pages ("load more"), fetched by hand: tRPC's infiniteQueryOptions adds its own `direction`
// ("forward") to the input, which collides with a list's own direction filter (DOWN/UP) and fails validation.
import { keepPreviousData, useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";

export function useKeysetList<TInput extends object, TPage extends { nextCursor: string | null }>(
  pathKey: readonly unknown[],
  input: TInput,
  fetchPage: (input: TInput & { cursor?: string }, signal: AbortSignal) => Promise<TPage>,
) {
  return useInfiniteQuery({
    queryKey: [...pathKey, { input, type: "infinite" }],
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam ? { ...input, cursor: pageParam } : input, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: TPage) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Every fetched page's items, in order. */
export const pageItems = <T>(data: InfiniteData<{ items: T[] }>): T[] => data.pages.flatMap((p) => p.items);
