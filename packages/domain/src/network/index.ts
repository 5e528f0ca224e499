export * from "./values.ts";
export * from "./rules.ts";
export * from "./coverage.ts";
export * from "./fleet-schemas.ts";
