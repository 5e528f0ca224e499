// Errors outside tRPC (the PDF, image and queue routes, Fastify's own): Fastify's 4xx answers stand; the database
// being down is a 503 UNAVAILABLE saying so; anything else a bare 500, logged once: no internal messages reach clients.
// The REST routes answer a service's FORBIDDEN and NOT_FOUND themselves (replyAppError).
import { STATUS_CODES } from "node:http";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { toTRPCError } from "@xiangda/api";
import { errorText, isAppError, type ErrorParamsArg, type TErrorKey } from "@xiangda/domain";

export function routeErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode ?? 500;
  if (status < 500)
    return reply.code(status).send({ statusCode: status, code: err.code, error: STATUS_CODES[status] ?? "Error", message: err.message });
  const mapped = toTRPCError(err);
  if (mapped.code === "SERVICE_UNAVAILABLE") return reply.code(503).send({ error: mapped.message, appCode: "UNAVAILABLE", field: null });
  if (mapped.code === "BAD_REQUEST") return reply.code(400).send({ error: mapped.message, field: "input" });
  req.log.error({ err }, "request failed");
  return reply.code(500).send({ error: "Internal error", field: null });
}

const APP_ERROR_STATUS = { FORBIDDEN: 403, NOT_FOUND: 404 } as const;

/// A REST route's answer to what its service threw: FORBIDDEN and NOT_FOUND become 403 and 404 with the service's
/// message; anything else is rethrown, for routeErrorHandler.
export function replyAppError(reply: FastifyReply, e: unknown): FastifyReply {
  if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND"))
    return reply.code(APP_ERROR_STATUS[e.code]).send({ error: e.message, field: null });
  throw e;
}

/// A refusal in the error catalog's terms: the English sentence, and the key with its params the web translates.
export function keyedError<K extends TErrorKey>(key: K, ...[params]: ErrorParamsArg<K>) {
  const p = (params ?? {}) as Record<string, string | number>;
  return { error: errorText(key, p), key, params: p };
}
