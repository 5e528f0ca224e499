// @xiangda/api: the tRPC router, its context and services.
export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContext } from "./create-context.ts";
export { silentLogger, type Context, type Deps, type Logger, type RequestInfo } from "./context.ts";
export { toTRPCError } from "./errors.ts";
export { hashPassword, verifyPassword } from "./services/auth/password.ts";
export { createUser } from "./services/users/create-user.ts";
export type { TUserView } from "./services/users/user-view.ts";
export { importDivisions, type ImportDivisionsResult } from "./services/areas/import-divisions.ts";
export {
  executeImportRun,
  runFileImport,
  type ImportResult,
  type FileImportKind,
  IMPORT_KINDS,
  FILE_IMPORT_KINDS,
} from "./services/network/imports.ts";
export { findCoverage } from "./services/network/coverage.ts";
export { dataKeyFrom } from "./services/shipments/id-crypto.ts";
export { recomputeLights, type LightsResult } from "./services/shipments/recompute-lights.ts";
export { rerouteAffected, type RerouteResult } from "./services/shipments/reroute.ts";
export { loadRouting, type CountyRouting } from "./services/shipments/routing-network.ts";
export { resolveDestination } from "./services/shipments/resolve-destination.ts";
export { importManifest } from "./services/shipments/import-manifest.ts";
export { recordScan, warmScanPath, type ScanResult } from "./services/scan/record-scan.ts";
export { replan } from "./services/shipments/plan-route.ts";
export { flagUncollected } from "./services/scan/flag-uncollected.ts";
export * from "./services/consolidation/index.ts";
export { flagExpiredListings, type FlagExpiredResult } from "./services/listings/flag-expired.ts";
export { rebuildRecent, rebuildRollups, rollupDay, type RollupRange, type RollupResult } from "./services/dashboard/rollup.ts";
export { rollupOutboxEvent, rollupOutboxEvents, rollupPayload, bucketEnd, ROLLUP_BUCKET_MS } from "./services/dashboard/rollup-event.ts";
export { watchSla, type SlaWatchResult } from "./services/dashboard/sla-watch.ts";
// What the demo generator (@xiangda/demo) builds on.
export { allSlots } from "./services/scan/shelf.ts";
export { loadLanes, type LaneRow } from "./services/consolidation/timetables.ts";
export type { Queryable } from "./services/consolidation/geometry.ts";
export { nodeTownships, SHIPMENT_END, SHIPMENT_TOWNSHIP } from "./services/dashboard/sql.ts";
// The open platform's webhooks (#19): sequencer, subscriptions, deliveries, signing, SSRF guard.
export * from "./services/platform/webhooks/index.ts";
