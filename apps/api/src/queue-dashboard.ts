// /admin/queues: bull-board over every BullMQ queue (QUEUES, with the deployment's Redis prefix), for ADMIN
// only. The check runs on every request under the prefix: the page, its static assets and its API.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "@xiangda/api";
import { findActorBySessionToken } from "@xiangda/api/rest";
import { QUEUES } from "@xiangda/jobs";
import { routeErrorHandler } from "./route-errors.ts";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

export async function registerQueueDashboard(
  app: FastifyInstance,
  deps: Deps,
  opts: { sessionToken: (req: FastifyRequest) => string | null },
) {
  // Its own encapsulated scope: the hook below guards bull-board's routes and nothing else.
  await app.register(
    async (scope) => {
      scope.addHook("onRequest", async (req, reply) => {
        const token = opts.sessionToken(req);
        let found: Awaited<ReturnType<typeof findActorBySessionToken>> = null;
        try {
          found = token ? await findActorBySessionToken(deps.db, { token, now: deps.now() }) : null;
        } catch (e) {
          // bull-board's routes have an error handler of their own (a 500 with the message): answer as every route does.
          return routeErrorHandler(e as FastifyError, req, reply);
        }
        if (!found) return refuse(req, reply, 401);
        if (found.actor.role !== "ADMIN") return refuse(req, reply, 403);
      });
      // bull-board's page loads its typeface from Google Fonts: nothing of an admin's session goes elsewhere (and it
      // is out of reach from China anyway), and the Content-Security-Policy would refuse it, so the link is dropped
      // and the system font shows.
      scope.addHook("onSend", async (_req, reply, payload) => {
        if (typeof payload !== "string" || !/^text\/html/i.test(String(reply.getHeader("content-type") ?? ""))) return payload;
        return payload.replace(/<link[^>]*fonts\.googleapis\.com[^>]*>/gi, "");
      });
      const adapter = new FastifyAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
      createBullBoard({
        queues: QUEUES.map((name) => new BullMQAdapter(deps.queues.get(name))),
        serverAdapter: adapter,
        options: { uiConfig: { boardTitle: "乡达 Queues", hideDocsLink: true, miscLinks: [{ text: "乡达 Xiangda", url: "/county" }] } },
      });
      await scope.register(adapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}

const REFUSAL_TEXT = {
  zh: {
    401: { title: "请先登录", body: "队列监控需要管理员登录。", link: "登录", href: "/login" },
    403: { title: "无权访问", body: "队列监控仅对系统管理员开放。", link: "返回工作台", href: "/" },
  },
  en: {
    401: { title: "Please sign in", body: "The queue dashboard needs an administrator's session.", link: "Sign in", href: "/login" },
    403: { title: "Not allowed", body: "The queue dashboard is for administrators only.", link: "Back to the app", href: "/" },
  },
} as const;

/// The browser's language for a plain page: English only when the browser prefers it, Chinese otherwise (as the app).
export function preferredLang(acceptLanguage: string | undefined): "zh" | "en" {
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh";
}

/// A refusal: a page in the browser's language for a navigation (no raw JSON on screen), the API's JSON shape otherwise.
function refuse(req: FastifyRequest, reply: FastifyReply, status: 401 | 403) {
  if (!/text\/html/i.test(req.headers.accept ?? "")) {
    return reply.code(status).send({ error: status === 401 ? "Please sign in" : "This needs role ADMIN", field: null });
  }
  const lang = preferredLang(req.headers["accept-language"]);
  const t = REFUSAL_TEXT[lang][status];
  const html = `<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title} · 乡达</title><style>body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f4f6f8;color:#1d2a35}main{background:#fff;border-radius:10px;padding:28px 32px;box-shadow:0 1px 4px rgba(0,0,0,.08);max-width:420px}h1{font-size:20px;margin:0 0 8px}a{color:#0f6e8c}</style></head><body><main><h1 data-testid="queues-refused">${t.title}</h1><p>${t.body}</p><p><a href="${t.href}">${t.link}</a></p></main></body></html>`;
  return reply.code(status).header("content-type", "text/html; charset=utf-8").header("cache-control", "no-store").send(html);
}
