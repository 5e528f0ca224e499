// Applies committed migrations (prisma migrate deploy) to the database at `url`.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function migrateDeploy(url: string, opts: { quiet?: boolean } = {}): Promise<void> {
  const prismaBin = path.join(pkgDir, "node_modules", ".bin", "prisma");
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const child = spawn(prismaBin, ["migrate", "deploy"], {
      cwd: pkgDir,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code})\n${output}`)),
    );
  });
}
