// The carrier portal: what an organisation (a carrier or platform of a county) sees of its own parcels.
export { clientEvents, clientShipments, type TPortalClient } from "./client-scope.ts";
export { listCarrierParcels, ZCarrierParcelFilterSchema, type TCarrierParcelFilter } from "./list-parcels.ts";
export { getCarrierParcel, ZCarrierParcelSchema } from "./parcel-events.ts";
export { listCarrierLoads, shanghaiDayBounds, ZCarrierDaySchema } from "./list-loads.ts";
export { getCarrierDailySummary } from "./daily-summary.ts";
export { getPortalClient } from "./get-client.ts";
