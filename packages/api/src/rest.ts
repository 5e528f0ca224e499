// @xiangda/api/rest: what the API server's REST routes (labels, manifests, catalog files, sessions), its CLI and its
// seed call beside the tRPC router. Kept out of the index so the web app's type-only import of AppRouter never
// reaches the PDF and barcode renderers.
export { findActorBySessionToken, hashToken } from "./services/auth/sessions.ts";
export { LOGIN_LIMITS } from "./services/auth/login-throttle.ts";
export { batchForLabels, traceUrl } from "./services/catalog/batches.ts";
export { findImage } from "./services/catalog/product-images.ts";
export { LABELS_PER_PAGE, labelOrigin, MAX_QR_LABELS, QR_SHEET, renderQrSheet } from "./services/catalog/render-qr-sheet.ts";
export { createLocalStorage, defaultStorageDir, storageOf } from "./services/catalog/storage.ts";
export { listMerchants } from "./services/catalog/merchants.ts";
export { listCounters } from "./services/catalog/counters.ts";
export { labelData } from "./services/labels/label-data.ts";
export { parseLabelNumbers, resolveLabelNumbers } from "./services/labels/resolve-labels.ts";
export { LABEL_SIZES, renderLabels, type TLabelSize } from "./services/labels/render-labels.ts";
export { getLoad } from "./services/loads/get-load.ts";
export { renderManifest } from "./services/loads/render-manifest.ts";
export { ZLoadRefSchema } from "./services/loads/schemas.ts";
export { loadCountyContext } from "./services/network/county-context.ts";
export { validateLanes, writeLanes, type LaneItem } from "./services/network/lanes.ts";
export { validateNodes, writeNodes, type NodeItem } from "./services/network/nodes.ts";
export { validateVehicles, writeVehicles, type VehicleItem } from "./services/network/vehicles.ts";
export { confirmRestock } from "./services/restock/confirm-restock.ts";
export { createRestock } from "./services/restock/create-restock.ts";
export { assertMayLeaveHub } from "./services/shipments/accept-shipment.ts";
export { TRACKING_LIMIT } from "./router/tracking.ts";
export { TRACE_LIMIT } from "./router/trace.ts";
export { minuteLimitWait } from "./services/auth/public-rate-limit.ts";
export { recordAudit } from "./services/audit/record-audit.ts";
export {
  authenticateApiKey,
  createApiClient,
  createApiKey,
  listApiClients,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  type ApiCaller,
} from "./services/platform/api-keys.ts";
export { apiShipmentEvents, apiShipmentView, findApiShipment } from "./services/platform/api-shipments.ts";
export { preAdvise } from "./services/platform/pre-advise.ts";
export { listApiEvents, MAX_FEED_PAGE } from "./services/platform/api-events.ts";
export { zodIssues } from "./errors.ts";
