// `pnpm services up|status|down` for real: as root (PostgreSQL runs as the postgres user)
// and as a normal user, each with its own data folder and ports, idempotent both ways.
// Ports come from freePort(): fixed ones in the ephemeral range were taken now and then by
// another test file's outgoing connection, and the server could not bind.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, scaled } from "@xiangda/config/testing";

const root = path.resolve(import.meta.dirname, "..");
const isRoot = process.getuid?.() === 0;
const NORMAL_USER = "xdsvc";

function run(cmd: string, env: Record<string, string>, asUser?: string) {
  const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(" ");
  const r = asUser
    ? spawnSync("su", [asUser, "-s", "/bin/bash", "-c", `env -u DATABASE_URL -u REDIS_URL -u XD_ENV_LOADED -u XD_LOCAL_PG -u XD_LOCAL_REDIS ${vars} ${cmd}`], { encoding: "utf8" })
    : spawnSync("bash", ["-c", `env -u DATABASE_URL -u REDIS_URL -u XD_ENV_LOADED -u XD_LOCAL_PG -u XD_LOCAL_REDIS ${vars} ${cmd}`], { encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function cycle(scriptDir: string, stateDir: string, pgPort: number, redisPort: number, asUser?: string) {
  const env = { XD_STATE_DIR: stateDir, XD_PG_PORT: String(pgPort), XD_REDIS_PORT: String(redisPort) };
  const svc = `bash ${scriptDir}/services.sh`;
  try {
    const up = run(`${svc} up`, env, asUser);
    expect(up.code, up.out).toBe(0);
    const again = run(`${svc} up`, env, asUser);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/PostgreSQL: already running/);
    expect(again.out).toMatch(/Redis: already running/);
    const status = run(`${svc} status`, env, asUser);
    expect(status.code, status.out).toBe(0);
    const q = run(`psql -h 127.0.0.1 -p ${pgPort} -U postgres -d xiangda -tAc 'select 1'`, {}, asUser);
    expect(q.out.trim()).toBe("1");
    const ping = run(`redis-cli -h 127.0.0.1 -p ${redisPort} ping`, {}, asUser);
    expect(ping.out.trim()).toBe("PONG");
    const aof = run(`redis-cli -h 127.0.0.1 -p ${redisPort} config get appendonly`, {}, asUser);
    expect(aof.out).toMatch(/yes/);
  } finally {
    const down = run(`${svc} down`, env, asUser);
    expect(down.code, down.out).toBe(0);
  }
  const after = run(`${svc} status`, env, asUser);
  expect(after.code).toBe(3);
  expect(after.out).toMatch(/PostgreSQL: stopped/);
  const downAgain = run(`${svc} down`, env, asUser);
  expect(downAgain.code, downAgain.out).toBe(0);
}

describe("pnpm services", () => {
  it(`starts, reports and stops both servers as ${isRoot ? "root" : "the current user"}`, async () => {
    const state = mkdtempSync(path.join(tmpdir(), "xd-svc-"));
    try {
      cycle(path.join(root, "scripts"), state, await freePort(), await freePort());
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  }, scaled(120_000));

  it.runIf(isRoot)("starts, reports and stops both servers as a normal user", async () => {
    if (spawnSync("id", [NORMAL_USER]).status !== 0) execFileSync("useradd", ["-M", "-s", "/bin/bash", NORMAL_USER]);
    const base = mkdtempSync(path.join(tmpdir(), "xd-svc-user-"));
    chmodSync(base, 0o755);
    const scripts = path.join(base, "scripts");
    mkdirSync(scripts);
    for (const f of ["services.sh", "env.sh"]) copyFileSync(path.join(root, "scripts", f), path.join(scripts, f));
    execFileSync("chown", ["-R", `${NORMAL_USER}:`, base]);
    try {
      cycle(scripts, path.join(base, "state"), await freePort(), await freePort(), NORMAL_USER);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }, scaled(120_000));
});
