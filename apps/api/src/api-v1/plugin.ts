// The open platform's REST API at /api/v1: a bearer API key per organisation (scoped, rate-limited per key, every call
// audited with the key's id), inputs checked with the zod schemas the OpenAPI document at /api/v1/openapi.json is
// generated from, errors as RFC 9457 problem details, and readable docs at /api/docs.
import { createHash } from "node:crypto";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Deps } from "@xiangda/api";
import { authenticateApiKey, minuteLimitWait, recordAudit, zodIssues, type ApiCaller } from "@xiangda/api/rest";
import { isAppError, type FieldIssue } from "@xiangda/domain";
import type { ApiRoute } from "./define.ts";
import { EVENT_ROUTES } from "./event-routes.ts";
import { buildOpenApiDocument } from "./openapi.ts";
import { appErrorProblem, keyedProblem, sendProblem } from "./problem.ts";
import { SHIPMENT_ROUTES } from "./shipment-routes.ts";
import { WEBHOOK_ROUTES } from "./webhook-routes.ts";

export const API_V1_ROUTES: ApiRoute[] = [...SHIPMENT_ROUTES, ...EVENT_ROUTES, ...WEBHOOK_ROUTES];

export interface ApiV1Options {
  publicUrl: string;
  /// Calls per key per minute (XD_API_RATE_PER_MINUTE).
  ratePerMinute: number;
  /// Webhooks may target private and loopback addresses (XD_WEBHOOK_ALLOW_PRIVATE).
  allowPrivateWebhooks: boolean;
}

const IDEMPOTENCY_TTL_S = 24 * 3600;
const fastifyPath = (p: string) => p.replace(/\{(\w+)\}/g, ":$1");

export async function registerApiV1(app: FastifyInstance, deps: Deps, opts: ApiV1Options) {
  const routes = API_V1_ROUTES;
  const document = buildOpenApiDocument(routes, { publicUrl: opts.publicUrl });
  await app.register(
    async (api) => {
      api.setErrorHandler((err: FastifyError, req, reply) => fastifyProblem(err, req, reply));
      // An empty JSON body (a DELETE some clients send with the header) is no body, not an error; anything else goes to
      // Fastify's own parser (which refuses __proto__ and constructor keys).
      const json = api.getDefaultJsonParser("error", "error");
      api.removeContentTypeParser("application/json");
      api.addContentTypeParser("application/json", { parseAs: "string" }, (req, text, done) =>
        String(text).trim() === "" ? done(null, undefined) : json(req, String(text), done),
      );
      api.setNotFoundHandler((req, reply) => keyedProblem(reply, 404, "NOT_FOUND", "NOT_FOUND"));
      api.get("/openapi.json", async (_req, reply) => reply.header("cache-control", "no-cache").send(document));
      for (const route of routes)
        api.route({ method: route.method, url: fastifyPath(route.path), handler: (req, reply) => runRoute(route, req, reply, deps, opts) });
    },
    { prefix: "/api/v1" },
  );
  const { default: scalar } = await import("@scalar/fastify-api-reference");
  await app.register(scalar, { routePrefix: "/api/docs", configuration: { url: "/api/v1/openapi.json", title: "Xiangda API" } });
  app.addHook("onSend", async (req, reply, payload) => {
    if (req.url.startsWith("/api/docs") && typeof payload === "string") allowInlineScripts(reply, payload);
    return payload;
  });
}

/// The docs page starts its reader with an inline script: the page's policy allows exactly that script (by its hash),
/// nothing else inline.
function allowInlineScripts(reply: FastifyReply, html: string) {
  const csp = reply.getHeader("content-security-policy");
  if (typeof csp !== "string") return;
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`,
  );
  if (hashes.length) reply.header("content-security-policy", csp.replace(/script-src ([^;]*)/, `script-src $1 ${hashes.join(" ")}`));
}

/// Fastify's own refusals (a body that is not JSON, too large, of another type) in the same shape.
function fastifyProblem(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) req.log.error({ err }, "api v1 request failed");
  const invalidJson =
    err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || err instanceof SyntaxError;
  if (invalidJson) return keyedProblem(reply, 400, "INVALID_INPUT", "INVALID_JSON");
  return sendProblem(reply, status, {
    code: status === 500 ? "INTERNAL" : status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : status === 413 ? "TOO_LARGE" : "INVALID_INPUT",
    detail: status === 500 ? "Internal error" : err.message,
    requestId: String(req.id),
  });
}

function bearerKey(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return h && /^Bearer\s+/i.test(h) ? h.replace(/^Bearer\s+/i, "").trim() : null;
}

/// Each part of the request checked by its schema: every issue at once, under `params.`, `query.` or the body's path.
function parseParts(route: ApiRoute, req: FastifyRequest) {
  const issues: FieldIssue[] = [];
  const part = (schema: z.ZodType | undefined, value: unknown, prefix: string) => {
    if (!schema) return value;
    const r = schema.safeParse(value ?? {});
    if (r.success) return r.data;
    issues.push(...zodIssues(r.error).map((i) => ({ ...i, path: prefix + i.path })));
    return undefined;
  };
  const params = part(route.params, req.params, "");
  const query = part(route.query, req.query, "");
  const body = part(route.body, req.body, "");
  return { issues, params, query, body };
}

async function runRoute(route: ApiRoute, req: FastifyRequest, reply: FastifyReply, deps: Deps, opts: ApiV1Options) {
  const key = bearerKey(req);
  if (!key) return keyedProblem(reply.header("www-authenticate", "Bearer"), 401, "UNAUTHENTICATED", "API_KEY_MISSING");
  const caller = await authenticateApiKey(deps.db, { key, now: deps.now() });
  if (!caller)
    return keyedProblem(reply.header("www-authenticate", 'Bearer error="invalid_token"'), 401, "UNAUTHENTICATED", "API_KEY_INVALID");
  if (!caller.scopes.includes(route.scope)) return keyedProblem(reply, 403, "FORBIDDEN", "API_SCOPE_MISSING", { scope: route.scope });
  const wait = await minuteLimitWait(deps, { bucket: "api-v1", subject: caller.keyId, perMinute: opts.ratePerMinute });
  if (wait !== null)
    return keyedProblem(reply.header("retry-after", String(wait)), 429, "RATE_LIMITED", "API_RATE_LIMITED", { seconds: wait });

  let outcome: { ok: boolean; code: string | null } = { ok: true, code: null };
  const parts = parseParts(route, req);
  try {
    if (parts.issues.length) {
      outcome = { ok: false, code: "INVALID_INPUT" };
      return sendProblem(reply, 400, {
        code: "INVALID_INPUT",
        detail: parts.issues.map((i) => `${i.path}: ${i.message}`).join("; "),
        issues: parts.issues,
        requestId: String(req.id),
      });
    }
    const idem = route.idempotent ? await idempotency(deps, caller, req, reply) : {};
    if (idem.sent) return idem.sent;
    const r = await route.handler({
      caller,
      deps,
      params: parts.params,
      query: parts.query,
      body: parts.body,
      req,
      reply,
      publicUrl: opts.publicUrl,
      allowPrivateWebhooks: opts.allowPrivateWebhooks,
    });
    // A route that answered itself (the label's PDF) returns the reply.
    if (reply.sent || !("body" in r)) return reply;
    const answer = r;
    await idem.store?.(answer.status ?? 200, answer.body);
    return reply
      .code(answer.status ?? 200)
      .header("cache-control", "no-store")
      .send(answer.body);
  } catch (e) {
    const sent = appErrorProblem(reply, e);
    outcome = { ok: false, code: isAppError(e) ? e.code : "INTERNAL" };
    if (sent) return sent;
    req.log.error({ err: e, route: route.operationId }, "api v1 route failed");
    return sendProblem(reply, 500, { code: "INTERNAL", detail: "Internal error", requestId: String(req.id) });
  } finally {
    await audit(deps, req, route, caller, parts, outcome);
  }
}

/// One audit row per call, naming the key (its id and prefix) and the organisation.
async function audit(
  deps: Deps,
  req: FastifyRequest,
  route: ApiRoute,
  caller: ApiCaller,
  parts: ReturnType<typeof parseParts>,
  outcome: { ok: boolean; code: string | null },
) {
  const body = parts.body as { parcels?: unknown[] } | undefined;
  try {
    await recordAudit(deps.db, {
      actor: null,
      caller: `api-key:${caller.keyPrefix}`,
      action: `api.v1.${route.operationId}`,
      target:
        (parts.params as { waybillNo?: string; id?: string } | undefined)?.waybillNo ??
        (parts.params as { id?: string } | undefined)?.id ??
        null,
      outcome: outcome.ok ? "OK" : "ERROR",
      errorCode: outcome.code,
      requestId: String(req.id),
      ip: req.ip ?? null,
      input: {
        keyId: caller.keyId,
        clientId: caller.clientId,
        method: route.method,
        query: parts.query ?? null,
        ...(body?.parcels ? { parcels: body.parcels.length } : {}),
      },
    });
  } catch (e) {
    req.log.warn({ err: String(e) }, "api v1 audit row not written");
  }
}

/// An Idempotency-Key replays the first answer to the same request (same body) for 24 hours; the same key with another
/// body is refused. Redis down: the request runs (writes stay idempotent by their natural keys).
async function idempotency(
  deps: Deps,
  caller: ApiCaller,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<{ sent?: FastifyReply; store?: (status: number, body: unknown) => Promise<void> }> {
  const given = req.headers["idempotency-key"];
  if (given === undefined) return {};
  if (typeof given !== "string" || !/^[\x21-\x7e]{1,200}$/.test(given))
    return { sent: keyedProblem(reply, 400, "INVALID_INPUT", "IDEMPOTENCY_KEY_BAD") };
  const key = `${deps.redisPrefix}:idem:${caller.clientId}:${createHash("sha256").update(given).digest("hex")}`;
  const fingerprint = createHash("sha256")
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
    .digest("hex");
  let stored: string | null = null;
  try {
    stored = await deps.redis.get(key);
  } catch (e) {
    req.log.warn({ err: String(e) }, "idempotency store unavailable (Redis down): request runs");
    return {};
  }
  if (stored) {
    const s = JSON.parse(stored) as { fingerprint: string; status: number; body: unknown };
    if (s.fingerprint !== fingerprint) return { sent: keyedProblem(reply, 422, "CONFLICT", "IDEMPOTENCY_KEY_REUSED") };
    return { sent: reply.code(s.status).header("idempotent-replayed", "true").header("cache-control", "no-store").send(s.body) };
  }
  return {
    store: async (status: number, body: unknown) => {
      try {
        await deps.redis.set(key, JSON.stringify({ fingerprint, status, body }), "EX", IDEMPOTENCY_TTL_S);
      } catch (e) {
        req.log.warn({ err: String(e) }, "idempotency answer not stored (Redis down)");
      }
    },
  };
}
