// How late after its cut-off a load may be sealed before the seal counts as late (issue 17). The seal is fired by a
// job scheduler at the cut-off; a busy queue or the seal's own sweep of stragglers delays it by seconds, a worker that
// was down by minutes (the every-minute sweep then seals it). Past the grace the load records how late it was
// (Load.sealLateSeconds), which the loads page shows managers as an alert.
export const DEFAULT_SEAL_GRACE_SECONDS = 60;

/// XD_SEAL_GRACE_SECONDS (whole seconds, 0 or more), else the default.
export function sealGraceSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.XD_SEAL_GRACE_SECONDS;
  const v = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(v) && v >= 0 ? v : DEFAULT_SEAL_GRACE_SECONDS;
}
