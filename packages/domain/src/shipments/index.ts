export * from "./values.ts";
export * from "./accept-schemas.ts";
export * from "./lights.ts";
export * from "./event-types.ts";
