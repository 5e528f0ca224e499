// Runs the operations CLI (apps/api/src/cli/main.ts) with tsx, from any folder.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const r = spawnSync(tsx, [path.join(root, "apps/api/src/cli/main.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { CHECKPOINT_DISABLE: "1", ...process.env },
});
process.exit(r.status ?? 1);
