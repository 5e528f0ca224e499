// Consolidated delivery: which load a parcel joins, when loads are sealed, and how they are packed.
export * from "./bin-pack.ts";
export * from "./load-slot.ts";
export * from "./rolled-reasons.ts";
export * from "./run-stop.ts";
export * from "./values.ts";
