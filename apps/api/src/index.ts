// apps/api as a library for tests and scripts: build the server without listening.
export { buildServer, SESSION_COOKIE, type ServerOptions } from "./server.ts";
export { buildDeps } from "./deps.ts";
export { checkReady } from "./ready.ts";
