// Consolidated delivery services: assignment, sealing, planning, schedulers.
export { assignReady, ensureLoads, type AssignResult } from "./assign.ts";
export { sealLoad, type SealResult } from "./seal.ts";
export { planVehicle, finishLoad, type LoadFigures } from "./plan.ts";
export { syncSealSchedulers, loadForTarget, overdueLoads, stuckSealedLoads, SEAL_TZ } from "./schedule.ts";
export { DEFAULT_MILK_RUN, type MilkRunOptions } from "./milk-run.ts";
export { savingsByDay, type SavingsRow } from "./savings.ts";
