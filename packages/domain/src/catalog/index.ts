export * from "./values.ts";
export * from "./schemas.ts";
export * from "./trace-code.ts";
export * from "./credit-code.ts";
export * from "./listing-schemas.ts";
