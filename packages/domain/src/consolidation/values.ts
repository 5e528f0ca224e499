// A load's life (mirroring the database enum LoadStatus), in order: open for parcels, sealed at its cut-off, planned
// (its milk run), departed, arrived.
export const LOAD_STATUSES = ["OPEN", "SEALED", "PLANNED", "DEPARTED", "ARRIVED"] as const;
export type TLoadStatus = (typeof LOAD_STATUSES)[number];
