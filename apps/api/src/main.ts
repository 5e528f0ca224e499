// API process: start the server; on SIGTERM/SIGINT finish in-flight requests, then exit.
import { buildDeps, loadEnv } from "./deps.ts";
import { createLogger } from "./logger.ts";
import { buildServer } from "./server.ts";

const env = loadEnv();
const log = createLogger(env.LOG_LEVEL);
const deps = buildDeps(env, log);
const app = await buildServer(deps, { logger: log, secureCookies: env.PUBLIC_URL.startsWith("https:"), publicUrl: env.PUBLIC_URL });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, "shutting down: finishing in-flight requests");
  const force = setTimeout(() => process.exit(1), 25_000);
  force.unref();
  await app.close();
  await deps.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await app.listen({ host: env.API_HOST, port: env.API_PORT });
