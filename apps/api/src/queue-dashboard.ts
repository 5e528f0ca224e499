// /admin/queues: bull-board over every BullMQ queue (QUEUES, with the deployment's Redis prefix), for ADMIN
// only. The check runs on every request under the prefix: the page, its static assets and its API.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "@xiangda/api";
import { findActorBySessionToken } from "@xiangda/api/services/auth/sessions";
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
          found = token ? await findActorBySessionToken(deps.db, token, deps.now()) : null;
        } catch (e) {
          // bull-board's routes have an error handler of their own (a 500 with the message): answer as every route does.
          return routeErrorHandler(e as FastifyError, req, reply);
        }
        if (!found) return reply.code(401).send({ error: "Please sign in", field: null });
        if (found.actor.role !== "ADMIN") return reply.code(403).send({ error: "This needs role ADMIN", field: null });
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
