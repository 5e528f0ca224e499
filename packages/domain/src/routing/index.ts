// Earliest-arrival routing over the county's scheduled lanes.
export * from "./types.ts";
export { buildRoutingNetwork, type BuildOptions, type RoutingNetwork } from "./build-network.ts";
export { route } from "./route.ts";
export { routeCacheStats, type RouteCacheStats } from "./route-cache.ts";
