// The Fastify host: tRPC at /trpc, /health, /ready, and the built web app.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyRequest } from "fastify";
import { appRouter, createContext, type AppRouter, type Deps, type RequestInfo } from "@xiangda/api";
import { checkReady } from "./ready.ts";
import { routeErrorHandler } from "./route-errors.ts";
import { registerCatalogRoutes } from "./catalog-routes.ts";
import { registerLabelRoutes } from "./labels-route.ts";
import { registerManifestRoutes } from "./manifest-route.ts";
import { registerQueueDashboard } from "./queue-dashboard.ts";
import { registerApiV1 } from "./api-v1/plugin.ts";
import { registerSmsReceiptRoutes } from "./sms-receipts-route.ts";
import { createLogger, type Logger } from "./logger.ts";
import { registerSecurityHeaders } from "./security-headers.ts";

export const SESSION_COOKIE = "xd_session";

export interface ServerOptions {
  /// A pino logger; request logs are its children. Defaults to a new one at "info".
  logger?: Logger;
  /// Serve this folder at / (the built web app); defaults to apps/web/dist when it exists.
  webDist?: string | null;
  secureCookies?: boolean;
  /// Public origin, for tracking links printed on labels.
  publicUrl?: string;
  /// Proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client: XD_TRUSTED_PROXIES. None by default,
  /// so the client's address is the socket's peer, whatever headers it sends.
  trustedProxies?: readonly string[];
  /// `/api/v1` calls per API key per minute (XD_API_RATE_PER_MINUTE); 600 when not given.
  apiRatePerMinute?: number;
  /// Webhooks may target loopback and private addresses (XD_WEBHOOK_ALLOW_PRIVATE); refused when not given.
  webhookAllowPrivate?: boolean;
  /// The secret the SMS providers' receipt callbacks carry in their url (XD_SMS_RECEIPT_TOKEN).
  smsReceiptToken?: string;
}

/// The X-Request-Id a client sent, when well-formed: logged and audited beside the server's own id, never instead.
function clientRequestId(req: { headers: FastifyRequest["headers"] }): string | null {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : null;
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h && /^Bearer\s+/i.test(h)) return h.replace(/^Bearer\s+/i, "").trim();
  return null;
}

export async function buildServer(deps: Deps, opts: ServerOptions = {}) {
  const app = Fastify({
    // pino's Logger and Fastify's logger type differ only in generics; one instance type for all routes.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: (opts.logger ?? createLogger("info")) as FastifyBaseLogger,
    // Our own id for every request: a client's X-Request-Id would let it name (or collide with) audit rows and job ids.
    genReqId: () => randomUUID(),
    childLoggerFactory: (logger, bindings, childOpts, rawReq) => {
      const given = clientRequestId(rawReq);
      return logger.child(given ? { ...bindings, clientRequestId: given } : bindings, childOpts);
    },
    // Product images come base64-encoded through tRPC: 5 MB of image is about 6.7 MB of body.
    bodyLimit: 8 * 1024 * 1024,
    trustProxy: opts.trustedProxies?.length ? [...opts.trustedProxies] : false,
    routerOptions: { maxParamLength: 5000 },
    // While shutting down, a request that still reaches us (sent before the signal, or on a kept-alive connection) is
    // answered, with `Connection: close`, rather than bounced with a 503: the listening socket is already closed, so
    // only connections we had can bring one, each at most once more.
    return503OnClosing: false,
  });
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, { https: (opts.publicUrl ?? "").startsWith("https:") });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  app.setErrorHandler(routeErrorHandler);
  // No procedure takes form data; tRPC's adapter would fail on it with a 500, so refuse it up front.
  app.addHook("onRequest", async (req, reply) => {
    if (req.url.startsWith("/trpc/") && /^multipart\//i.test(req.headers["content-type"] ?? "")) {
      const issue = { path: "content-type", message: "send application/json" };
      const data = { code: "UNSUPPORTED_MEDIA_TYPE", httpStatus: 415, appCode: "INVALID_INPUT", zodIssues: [issue], details: null };
      return reply.code(415).send({ error: { message: `${issue.path}: ${issue.message}`, code: -32015, data } });
    }
  });

  app.get("/health", async () => ({ status: "ok" }));
  app.get("/ready", async (_req, reply) => {
    const r = await checkReady(deps);
    return reply.code(r.ok ? 200 : 503).send(r);
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: async ({ req, res }) => {
        const info: RequestInfo = {
          requestId: String(req.id),
          clientRequestId: clientRequestId(req),
          ip: req.ip ?? null,
          userAgent: typeof req.headers["user-agent"] === "string" ? req.headers["user-agent"] : null,
          sessionToken: bearer(req) ?? req.cookies[SESSION_COOKIE] ?? null,
          setSessionCookie: (token, o) => {
            void res.setCookie(SESSION_COOKIE, token, {
              httpOnly: true,
              sameSite: "lax",
              secure: opts.secureCookies ?? false,
              path: "/",
              maxAge: o.maxAgeSeconds,
            });
          },
          clearSessionCookie: () => {
            void res.clearCookie(SESSION_COOKIE, { path: "/" });
          },
        };
        return createContext({ ...deps, log: req.log }, info);
      },
      onError: ({ error, path, ctx }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          (ctx?.log ?? app.log).error({ err: error.cause ?? error, path, requestId: ctx?.req.requestId }, "procedure failed");
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  registerLabelRoutes(app, deps, {
    publicUrl: opts.publicUrl ?? "http://127.0.0.1:4310",
    sessionToken: (req) => bearer(req) ?? req.cookies[SESSION_COOKIE] ?? null,
  });
  registerManifestRoutes(app, deps, { sessionToken: (req) => bearer(req) ?? req.cookies[SESSION_COOKIE] ?? null });
  registerCatalogRoutes(app, deps, {
    publicUrl: opts.publicUrl ?? "http://127.0.0.1:4310",
    sessionToken: (req) => bearer(req) ?? req.cookies[SESSION_COOKIE] ?? null,
  });
  await registerQueueDashboard(app, deps, { sessionToken: (req) => bearer(req) ?? req.cookies[SESSION_COOKIE] ?? null });
  await registerApiV1(app, deps, {
    publicUrl: opts.publicUrl ?? "http://127.0.0.1:4310",
    ratePerMinute: opts.apiRatePerMinute ?? 600,
    allowPrivateWebhooks: opts.webhookAllowPrivate ?? false,
  });
  registerSmsReceiptRoutes(app, deps, { token: opts.smsReceiptToken });

  const here = path.dirname(fileURLToPath(import.meta.url));
  const webDist = opts.webDist === undefined ? path.resolve(here, "../../web/dist") : opts.webDist;
  if (webDist && existsSync(path.join(webDist, "index.html"))) {
    // Source maps are not served, even when a build left some: they would publish the app's source.
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: "/",
      wildcard: true,
      allowedPath: (pathName) => !pathName.endsWith(".map"),
      // The build writes .br and .gz beside each file: sent to the browsers that take them, never compressed per request.
      preCompressed: true,
      setHeaders: (reply, filePath) => void reply.header("cache-control", staticCacheControl(filePath)),
    });
    // Client-side routes fall back to the app shell.
    app.setNotFoundHandler((req, reply) => {
      if (
        req.method === "GET" &&
        !req.url.startsWith("/trpc") &&
        !req.url.startsWith("/api/") &&
        req.headers.accept?.includes("text/html")
      ) {
        return reply.sendFile("index.html");
      }
      return reply.code(404).send({ error: "Not found" });
    });
  }
  return app;
}

/**
 * The build names its chunks by their content (`assets/dashboard-page-C-qSx246.js`): a name never gets other content,
 * so the browser keeps them a year without asking again; everything else (the app shell, which names the chunks) is
 * checked each time.
 */
export function staticCacheControl(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.[a-z0-9.]+$/i.test(filePath) ? "public, max-age=31536000, immutable" : "no-cache";
}
