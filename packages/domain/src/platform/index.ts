export * from "./scopes.ts";
export * from "./events.ts";
