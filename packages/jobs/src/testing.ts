// A private, real redis-server for tests that stop and restart Redis (the shared one stays up).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort } from "@xiangda/config/testing";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";

export interface PrivateRedis {
  url: string;
  port: number;
  start(): Promise<void>;
  /// SHUTDOWN: AOF is flushed, as when an operator stops the server.
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "xd-redis-"));
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  const ping = async (): Promise<boolean> => {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    r.on("error", () => {});
    try {
      await r.connect();
      return (await r.ping()) === "PONG";
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  };
  const api: PrivateRedis = {
    url,
    port,
    async start() {
      child = spawn(
        "redis-server",
        ["--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--appendonly", "yes", "--maxmemory-policy", "noeviction", "--save", ""],
        { stdio: "ignore" },
      );
      for (let i = 0; i < 100; i++) {
        if (await ping()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server did not start on ${port}`);
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once("exit", r));
      c.kill("SIGTERM");
      await exited;
      child = null;
    },
    async destroy() {
      await api.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await api.start();
  return api;
}
