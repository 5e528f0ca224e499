import { createServer } from "node:net";

// How long tests may wait. A test's time limit is for catching a hang, not for timing the code (benchmarks do that),
// so limits grow with how busy the machine is: a suite on a 2-core machine with other work beside it (load average
// 12) needs several times what an idle one does.

const MAX_SLOWDOWN = 8;

/// Load average per core above 1 when the run started, as a factor between 1 and 8: 1 on an idle machine, 6 for a
/// load of 12 on 2 cores. The suite's config records it in XD_TEST_SLOWDOWN before the test processes start, so every
/// file of a run sees the same factor; setting XD_TEST_SLOWDOWN yourself overrides it.
export function measuredSlowdown(loadPerCore: number): number {
  if (!Number.isFinite(loadPerCore) || loadPerCore <= 1) return 1;
  return Math.min(MAX_SLOWDOWN, Math.round(loadPerCore * 10) / 10);
}

/// The factor in force for this run (XD_TEST_SLOWDOWN, default 1).
export function testSlowdown(env: Record<string, string | undefined> = process.env): number {
  const v = Number(env.XD_TEST_SLOWDOWN);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, MAX_SLOWDOWN) : 1;
}

/// A time limit of `ms` on an idle machine, grown by the run's slowdown factor.
export function scaled(ms: number): number {
  return Math.round(ms * testSlowdown());
}

export interface WaitOptions {
  /// On an idle machine; grown by the run's slowdown factor. Default 15 s.
  timeoutMs?: number;
  /// How often to look again. Default 100 ms.
  everyMs?: number;
  /// What is awaited, for the error message.
  what?: string;
}

/// Waits until `probe` returns something truthy and returns it: for a condition the test cannot be told about by an
/// event (a row written by another process, a queue drained). Fails with `what` once the scaled time limit passes.
export async function waitFor<T>(probe: () => T | Promise<T>, opts: WaitOptions = {}): Promise<NonNullable<T>> {
  const end = Date.now() + scaled(opts.timeoutMs ?? 15_000);
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${opts.what ?? "a condition"}`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100));
  }
}

/// A free TCP port on loopback, for a server a test starts.
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}
