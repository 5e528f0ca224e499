// `pnpm bench`: runs every benchmark of the project; each rewrites its own section of docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const BENCHES = [
  { name: "routing", file: "bench/routing/run.ts" },
  { name: "scan", file: "bench/scan/run.ts" },
  { name: "consolidation", file: "bench/consolidation/run.ts" },
  { name: "vrp", file: "bench/vrp/run.ts" },
  { name: "dashboard", file: "bench/dashboard/run.ts" },
  { name: "load", file: "bench/load/run.ts" },
  { name: "platform", file: "bench/platform/run.ts" },
];

const only = process.argv.slice(2);
let failed = 0;
for (const b of BENCHES.filter((x) => only.length === 0 || only.includes(x.name))) {
  console.log(`\n== bench: ${b.name}`);
  const r = spawnSync(tsx, [path.join(root, b.file)], { stdio: "inherit", cwd: root, env: { DATABASE_URL: "postgresql://postgres@127.0.0.1:55432/xiangda", REDIS_URL: "redis://127.0.0.1:56379", ...process.env } });
  if (r.status !== 0) failed++;
}
console.log(failed ? `\n${failed} benchmark(s) failed` : "\nall benchmarks done: see docs/benchmarks.md");
process.exit(failed ? 1 : 0);
