export * from "./state-machine.ts";
export * from "./reasons.ts";
