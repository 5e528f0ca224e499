// A private PostgreSQL 15 cluster for tests that stop and restart the database (the shared one stays up).
// As root the server runs as the postgres user (initdb refuses root), as scripts/services.sh does.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./ports.ts";

const isRoot = process.getuid?.() === 0;

function pgBin(): string {
  for (const v of [15, 16, 17, 14]) if (existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`)) return `/usr/lib/postgresql/${v}/bin`;
  const which = spawnSync("bash", ["-c", "command -v pg_ctl"], { encoding: "utf8" });
  if (which.status === 0) return path.dirname(which.stdout.trim());
  throw new Error("PostgreSQL server binaries not found (Debian: apt-get install postgresql-15)");
}

/// Runs a server tool, as the postgres user when we are root.
function asPg(cmd: string, args: string[]): string {
  const r = isRoot
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")], {
        encoding: "utf8",
      })
    : spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args[0] ?? ""} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return r.stdout;
}

export interface PrivatePostgres {
  port: number;
  /// postgresql:// URL of a database on this cluster.
  url(database: string): string;
  start(): void;
  /// Fast shutdown: open connections are terminated, as when an operator restarts the server.
  stop(): void;
  restart(): void;
  running(): boolean;
  destroy(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = pgBin();
  const port = await freePort();
  const base = mkdtempSync(path.join(tmpdir(), "xd-pg-"));
  const data = path.join(base, "data");
  if (isRoot) {
    // The postgres user must reach the folder: mkdtemp makes it 0700 and /tmp is searchable.
    chmodSync(base, 0o755);
    mkdirSync(data, { mode: 0o700 });
    execFileSync("chown", ["postgres:postgres", data]);
  }
  asPg(`${bin}/initdb`, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${data} -c max_connections=200 -c fsync=off -c full_page_writes=off`;
  const api: PrivatePostgres = {
    port,
    url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    start() {
      asPg(`${bin}/pg_ctl`, ["-D", data, "-l", path.join(data, "server.log"), "-o", opts, "-w", "-t", "60", "start"]);
    },
    stop() {
      asPg(`${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    restart() {
      asPg(`${bin}/pg_ctl`, ["-D", data, "-l", path.join(data, "server.log"), "-o", opts, "-m", "fast", "-w", "-t", "60", "restart"]);
    },
    running() {
      const r = isRoot
        ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", `${bin}/pg_ctl -D '${data}' status`])
        : spawnSync(`${bin}/pg_ctl`, ["-D", data, "status"]);
      return r.status === 0;
    },
    destroy() {
      if (api.running()) api.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
  api.start();
  return api;
}
