// GET /loads/:id/manifest.pdf (id or LD barcode) — a load's A4 manifest, for loads in the caller's scope.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "@xiangda/api";
import { findActorBySessionToken } from "@xiangda/api/services/auth/sessions";
import { getLoad } from "@xiangda/api/services/loads/get-load";
import { renderManifest } from "@xiangda/api/services/loads/render-manifest";
import { ZLoadRefSchema } from "@xiangda/api/services/loads/schemas";
import { isAppError } from "@xiangda/domain";

const STATUS = { FORBIDDEN: 403, NOT_FOUND: 404 } as const;

/// The PDF's language: `?lang=en` (the web app passes its language), else English only when the browser prefers it
/// over Chinese; Chinese by default.
export function manifestLang(req: FastifyRequest): "zh" | "en" {
  const q = (req.query as { lang?: unknown } | undefined)?.lang;
  if (q === "en" || q === "zh" || q === "zh-CN") return q === "en" ? "en" : "zh";
  const first = String(req.headers["accept-language"] ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh";
}

export function registerManifestRoutes(app: FastifyInstance, deps: Deps, opts: { sessionToken: (req: FastifyRequest) => string | null }) {
  app.get<{ Params: { id: string } }>("/loads/:id/manifest.pdf", async (req, reply) => {
    const token = opts.sessionToken(req);
    const found = token ? await findActorBySessionToken(deps.db, token, deps.now()) : null;
    if (!found) return reply.code(401).send({ error: "Please sign in", field: null });
    const raw = req.params.id.trim();
    const ref = ZLoadRefSchema.safeParse(/^ld/i.test(raw) ? { code: raw } : { id: raw });
    if (!ref.success) return reply.code(400).send({ error: "id: must be a load id or a load code (LD and 11 digits)", field: "id" });
    try {
      const load = await getLoad(deps.db, found.actor, ref.data);
      const pdf = await renderManifest(load, manifestLang(req));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="manifest-${load.code}.pdf"`)
        .send(pdf);
    } catch (e) {
      if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND"))
        return reply.code(STATUS[e.code]).send({ error: e.message, field: null });
      throw e;
    }
  });
}
