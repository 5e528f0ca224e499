// The one error shape of `/api/v1`: RFC 9457 problem details (application/problem+json), with the catalog key of the
// message and, for bad input, every offending field in `issues` (`path` inside the request body, query or path).
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { errorText, isAppError, type FieldIssue, type TErrorKey } from "@xiangda/domain";

export const ZProblemSchema = z
  .object({
    type: z.string().describe("about:blank"),
    title: z.string().describe("The HTTP status's phrase."),
    status: z.number().int(),
    detail: z.string().describe("What went wrong, in English."),
    code: z.string().describe("INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, UNAVAILABLE …"),
    key: z.string().optional().describe("The message's key in the error catalog, for clients that show it in their own language."),
    issues: z.array(z.object({ path: z.string(), message: z.string(), key: z.string().optional() })).optional(),
    requestId: z.string().describe("Quote it when asking about a request (also the X-Request-Id header)."),
  })
  .meta({ id: "Problem" });
export type TProblem = z.infer<typeof ZProblemSchema>;

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

export const STATUS_OF_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

const plainIssue = (i: FieldIssue) => ({ path: i.path, message: i.message, ...(i.key ? { key: i.key } : {}) });

export function problemBody(
  status: number,
  p: { code: string; detail: string; key?: string | null | undefined; issues?: readonly FieldIssue[] | undefined; requestId: string },
): TProblem {
  return {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail: p.detail,
    code: p.code,
    ...(p.key ? { key: p.key } : {}),
    ...(p.issues?.length ? { issues: p.issues.map(plainIssue) } : {}),
    requestId: p.requestId,
  };
}

export function sendProblem(reply: FastifyReply, status: number, p: Parameters<typeof problemBody>[1]) {
  return reply.code(status).header("content-type", "application/problem+json; charset=utf-8").send(problemBody(status, p));
}

/// A refusal named by its catalog key.
export function keyedProblem<K extends TErrorKey>(
  reply: FastifyReply,
  status: number,
  code: string,
  key: K,
  params: Record<string, string | number> = {},
) {
  return sendProblem(reply, status, { code, key, detail: errorText(key, params), requestId: String(reply.request.id) });
}

/// What a service threw, as a problem; null when it is not an AppError (the caller logs it and answers 500).
export function appErrorProblem(reply: FastifyReply, e: unknown) {
  if (!isAppError(e)) return null;
  const status = STATUS_OF_CODE[e.code] ?? 400;
  return sendProblem(reply, status, {
    code: e.code,
    detail: e.message,
    key: e.key ?? null,
    issues: e.issues,
    requestId: String(reply.request.id),
  });
}
