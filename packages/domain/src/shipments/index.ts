export * from "./lights.ts";
export * from "./event-types.ts";
