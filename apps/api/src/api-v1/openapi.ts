// The OpenAPI 3.1 document of /api/v1, generated (zod-openapi) from the very schemas the routes validate with, with the
// webhooks' requests in its `webhooks` section.
import { type z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { API_SCOPES, STANDARD_EVENTS, WEBHOOK_EVENT_TYPES } from "@xiangda/domain";
import type { ApiRoute } from "./define.ts";
import { ZApiEventSchema } from "./event-routes.ts";
import { ZProblemSchema } from "./problem.ts";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ZProblemSchema } } });

const COMMON_ERRORS = {
  400: problem("Bad input: `issues` names every field at fault."),
  401: problem("No key, or an unknown, revoked or expired one."),
  403: problem("The key lacks the route's scope."),
  429: problem("Over the key's calls per minute: retry after `Retry-After` seconds."),
};

function operation(r: ApiRoute): ZodOpenApiOperationObject {
  const ok = Object.fromEntries(
    Object.entries(r.responses).map(([status, d]) => [
      status,
      { description: d.description, content: { [d.contentType ?? "application/json"]: d.schema ? { schema: d.schema } : {} } },
    ]),
  );
  const body = r.bodyDoc ?? r.body;
  return {
    operationId: r.operationId,
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    tags: [r.tag],
    security: [{ apiKey: [] }],
    "x-scope": r.scope,
    ...(r.params || r.query
      ? { requestParams: { ...(r.params ? { path: r.params as z.ZodObject } : {}), ...(r.query ? { query: r.query as z.ZodObject } : {}) } }
      : {}),
    ...(r.idempotent
      ? {
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "Replays the first answer for 24 h.",
              schema: { type: "string", maxLength: 200 },
            },
          ],
        }
      : {}),
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: body } } } } : {}),
    responses: { ...ok, ...COMMON_ERRORS, ...(r.params ? { 404: problem("Not one of your parcels (or no such one).") } : {}) },
  };
}

const EVENT_TABLE = [
  "| code | webhook type | 中文 | English | Cainiao | Kuaidi100 |",
  "|---|---|---|---|---|---|",
  ...STANDARD_EVENTS.map((e) => `| ${e.code} | ${e.type} | ${e.zh} | ${e.en} | ${e.cainiao} | ${e.kuaidi100} |`),
].join("\n");

export function buildOpenApiDocument(routes: ApiRoute[], opts: { publicUrl: string }) {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of routes) paths[`/api/v1${r.path}`] = { ...paths[`/api/v1${r.path}`], [r.method.toLowerCase()]: operation(r) };
  const webhooks = Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: `${type}: POSTed to your webhook's url`,
          description:
            'Signed: `X-Xiangda-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; `X-Xiangda-Event-Id` is the event\'s id (the same on a retry: deduplicate on it). Answer 2xx within 10 s.',
          requestBody: { content: { "application/json": { schema: ZApiEventSchema } } },
          responses: { 200: { description: "Received." } },
        },
      },
    ]),
  );
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Xiangda open platform API",
      version: "1",
      description: `The county co-delivery network's interface for carriers and e-commerce platforms: pre-advice in, events out (feed and signed webhooks).\n\nAuthenticate with \`Authorization: Bearer <key>\`; scopes: ${API_SCOPES.join(", ")}. Errors are RFC 9457 problem details.\n\n### Standard events\n\n${EVENT_TABLE}`,
    },
    servers: [{ url: opts.publicUrl }],
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "xdk_… API key" } } },
    paths,
    webhooks,
  });
}
