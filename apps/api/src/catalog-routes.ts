// GET /images/:key — product images by their random key (no sign-in: the key is the capability);
// GET /batches/:id/qr.pdf?count=N — an A4 sheet of N trace labels for the merchant, its manager or ADMIN.
import type { FastifyInstance } from "fastify";
import type { Deps } from "@xiangda/api";
import { batchForLabels, findImage, LABELS_PER_PAGE, MAX_QR_LABELS, renderQrSheet, storageOf, traceUrl } from "@xiangda/api/rest";
import { requireActor, type SessionTokenOf } from "./route-auth.ts";
import { replyAppError } from "./route-errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerCatalogRoutes(app: FastifyInstance, deps: Deps, opts: { publicUrl: string; sessionToken: SessionTokenOf }) {
  app.get<{ Params: { key: string } }>("/images/:key", async (req, reply) => {
    const image = await findImage(deps.db, { storage: storageOf(deps), key: req.params.key });
    if (!image) return reply.code(404).send({ error: "Not found", field: null });
    if (req.headers["if-none-match"] === image.etag) return reply.code(304).send();
    return (
      reply
        .header("content-type", image.contentType)
        .header("content-length", image.bytes.length)
        .header("etag", image.etag)
        // A key never changes its bytes; a removed image's key is never reused.
        .header("cache-control", "public, max-age=31536000, immutable")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'")
        .send(image.bytes)
    );
  });

  app.get<{ Params: { id: string }; Querystring: { count?: string } }>("/batches/:id/qr.pdf", async (req, reply) => {
    const actor = await requireActor({ deps, sessionToken: opts.sessionToken }, req, reply);
    if (!actor) return reply;
    if (!UUID.test(req.params.id)) return reply.code(400).send({ error: "id: must be a batch id", field: "id" });
    const raw = req.query.count ?? String(LABELS_PER_PAGE);
    const count = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (!(count >= 1 && count <= MAX_QR_LABELS))
      return reply.code(400).send({ error: `count: must be a whole number from 1 to ${MAX_QR_LABELS}`, field: "count" });
    try {
      const b = await batchForLabels(deps.db, { actor, batchId: req.params.id });
      const pdf = await renderQrSheet(
        {
          url: traceUrl(opts.publicUrl, b.traceCode),
          productName: b.productName,
          productSpec: b.productSpec,
          merchantName: b.merchantName,
          batchNo: b.batchNo,
          producedOn: b.producedOn,
          traceCode: b.traceCode,
        },
        count,
      );
      const safeNo = b.batchNo.replace(/[^A-Za-z0-9_.-]/g, "_");
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="trace-${safeNo}.pdf"`)
        .send(pdf);
    } catch (e) {
      return replyAppError(reply, e);
    }
  });
}
