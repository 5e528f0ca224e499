// Builds a request's context: resolves the session token to an actor.
import type { Context, Deps, RequestInfo } from "./context.ts";
import { toTRPCError } from "./errors.ts";
import { findActorBySessionToken } from "./services/auth/sessions.ts";

export async function createContext(deps: Deps, req: RequestInfo): Promise<Context> {
  let found: Awaited<ReturnType<typeof findActorBySessionToken>> = null;
  try {
    found = req.sessionToken ? await findActorBySessionToken(deps.db, { token: req.sessionToken, now: deps.now() }) : null;
  } catch (e) {
    // Runs before any procedure middleware: map here too, so a database outage is a 503 UNAVAILABLE, not a 500.
    throw toTRPCError(e);
  }
  return { ...deps, req, actor: found?.actor ?? null, sessionId: found?.sessionId ?? null };
}
