// Shared by the bad-input tests: the real Fastify host on a test database, signed-in callers over HTTP
// (app.inject), the client-facing error checks and a fingerprint of what is stored.
import { pino } from "pino";
import type { FastifyInstance } from "fastify";
import { pgPool, type Db } from "@xiangda/db";
import { buildWorld, createHarness, type Harness, type World } from "@xiangda/api/testing";
import { buildServer, type ServerOptions } from "../../server.ts";

/// One seed for every property (printed by fast-check on a failure); XD_FC_SEED replays another.
export const SEED = Number(process.env.XD_FC_SEED ?? 20261123);
/// Scales every property's number of runs (XD_FC_RUNS=2 doubles them).
export const RUNS = Number(process.env.XD_FC_RUNS ?? 1);
export const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * RUNS)), endOnFailure: true });

export type Who = "admin" | "manager" | "station" | "merchant" | "counter";
const USERNAMES: Record<Who, string> = {
  admin: "t_admin",
  manager: "t_manager",
  station: "t_station",
  merchant: "t_merchant",
  counter: "t_counter",
};

export interface Proof {
  h: Harness;
  w: World;
  app: FastifyInstance;
  tokens: Record<Who, string>;
  close(): Promise<void>;
}

/// `trustedProxies: ["127.0.0.1"]` lets a test's X-Forwarded-For name the client, as behind a load balancer.
export async function startProof(opts: Pick<ServerOptions, "trustedProxies"> = {}): Promise<Proof> {
  const h = await createHarness();
  const w = await buildWorld(h.deps.db);
  const app = await buildServer(h.deps, { logger: pino({ level: "silent" }), webDist: null, ...opts });
  const tokens = {} as Record<Who, string>;
  for (const [who, username] of Object.entries(USERNAMES) as [Who, string][]) {
    const r = await call(app, "auth.login", { username, password: w.password });
    tokens[who] = (r.body as { result: { data: { token: string } } }).result.data.token;
  }
  return {
    h,
    w,
    app,
    tokens,
    async close() {
      await app.close();
      await h.close();
    },
  };
}

export interface Reply {
  status: number;
  body: unknown;
  text: string;
}

/// A mutation (POST) or query (GET ?input=) as a client sends it; `headers` may add or override any header.
export async function call(
  app: FastifyInstance,
  path: string,
  input: unknown,
  token?: string,
  opts: { query?: boolean; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...opts.headers,
  };
  const r = opts.query
    ? await app.inject({ method: "GET", url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, headers })
    : await app.inject({ method: "POST", url: `/trpc/${path}`, headers, payload: JSON.stringify(input) });
  let body: unknown = null;
  try {
    body = JSON.parse(r.body);
  } catch {
    /* not JSON: checked by the caller */
  }
  return { status: r.statusCode, body, text: r.body };
}

export interface ErrorBody {
  error: {
    message: string;
    data: { code: string; httpStatus: number; appCode: string | null; zodIssues: { path: string; message: string }[]; stack?: unknown };
  };
}

export const errorOf = (r: Reply) => (r.body as Partial<ErrorBody> | null)?.error;

/// What is wrong with an error answer: a 5xx, no app code, a stack, an internal message, or an input error that
/// does not name its field. Empty when the answer is a clean refusal.
export function errorProblems(r: Reply): string[] {
  const out: string[] = [];
  if (r.status >= 500) out.push(`HTTP ${r.status}: ${r.text.slice(0, 400)}`);
  const e = errorOf(r);
  if (!e) return [...out, `not a tRPC error: ${r.text.slice(0, 200)}`];
  if (!e.message || e.message === "Internal error") out.push(`message: ${e.message}`);
  if (e.data.stack !== undefined || /\.ts:\d+|node_modules|at async /.test(r.text)) out.push("a stack trace reached the client");
  if (!e.data.appCode) out.push(`no appCode (${e.data.code}: ${e.message})`);
  if (e.data.appCode === "INVALID_INPUT") {
    if (e.data.zodIssues.length === 0) out.push(`INVALID_INPUT without a field: ${e.message}`);
    // The input as a whole may be the wrong thing ("expected object"): its path is the root.
    for (const i of e.data.zodIssues)
      if ((!i.path && !/expected object/.test(i.message)) || !i.message)
        out.push(`an issue without a field or message: ${JSON.stringify(i)}`);
  }
  return out;
}

let tablesCache: string[] | null = null;

/// Row counts of every table, and a digest of the contents of `tables` (the ones a procedure may change).
/// AuditLog is left out: every call writes its audit row, refused or not, by design.
export async function fingerprint(db: Db, tables: string[]): Promise<string> {
  const pool = pgPool(db);
  tablesCache ??= (
    await pool.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('AuditLog', '_prisma_migrations') ORDER BY 1`,
    )
  ).rows.map((r) => r.t);
  const counts = tablesCache.map((t) => `SELECT '${t}' AS t, count(*)::text AS v FROM "${t}"`);
  const digests = tables.map(
    (t) => `SELECT '${t}#' AS t, coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS v FROM "${t}" x`,
  );
  const r = await pool.query<{ t: string; v: string }>([...counts, ...digests].join(" UNION ALL "));
  return r.rows.map((x) => `${x.t}=${x.v}`).join(";");
}

/// Strings attackers and broken clients send: SQL, markup, template and path tricks, control and odd Unicode.
export const NASTY = [
  `'; DROP TABLE "Shipment"; --`,
  `" OR 1=1 --`,
  `1' OR '1'='1`,
  `admin'--`,
  `'); DELETE FROM "User" WHERE ('1'='1`,
  `<script>alert(1)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `javascript:alert(1)`,
  `{{7*7}}\${7*7}`,
  `../../../../etc/passwd`,
  `%00%27%22`,
  `\u0000`,
  `a\u0000b`,
  `\u202Egnp.exe`,
  `𠜎𠜱𡃁 😀 ｆｕｌｌ`,
  `\r\n\t`,
  ` `,
  "",
  "x".repeat(5000),
  `__proto__`,
  `constructor`,
  `NaN`,
  `null`,
];
