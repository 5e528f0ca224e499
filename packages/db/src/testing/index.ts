// Test databases: one migrated template per schema version, and a fresh clone of it per test file.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDb, type Db } from "../client.ts";
import { migrateDeploy } from "../migrate.ts";

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

export function baseUrl(): string {
  return process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:55432/xiangda";
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function schemaHash(): string {
  const h = createHash("sha256");
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        h.update(name);
        h.update(readFileSync(p));
      }
    }
  };
  walk(migrationsDir);
  return h.digest("hex").slice(0, 12);
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(baseUrl(), "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function templateName(): string {
  return `xd_tpl_${schemaHash()}`;
}

/// Creates the migrated template once per schema version (safe when several runs race).
export async function ensureTemplate(): Promise<string> {
  const name = templateName();
  await withAdmin(async (c) => {
    await c.query("SELECT pg_advisory_lock(872311)");
    try {
      const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount) return;
      const building = `${name}_building`;
      await c.query(`DROP DATABASE IF EXISTS "${building}"`);
      await c.query(`CREATE DATABASE "${building}"`);
      await migrateDeploy(withDatabase(baseUrl(), building), { quiet: true });
      await c.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      await c.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
    } finally {
      await c.query("SELECT pg_advisory_unlock(872311)");
    }
  });
  return name;
}

export interface TestDatabase {
  url: string;
  name: string;
  db: Db;
  drop(): Promise<void>;
}

/// A fresh database cloned from the migrated template, dropped by `drop()`.
export async function createTestDatabase(opts: { poolSize?: number } = {}): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `xd_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = withDatabase(baseUrl(), name);
  const db = createDb(url, { poolSize: opts.poolSize ?? 5 });
  return {
    url,
    name,
    db,
    async drop() {
      await db.$disconnect();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/// A Redis key prefix of its own for each test file.
export function testRedisPrefix(): string {
  return `xdtest:${randomBytes(5).toString("hex")}`;
}

export { startPrivatePostgres, type PrivatePostgres, type ShutdownMode } from "./private-postgres.ts";
