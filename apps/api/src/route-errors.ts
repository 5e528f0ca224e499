// Errors outside tRPC (the PDF, image and queue routes, Fastify's own): Fastify's 4xx answers stand; the database
// being down is a 503 UNAVAILABLE saying so; anything else a bare 500, logged once: no internal messages reach clients.
import { STATUS_CODES } from "node:http";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { toTRPCError } from "@xiangda/api";

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
