export * from "./lights.ts";
