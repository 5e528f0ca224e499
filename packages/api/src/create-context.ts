// Builds a request's context: resolves the session token to an actor.
import type { Context, Deps, RequestInfo } from "./context.ts";
import { findActorBySessionToken } from "./services/auth/sessions.ts";

export async function createContext(deps: Deps, req: RequestInfo): Promise<Context> {
  const found = req.sessionToken ? await findActorBySessionToken(deps.db, req.sessionToken, deps.now()) : null;
  return { ...deps, req, actor: found?.actor ?? null, sessionId: found?.sessionId ?? null };
}
