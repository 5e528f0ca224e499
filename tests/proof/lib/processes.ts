// The real API and worker processes as production runs them: the build (apps/api/dist/main.js,
// apps/worker/dist/main.js, made first when a source changed) under plain node with NODE_ENV=production.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, ensureProductionBuild, TEST_DATA_KEY } from "./build.ts";
import { freePort } from "@xiangda/config/testing";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface Proc {
  child: ChildProcess;
  pid: number;
  /// Resolves with the exit code (or the signal) once the process has gone.
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /// What it printed (stdout and stderr), for the failure message.
  output(): string;
  alive(): boolean;
  kill(signal: NodeJS.Signals): void;
}

export interface StackEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
}

function start(entry: string, env: Record<string, string>): Proc {
  ensureProductionBuild();
  const child = spawn(process.execPath, ["--enable-source-maps", entry], {
    cwd: repoRoot,
    // Production refuses the development defaults: the data key and PUBLIC_URL are given (the worker needs them too).
    env: { ...process.env, NODE_ENV: "production", XD_DATA_KEY: TEST_DATA_KEY, PUBLIC_URL: "http://127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    pid: child.pid!,
    exited,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

export interface ApiProc extends Proc {
  url: string;
  port: number;
}

/// Starts the API on a free port and waits until /health answers.
export async function startApi(env: StackEnv, extra: Record<string, string> = {}): Promise<ApiProc> {
  const port = await freePort();
  const storage = mkdtempSync(path.join(tmpdir(), "xd-proof-storage-"));
  const p = start(DIST.api, {
    ...env,
    API_HOST: "127.0.0.1",
    API_PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    XD_STORAGE_DIR: storage,
    ...extra,
  });
  void p.exited.then(() => rmSync(storage, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    if (!p.alive()) throw new Error(`the API exited while starting:\n${p.output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > end) throw new Error(`the API did not start:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ...p, url, port };
}

export function startWorker(env: StackEnv, extra: Record<string, string> = {}): Proc {
  return start(DIST.worker, { ...env, XD_WORKER_LOCK_MS: "5000", ...extra });
}

/// SIGTERM, then SIGKILL if it has not gone within `ms`; never leaves a process behind.
export async function stopProc(p: Proc | undefined, ms = 30_000): Promise<void> {
  if (!p || !p.alive()) return;
  p.kill("SIGTERM");
  const t = setTimeout(() => p.kill("SIGKILL"), ms);
  await p.exited;
  clearTimeout(t);
}

/// Polls `f` until it gives a truthy value; on timeout the error carries what `explain` says (state, process output).
export async function waitFor<T>(
  what: string,
  f: () => Promise<T | null | false | undefined>,
  ms = 60_000,
  everyMs = 100,
  explain?: () => Promise<string> | string,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => null);
    if (v) return v;
    if (Date.now() > end) {
      const more = explain ? await Promise.resolve(explain()).catch((e: unknown) => `(explain failed: ${String(e)})`) : "";
      throw new Error(`timed out waiting for ${what}${more ? `\n${more}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
