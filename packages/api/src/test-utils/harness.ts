// Test harness: a fresh database, a Redis prefix of its own, and callers for any actor.
import { createTestDatabase, testRedisPrefix, type TestDatabase } from "@xiangda/db/testing";
import type { Actor } from "@xiangda/domain";
import { createProducerConnection, Queues } from "@xiangda/jobs";
import type { Redis } from "ioredis";
import type { Context, Deps, RequestInfo } from "../context.ts";
import { silentLogger } from "../context.ts";
import { createContext } from "../create-context.ts";
import { createCaller } from "../root.ts";
import { dataKeyFrom } from "../services/shipments/id-crypto.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLocalStorage } from "../services/catalog/storage.ts";

export interface Harness {
  tdb: TestDatabase;
  deps: Deps;
  redis: Redis;
  /// The clock every context reads; move it with `clock.set()`.
  clock: { now: Date; set(d: Date): void; advance(ms: number): void };
  cookies: Map<string, string | null>;
  request(overrides?: Partial<RequestInfo>): RequestInfo;
  callerAs(actor: Actor | null, req?: Partial<RequestInfo>): ReturnType<typeof createCaller>;
  /// A caller whose context is resolved from a session token, as over HTTP.
  callerWithToken(token: string | null, req?: Partial<RequestInfo>): Promise<ReturnType<typeof createCaller>>;
  close(): Promise<void>;
}

export async function createHarness(opts: { redisUrl?: string } = {}): Promise<Harness> {
  const tdb = await createTestDatabase();
  const redis = createProducerConnection(opts.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
  const prefix = testRedisPrefix();
  const queues = new Queues(redis, prefix);
  const clock = {
    now: new Date(),
    set(d: Date) {
      clock.now = d;
    },
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  // Uploaded files of this test file only, removed on close.
  const storageDir = mkdtempSync(path.join(tmpdir(), "xd-storage-"));
  const deps: Deps = {
    db: tdb.db,
    redis,
    redisPrefix: prefix,
    queues,
    log: silentLogger,
    sessionTtlHours: 12,
    dataKey: dataKeyFrom("5a".repeat(32), "test"),
    now: () => clock.now,
    storage: createLocalStorage(storageDir),
  };
  const cookies = new Map<string, string | null>();
  let n = 0;
  const request = (o: Partial<RequestInfo> = {}): RequestInfo => ({
    requestId: `test-${++n}`,
    ip: "127.0.0.1",
    userAgent: "vitest",
    sessionToken: null,
    setSessionCookie: (token) => cookies.set("xd_session", token),
    clearSessionCookie: () => cookies.set("xd_session", null),
    ...o,
  });
  return {
    tdb,
    deps,
    redis,
    clock,
    cookies,
    request,
    callerAs(actor, req) {
      const ctx: Context = { ...deps, req: request(req), actor, sessionId: null };
      return createCaller(ctx);
    },
    async callerWithToken(token, req) {
      return createCaller(await createContext(deps, request({ sessionToken: token, ...req })));
    },
    async close() {
      await queues.close();
      redis.disconnect();
      await tdb.drop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
