// Runs the operations CLI from any folder: with NODE_ENV=production the build (apps/api/dist/cli.js, from
// `pnpm build`) under plain node, otherwise the sources (apps/api/src/cli/main.ts) with tsx.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const env = { CHECKPOINT_DISABLE: "1", ...process.env };
let r;
if (process.env.NODE_ENV === "production") {
  const cli = path.join(root, "apps/api/dist/cli.js");
  if (!existsSync(cli)) {
    process.stderr.write("apps/api/dist/cli.js is missing: run 'pnpm build' first\n");
    process.exit(1);
  }
  r = spawnSync(process.execPath, ["--enable-source-maps", cli, ...args], { stdio: "inherit", env });
} else {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  r = spawnSync(tsx, [path.join(root, "apps/api/src/cli/main.ts"), ...args], { stdio: "inherit", env });
}
process.exit(r.status ?? 1);
