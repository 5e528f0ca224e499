// Batch e-waybill labels for the caller's scope, by our waybill number or the carrier's:
//   GET /labels/check?waybills=…   → JSON { printable: [{ requested, waybillNo }], refused: [{ requested, reason }] }
//   GET /labels.pdf?waybills=…&size=100x150|76x130 → the PDF of the printable ones; the refused ones are listed,
//     comma-separated, in the X-Labels-Refused header. Only when none is printable: 404 JSON with `refused`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "@xiangda/api";
import type { Actor } from "@xiangda/domain";
import { LABEL_SIZES, labelData, parseLabelNumbers, renderLabels, resolveLabelNumbers, type TLabelSize } from "@xiangda/api/rest";
import { requireActor, type SessionTokenOf } from "./route-auth.ts";
import { keyedError } from "./route-errors.ts";

export const LABELS_REFUSED_HEADER = "x-labels-refused";

export function registerLabelRoutes(app: FastifyInstance, deps: Deps, opts: { publicUrl: string; sessionToken: SessionTokenOf }) {
  /// The signed-in actor and the requested numbers, or the reply already sent.
  async function prepare(req: FastifyRequest, reply: FastifyReply): Promise<{ actor: Actor; numbers: string[] } | null> {
    const q = req.query as { waybills?: string };
    const actor = await requireActor({ deps, sessionToken: opts.sessionToken }, req, reply, {
      ...keyedError("SIGN_IN_PLEASE"),
      code: "UNAUTHORIZED",
      field: null,
    });
    if (!actor) return null;
    const numbers = parseLabelNumbers(q.waybills);
    if (numbers.length === 0 || numbers.length > 500) {
      await reply.code(400).send({ ...keyedError("LABELS_COUNT", { max: 500 }), code: "LABELS_COUNT", field: "waybills" });
      return null;
    }
    return { actor, numbers };
  }

  app.get("/labels/check", async (req, reply) => {
    const p = await prepare(req, reply);
    if (!p) return reply;
    const r = await resolveLabelNumbers(deps.db, { actor: p.actor, requested: p.numbers });
    return reply.header("cache-control", "no-store").send({
      printable: r.printable.map(({ requested, waybillNo }) => ({ requested, waybillNo })),
      refused: r.refused,
    });
  });

  app.get("/labels.pdf", async (req, reply) => {
    const size = ((req.query as { size?: string }).size ?? "100x150") as TLabelSize;
    if (!(size in LABEL_SIZES))
      return reply
        .code(400)
        .send({ ...keyedError("LABELS_SIZE", { sizes: Object.keys(LABEL_SIZES).join(", ") }), code: "LABELS_SIZE", field: "size" });
    const p = await prepare(req, reply);
    if (!p) return reply;
    const r = await resolveLabelNumbers(deps.db, { actor: p.actor, requested: p.numbers });
    const refused = r.refused.map((x) => x.requested);
    if (r.printable.length === 0)
      return reply.code(404).send({
        ...keyedError("LABELS_NONE", { waybills: refused.slice(0, 20).join(", ") }),
        code: "LABELS_NONE",
        field: "waybills",
        refused,
      });
    const pdf = await renderLabels(
      await labelData(deps.db, { shipmentIds: r.printable.map((x) => x.id), publicUrl: opts.publicUrl }),
      size,
    );
    // Percent-encoded: a header carries only ASCII, whatever a client typed.
    if (refused.length) reply.header(LABELS_REFUSED_HEADER, refused.map(encodeURIComponent).join(","));
    return reply.header("content-type", "application/pdf").header("content-disposition", `inline; filename="labels-${size}.pdf"`).send(pdf);
  });
}
