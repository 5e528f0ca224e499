export * from "./state-machine.ts";
export * from "./reasons.ts";
export * from "./warnings.ts";
export * from "./infer-action.ts";
