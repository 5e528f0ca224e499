// GET /loads/:id/manifest.pdf (id or LD barcode) — a load's A4 manifest, for loads in the caller's scope.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "@xiangda/api";
import { getLoad, renderManifest, ZLoadRefSchema } from "@xiangda/api/rest";
import { requireActor, type SessionTokenOf } from "./route-auth.ts";
import { replyAppError } from "./route-errors.ts";

/// The PDF's language: `?lang=en` (the web app passes its language), else English only when the browser prefers it
/// over Chinese; Chinese by default.
export function manifestLang(req: FastifyRequest): "zh" | "en" {
  const q = (req.query as { lang?: unknown } | undefined)?.lang;
  if (q === "en" || q === "zh" || q === "zh-CN") return q === "en" ? "en" : "zh";
  const first =
    String(req.headers["accept-language"] ?? "")
      .split(",")[0]
      ?.trim()
      .toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh";
}

export function registerManifestRoutes(app: FastifyInstance, deps: Deps, opts: { sessionToken: SessionTokenOf }) {
  app.get<{ Params: { id: string } }>("/loads/:id/manifest.pdf", async (req, reply) => {
    const actor = await requireActor({ deps, sessionToken: opts.sessionToken }, req, reply);
    if (!actor) return reply;
    const raw = req.params.id.trim();
    const ref = ZLoadRefSchema.safeParse(/^ld/i.test(raw) ? { code: raw } : { id: raw });
    if (!ref.success) return reply.code(400).send({ error: "id: must be a load id or a load code (LD and 11 digits)", field: "id" });
    try {
      const load = await getLoad(deps.db, { actor, ...ref.data });
      const pdf = await renderManifest(load, manifestLang(req));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="manifest-${load.code}.pdf"`)
        .send(pdf);
    } catch (e) {
      return replyAppError(reply, e);
    }
  });
}
