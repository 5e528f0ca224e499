export * from "./scopes.ts";
export * from "./events.ts";
export * from "./schemas.ts";
export * from "./webhook-schemas.ts";
export * from "./sms.ts";
