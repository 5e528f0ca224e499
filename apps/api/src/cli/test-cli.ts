// Running `pnpm xd` from tests. `xd` runs a command line in the test's own process (the CLI is loaded once per test
// file, not compiled again by tsx for every call: on a busy machine each start cost seconds), with DATABASE_URL and the
// rest of the environment as the test's process has them. `xdProcess` starts the real program (scripts/xd.mjs), for
// the tests of what only a process shows: exit codes, stdout holding nothing but the JSON.
import { spawn } from "node:child_process";
import path from "node:path";
import { runCli } from "./run.ts";

export const repoRoot = path.resolve(import.meta.dirname, "../../../..");

export interface XdResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /// stdout parsed as JSON, or null when it is not JSON.
  json: Record<string, unknown>;
}

function parsed(code: number | null, stdout: string, stderr: string): XdResult {
  let json: unknown = null;
  try {
    json = JSON.parse(stdout);
  } catch {
    /* not JSON */
  }
  return { code, stdout, stderr, json: json as Record<string, unknown> };
}

/// One command line, in-process.
export async function xd(...args: string[]): Promise<XdResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return parsed(code, stdout, stderr);
}

/// One command line as its own process, with extra environment.
export function xdProcess(args: string[], env: Record<string, string> = {}): Promise<XdResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "scripts/xd.mjs"), ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve(parsed(code, stdout, stderr)));
  });
}
