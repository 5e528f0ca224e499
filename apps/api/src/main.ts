// API process: start the server; on SIGTERM/SIGINT finish in-flight requests, then exit.
import { loadEnvOrExit } from "@xiangda/config";
import { warmScanPath } from "@xiangda/api";
import { buildDeps } from "./deps.ts";
import { createLogger } from "./logger.ts";
import { buildServer } from "./server.ts";

const env = loadEnvOrExit();
const log = createLogger(env.LOG_LEVEL);
const deps = buildDeps(env, log);
const app = await buildServer(deps, {
  logger: log,
  secureCookies: env.PUBLIC_URL.startsWith("https:"),
  publicUrl: env.PUBLIC_URL,
  trustedProxies: env.XD_TRUSTED_PROXIES,
  apiRatePerMinute: env.XD_API_RATE_PER_MINUTE,
  webhookAllowPrivate: env.XD_WEBHOOK_ALLOW_PRIVATE,
  smsReceiptToken: env.XD_SMS_RECEIPT_TOKEN,
  ...(env.XD_WEB_DIST ? { webDist: env.XD_WEB_DIST } : {}),
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, "shutting down: finishing in-flight requests");
  const force = setTimeout(() => process.exit(1), 25_000);
  force.unref();
  // Closing drops connections with no request in progress, and a request a client has already sent is not "in
  // progress" until the event loop has read it (it may be busy, e.g. drawing a label sheet): let one pass read them.
  await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setImmediate(r));
  // A connection whose request finishes after this point stays open for keep-alive, and the clients keep it (the
  // server offers 72 s): close each as soon as it goes idle, or closing waits for them.
  const idle = setInterval(() => app.server.closeIdleConnections(), 100);
  await app.close();
  clearInterval(idle);
  await deps.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await app.listen({ host: env.API_HOST, port: env.API_PORT });
// The scan path's connections and statements, ready before the first scan (issue #17; scan.today warms them again).
warmScanPath(deps.db).catch((e: unknown) => log.warn({ err: e }, "warming the scan path failed"));
