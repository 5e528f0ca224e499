// One `/api/v1` route: its method and path, the scope a key needs, the zod schemas of its path, query and body (what
// the route validates with, and what the OpenAPI document is generated from) and of its answers.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Deps } from "@xiangda/api";
import type { ApiCaller } from "@xiangda/api/rest";
import type { TApiScope } from "@xiangda/domain";

export interface ApiContext<P, Q, B> {
  caller: ApiCaller;
  deps: Deps;
  params: P;
  query: Q;
  body: B;
  req: FastifyRequest;
  reply: FastifyReply;
  /// The public origin (links printed on labels).
  publicUrl: string;
  /// Webhooks may target private and loopback addresses (XD_WEBHOOK_ALLOW_PRIVATE).
  allowPrivateWebhooks: boolean;
}

export interface ApiResponseDoc {
  description: string;
  schema?: z.ZodType;
  /// application/json unless given (the label is application/pdf).
  contentType?: string;
}

export interface ApiRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: "GET" | "POST" | "DELETE";
  /// OpenAPI style: `/shipments/{waybillNo}`.
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Shipments" | "Events" | "Webhooks";
  scope: TApiScope;
  params?: P;
  query?: Q;
  /// What the request body is validated with; `bodyDoc` documents it when the route checks its items one by one.
  body?: B;
  bodyDoc?: z.ZodType;
  /// Writes that may be retried with an Idempotency-Key header (its first answer is replayed).
  idempotent?: boolean;
  responses: Record<number, ApiResponseDoc>;
  handler(ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<{ status?: number; body: unknown } | FastifyReply>;
}

/// Keeps each route's schema types for its handler.
export const defineRoute = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(r: ApiRoute<P, Q, B>) =>
  r as unknown as ApiRoute;
