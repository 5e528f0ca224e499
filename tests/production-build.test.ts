// The production build: API, worker and CLI as plain JavaScript run by node (no tsx), NODE_ENV=production. They
// serve, sign in and run jobs with what production must give, and refuse to start on the development defaults.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { hashPassword } from "@xiangda/api";
import { PRODUCTION_REQUIRED } from "@xiangda/config";
import { scaled } from "@xiangda/config/testing";
import { createUser } from "@xiangda/db/factories";
import { createTestDatabase, testRedisPrefix, type TestDatabase } from "@xiangda/db/testing";
import { DIST, ensureProductionBuild, TEST_DATA_KEY } from "./proof/lib/build.ts";
import { repoRoot, startApi, startWorker, stopProc, waitFor, type ApiProc, type Proc, type StackEnv } from "./proof/lib/processes.ts";

let tdb: TestDatabase;
let env: StackEnv;
let api: ApiProc | undefined;
let worker: Proc | undefined;
const storage = mkdtempSync(path.join(tmpdir(), "xd-prod-storage-"));

beforeAll(async () => {
  ensureProductionBuild();
  tdb = await createTestDatabase({ poolSize: 2 });
  env = { DATABASE_URL: tdb.url, REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:56379", REDIS_PREFIX: testRedisPrefix() };
  await createUser(tdb.db, { username: "prod_admin", passwordHash: await hashPassword("prod-password-1"), role: "ADMIN" });
}, scaled(90_000));

afterAll(async () => {
  await Promise.all([stopProc(api), stopProc(worker)]);
  await tdb?.drop();
  rmSync(storage, { recursive: true, force: true });
});

/// The environment without anything production must be given (as on a machine where nobody set it).
function bareEnv(): Record<string, string> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !(PRODUCTION_REQUIRED as readonly string[]).includes(k)) e[k] = v;
  return { ...e, NODE_ENV: "production", API_PORT: "0", XD_STORAGE_DIR: storage };
}

/// Runs a built entry to its exit; resolves with the code and what it printed.
function runToExit(entry: string, envVars: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd: repoRoot, env: envVars, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const kill = setTimeout(() => child.kill("SIGKILL"), scaled(20_000));
    child.once("exit", (code) => {
      clearTimeout(kill);
      resolve({ code, out });
    });
  });
}

describe("the build", () => {
  it("is plain JavaScript: the workspace's TypeScript bundled in, no .ts file imported at run time", () => {
    for (const file of Object.values(DIST)) {
      const js = readFileSync(path.join(repoRoot, file), "utf8");
      expect(js.length, file).toBeGreaterThan(10_000);
      expect(js, file).not.toMatch(/(?:from\s*|import\()\s*["'][^"']+\.ts["']/);
      expect(js, file).not.toMatch(/["']tsx["']|tsx\/esm/);
    }
  });
});

describe("NODE_ENV=production", () => {
  it("the API and the worker refuse to start on the development defaults, naming what is missing", async () => {
    for (const entry of [DIST.api, DIST.worker]) {
      const r = await runToExit(entry, bareEnv());
      expect(r.code, `${entry}: ${r.out}`).toBe(1);
      for (const name of PRODUCTION_REQUIRED) expect(r.out, entry).toContain(`${name}: required when NODE_ENV=production`);
      expect(r.out).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
    const partial = await runToExit(DIST.api, { ...bareEnv(), ...env, PUBLIC_URL: "https://xd.example.cn" });
    expect(partial.code).toBe(1);
    expect(partial.out).toContain("XD_DATA_KEY: required when NODE_ENV=production");
    expect(partial.out).not.toContain("DATABASE_URL: required");
  });

  it("the built API answers /ready, signs in and serves a procedure", async () => {
    api = await startApi(env);
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(200);
    const login = await fetch(`${api.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "prod_admin", password: "prod-password-1" }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
    const me = await fetch(`${api.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { result: { data: { username: string; role: string } } }).result.data).toMatchObject({
      username: "prod_admin",
      role: "ADMIN",
    });
    const users = await fetch(`${api.url}/trpc/users.loginThrottles`, { headers: { authorization: `Bearer ${token}` } });
    expect(users.status).toBe(200);
  });

  it("the built worker relays the outbox and runs the job", async () => {
    worker = startWorker(env);
    const jobId = "consolidation.syncSchedulers-prod-build";
    await tdb.db.outboxEvent.create({
      data: { queue: "consolidation", name: "consolidation.syncSchedulers", jobId, payload: { key: "prod-build" } },
    });
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue("consolidation", { connection: redis, prefix: env.REDIS_PREFIX });
    try {
      await waitFor(
        "the outbox row relayed and its job completed",
        async () => (await queue.getJob(jobId))?.isCompleted(),
        scaled(60_000),
        200,
        () => worker!.output(),
      );
      expect((await tdb.db.outboxEvent.findUnique({ where: { jobId } }))?.sentAt).not.toBeNull();
      expect(worker.alive()).toBe(true);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });

  it("the built CLI runs", () => {
    const r = spawnSync(process.execPath, [DIST.cli, "help"], { cwd: repoRoot, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("pnpm xd migrate");
    const refused = spawnSync(process.execPath, [DIST.cli, "coverage", "--county", "210881", "--json"], {
      cwd: repoRoot,
      encoding: "utf8",
      env: bareEnv(),
    });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("XD_DATA_KEY: required when NODE_ENV=production");
    const ok = spawnSync(process.execPath, [DIST.cli, "coverage", "--county", "210881", "--json"], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...bareEnv(), ...env, XD_DATA_KEY: TEST_DATA_KEY, PUBLIC_URL: "https://xd.example.cn" },
    });
    expect(ok.stdout).not.toContain("required when NODE_ENV=production");
  });
});
