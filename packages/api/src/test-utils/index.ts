// @xiangda/api/testing: the test harness, worlds and fixtures the tests of every app and package build on.
export * from "./harness.ts";
export * from "./fixtures.ts";
export * from "./barcodes.ts";
export * from "./three-rules.ts";
export * from "./catalog.ts";
export * from "./listings.ts";
export * from "./load-world.ts";
export * from "./restock-world.ts";
export * from "./dashboard-county.ts";
export * from "./scan-network.ts";
