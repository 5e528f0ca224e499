// Check digits and ID numbers: resident IDs, the platform's waybills, carriers' waybill patterns.
export * from "./resident-id.ts";
export * from "./waybill.ts";
export * from "./carrier-waybill.ts";
export * from "./load-code.ts";
