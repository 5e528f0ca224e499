// tRPC client and TanStack Query integration; the session rides on the httpOnly cookie.
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@xiangda/api";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type TRouterInputs = inferRouterInputs<AppRouter>;
export type TRouterOutputs = inferRouterOutputs<AppRouter>;
export type TUser = NonNullable<TRouterOutputs["auth"]["me"]>;

/**
 * Query options for a query that goes in a request of its own: queries made together are batched into one request,
 * answered when the slowest of them is done, so a large answer (the map's network) asked for beside a small urgent one
 * (the lights) would hold it back.
 */
export const OWN_REQUEST = { trpc: { context: { ownRequest: true } } } as const;

export function createApiClient() {
  const fetchWithCookie: typeof fetch = (url, options) => fetch(url, { ...options, credentials: "include" });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.context.ownRequest === true,
        true: httpLink({ url: "/trpc", fetch: fetchWithCookie }),
        false: httpBatchLink({ url: "/trpc", fetch: fetchWithCookie }),
      }),
    ],
  });
}
