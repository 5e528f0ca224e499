// A private PostgreSQL 15 cluster for tests that stop, restart or half-start the database (the shared one stays up).
// As root the server runs as the postgres user (initdb refuses root), as scripts/services.sh does.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { freePort } from "@xiangda/config/testing";
import { tmpdir } from "node:os";
import path from "node:path";

const isRoot = process.getuid?.() === 0;

function pgBin(): string {
  for (const v of [15, 16, 17, 14]) if (existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`)) return `/usr/lib/postgresql/${v}/bin`;
  const which = spawnSync("bash", ["-c", "command -v pg_ctl"], { encoding: "utf8" });
  if (which.status === 0) return path.dirname(which.stdout.trim());
  throw new Error("PostgreSQL server binaries not found (Debian: apt-get install postgresql-15)");
}

/// Runs a server tool, as the postgres user when we are root.
function asPg(cmd: string, args: string[], check = true): { status: number | null; out: string } {
  const r = isRoot
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")], {
        encoding: "utf8",
      })
    : spawnSync(cmd, args, { encoding: "utf8" });
  if (check && r.status !== 0) throw new Error(`${path.basename(cmd)} ${args[0] ?? ""} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/// pg_ctl's shutdown modes: smart waits for every session to end (new ones are refused meanwhile), fast terminates
/// them (57P01), immediate kills the server without a clean shutdown (connections just drop).
export type ShutdownMode = "smart" | "fast" | "immediate";

export interface PrivatePostgres {
  port: number;
  /// postgresql:// URL of a database on this cluster.
  url(database: string): string;
  start(): void;
  /// Stops the server (fast by default: open connections are terminated, as when an operator restarts it). With
  /// `wait: false` it returns at once: a smart shutdown then stays "shutting down" until the last session ends.
  stop(mode?: ShutdownMode, opts?: { wait?: boolean }): void;
  restart(mode?: ShutdownMode): void;
  /// Starts it as a standby with hot standby off: it runs but refuses every connection with SQLSTATE 57P03
  /// ("the database system is not accepting connections"), as a server in recovery does. `stop()` ends that.
  startInRecovery(): void;
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
  const log = path.join(data, "server.log");
  const standbySignal = path.join(data, "standby.signal");
  const api: PrivatePostgres = {
    port,
    url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    start() {
      if (existsSync(standbySignal)) rmSync(standbySignal);
      asPg(`${bin}/pg_ctl`, ["-D", data, "-l", log, "-o", opts, "-w", "-t", "60", "start"]);
    },
    stop(mode = "fast", o = {}) {
      asPg(`${bin}/pg_ctl`, ["-D", data, "-m", mode, o.wait === false ? "-W" : "-w", "-t", "60", "stop"]);
    },
    restart(mode = "fast") {
      if (existsSync(standbySignal)) rmSync(standbySignal);
      asPg(`${bin}/pg_ctl`, ["-D", data, "-l", log, "-o", opts, "-m", mode, "-w", "-t", "60", "restart"]);
    },
    startInRecovery() {
      asPg("touch", [standbySignal]);
      // pg_ctl -w would wait for connections to be accepted, which never happens: poll for the refusal instead.
      asPg(`${bin}/pg_ctl`, ["-D", data, "-l", log, "-o", `${opts} -c hot_standby=off`, "-W", "start"]);
      const end = Date.now() + 60_000;
      for (;;) {
        // pg_isready: 0 accepting, 1 rejecting (what we want), 2 no response yet.
        const r = asPg(`${bin}/pg_isready`, ["-h", "127.0.0.1", "-p", String(port), "-t", "5"], false);
        if (r.status === 1) return;
        if (Date.now() > end) throw new Error(`the standby did not come up: ${r.out}`);
        spawnSync("sleep", ["0.1"]);
      }
    },
    running() {
      return asPg(`${bin}/pg_ctl`, ["-D", data, "status"], false).status === 0;
    },
    destroy() {
      if (api.running()) api.stop("immediate");
      rmSync(base, { recursive: true, force: true });
    },
  };
  api.start();
  return api;
}
