// The session check of the REST routes beside tRPC (labels, manifests, QR sheets): the session cookie or a bearer
// token → the signed-in actor, or a 401 in the route's own shape.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "@xiangda/api";
import { findActorBySessionToken } from "@xiangda/api/rest";
import type { Actor } from "@xiangda/domain";

/// The session token a request carries (server.ts reads the bearer header, then the session cookie).
export type SessionTokenOf = (req: FastifyRequest) => string | null;

/// The 401 of the manifest and QR-sheet routes; the label routes answer in the error catalog's shape instead.
export const SIGN_IN_BODY = { error: "Please sign in", field: null } as const;

/// The signed-in actor, or null once a 401 with `unauthorized` as its body has been sent.
export async function requireActor(
  auth: { deps: Deps; sessionToken: SessionTokenOf },
  req: FastifyRequest,
  reply: FastifyReply,
  unauthorized: object = SIGN_IN_BODY,
): Promise<Actor | null> {
  const token = auth.sessionToken(req);
  const found = token ? await findActorBySessionToken(auth.deps.db, { token, now: auth.deps.now() }) : null;
  if (found) return found.actor;
  await reply.code(401).send(unauthorized);
  return null;
}
