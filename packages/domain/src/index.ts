// @xiangda/domain: pure logic and shared input schemas, no I/O.
export * from "./errors.ts";
export * from "./load-figures.ts";
export * from "./roles.ts";
export * from "./schemas.ts";
export * from "./mask.ts";
export * from "./divisions.ts";
export * from "./network/index.ts";
export * from "./shipments/index.ts";
export * from "./ids/index.ts";
export * from "./routing/index.ts";
export * from "./consolidation/index.ts";
export * from "./scan/index.ts";
export * from "./vrp/index.ts";
export * from "./catalog/index.ts";
export * from "./restock/parcels.ts";
export * from "./restock/schemas.ts";
export * from "./platform/index.ts";
