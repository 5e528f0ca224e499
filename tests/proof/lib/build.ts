// The production build (scripts/bundle.mjs: apps/api/dist/main.js, apps/worker/dist/main.js, apps/api/dist/cli.js),
// made at most once per test process and only when a source is newer than it, so the tests run what production runs.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let built = false;

export const DIST = {
  api: "apps/api/dist/main.js",
  worker: "apps/worker/dist/main.js",
  cli: "apps/api/dist/cli.js",
} as const;

/// A 32-byte data key for processes started with NODE_ENV=production in tests.
export const TEST_DATA_KEY = "5a".repeat(32);

export function ensureProductionBuild(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ["scripts/bundle.mjs", "api", "worker", "cli", "--if-stale"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`the production build failed (node scripts/bundle.mjs):\n${r.stdout}${r.stderr}`);
  built = true;
}
