// Vehicle routing for milk runs: pickup and delivery in several dimensions, fleets, windows; CVRPLIB I/O.
export * from "./types.ts";
export { solveVrp, savingsVrp } from "./solve.ts";
export { checkSolution, type VrpCheck, type VrpCheckedRoute, type VrpViolation, type VrpViolationKind } from "./check.ts";
export { parseCvrplib, cvrpToProblem, type CvrpInstance, type EdgeWeightFormat } from "./cvrplib.ts";
export { haversineKm, DEFAULT_ROAD_FACTOR } from "./distance.ts";
