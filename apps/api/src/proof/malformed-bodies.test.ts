// Every procedure in the router (read from it, so a new one is covered without a change here) sent the bodies
// broken clients send: `null`, `[]`, `"x"`, `{}` and JSON cut short, anonymously and as ADMIN, mutations by POST
// and queries by GET ?input=. Never a 5xx; a refusal is clean (401 anonymous where a login is needed, else 400
// naming the field); every mutation attempt writes its one audit row under the request's id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@xiangda/api";
import { call, errorOf, errorProblems, startProof, type Proof, type Reply } from "./lib/http.ts";

// Typed as the nested router record, `_def.procedures` holds every procedure by its dotted path.
const flat = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: unknown[] } }>;
const PROCEDURES = Object.entries(flat)
  .filter(([, p]) => p._def.type !== "subscription")
  .map(([path, p]) => ({ path, mutation: p._def.type === "mutation", takesInput: p._def.inputs.length > 0 }));
const BODIES = ["null", "[]", '"x"', "{}", '{"broken'];

let p: Proof;
let adminToken: string;
beforeAll(async () => {
  p = await startProof();
  adminToken = p.tokens.admin;
}, 60_000);
afterAll(async () => p?.close());

async function send(path: string, mutation: boolean, raw: string, token: string | undefined): Promise<Reply & { requestId: string }> {
  const headers = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const r = mutation
    ? await p.app.inject({ method: "POST", url: `/trpc/${path}`, headers, payload: raw })
    : await p.app.inject({ method: "GET", url: `/trpc/${path}?input=${encodeURIComponent(raw)}`, headers });
  let body: unknown = null;
  try {
    body = JSON.parse(r.body);
  } catch {
    /* not JSON: errorProblems says so */
  }
  return { status: r.statusCode, body, text: r.body, requestId: String(r.headers["x-request-id"]) };
}

describe("malformed bodies to every procedure", () => {
  it("finds the router's procedures", () => {
    expect(PROCEDURES.length).toBeGreaterThan(90);
    expect(PROCEDURES.filter((x) => x.mutation).length).toBeGreaterThan(40);
  });

  for (const who of ["anonymous", "admin"] as const) {
    it(`answers ${who} callers with a clean 4xx, never a 5xx, and audits every mutation attempt`, async () => {
      const problems: string[] = [];
      for (const { path, mutation, takesInput } of PROCEDURES) {
        for (const raw of BODIES) {
          const r = await send(path, mutation, raw, who === "admin" ? adminToken : undefined);
          const at = `${mutation ? "POST" : "GET"} ${path} ${raw} as ${who} → ${r.status}`;
          const wrong = r.status >= 400 ? errorProblems(r) : [];
          if (takesInput && raw !== "{}") {
            // Not an object at all: refused for the input (or first for the missing login).
            const expected = who === "anonymous" ? [400, 401] : [400];
            if (!expected.includes(r.status)) wrong.push(`expected ${expected.join(" or ")}`);
            if (r.status === 400 && !errorOf(r)?.data.zodIssues.length) wrong.push("no field named");
          }
          if (mutation) {
            const rows = await p.h.deps.db.auditLog.findMany({ where: { requestId: r.requestId } });
            if (rows.length !== 1 || rows[0]?.action !== path) wrong.push(`${rows.length} audit rows`);
            else if ((r.status < 300) !== (rows[0].outcome === "OK")) wrong.push(`audit outcome ${rows[0].outcome}`);
          }
          if (wrong.length) problems.push(`${at}: ${wrong.join("; ")}`);
          // auth.logout and auth.logoutAll take no input, so they succeed and end the session: sign in again.
          if (who === "admin" && mutation && r.status < 300) {
            const login = await call(p.app, "auth.login", { username: "t_admin", password: p.w.password });
            adminToken = (login.body as { result: { data: { token: string } } }).result.data.token;
          }
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
