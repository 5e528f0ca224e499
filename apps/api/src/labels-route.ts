// Batch e-waybill labels for the caller's scope, by our waybill number or the carrier's:
//   GET /labels/check?waybills=…   → JSON { printable: [{ requested, waybillNo }], refused: [{ requested, reason }] }
//   GET /labels.pdf?waybills=…&size=100x150|76x130 → the PDF of the printable ones; the refused ones are listed,
//     comma-separated, in the X-Labels-Refused header. Only when none is printable: 404 JSON with `refused`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "@xiangda/api";
import { errorText, type Actor, type ErrorParamsArg, type TErrorKey } from "@xiangda/domain";
import { findActorBySessionToken } from "@xiangda/api/services/auth/sessions";
import { labelData } from "@xiangda/api/services/labels/label-data";
import { parseLabelNumbers, resolveLabelNumbers } from "@xiangda/api/services/labels/resolve-labels";
import { LABEL_SIZES, renderLabels, type TLabelSize } from "@xiangda/api/services/labels/render-labels";

/// A refusal as the API's error catalog has it: the English sentence, and the key with its params the web translates.
function said<K extends TErrorKey>(key: K, ...[params]: ErrorParamsArg<K>) {
  const p = (params ?? {}) as Record<string, string | number>;
  return { error: errorText(key, p), key, params: p };
}

export const LABELS_REFUSED_HEADER = "x-labels-refused";

export function registerLabelRoutes(
  app: FastifyInstance,
  deps: Deps,
  opts: { publicUrl: string; sessionToken: (req: FastifyRequest) => string | null },
) {
  /// The signed-in actor and the requested numbers, or the reply already sent.
  async function prepare(req: FastifyRequest, reply: FastifyReply): Promise<{ actor: Actor; numbers: string[] } | null> {
    const q = req.query as { waybills?: string };
    const token = opts.sessionToken(req);
    const found = token ? await findActorBySessionToken(deps.db, token, deps.now()) : null;
    if (!found) {
      await reply.code(401).send({ ...said("SIGN_IN_PLEASE"), code: "UNAUTHORIZED", field: null });
      return null;
    }
    const numbers = parseLabelNumbers(q.waybills);
    if (numbers.length === 0 || numbers.length > 500) {
      await reply
        .code(400)
        .send({ ...said("LABELS_COUNT", { max: 500 }), code: "LABELS_COUNT", field: "waybills" });
      return null;
    }
    return { actor: found.actor, numbers };
  }

  app.get("/labels/check", async (req, reply) => {
    const p = await prepare(req, reply);
    if (!p) return reply;
    const r = await resolveLabelNumbers(deps.db, p.actor, p.numbers);
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
        .send({ ...said("LABELS_SIZE", { sizes: Object.keys(LABEL_SIZES).join(", ") }), code: "LABELS_SIZE", field: "size" });
    const p = await prepare(req, reply);
    if (!p) return reply;
    const r = await resolveLabelNumbers(deps.db, p.actor, p.numbers);
    const refused = r.refused.map((x) => x.requested);
    if (r.printable.length === 0)
      return reply.code(404).send({
        ...said("LABELS_NONE", { waybills: refused.slice(0, 20).join(", ") }),
        code: "LABELS_NONE",
        field: "waybills",
        refused,
      });
    const pdf = await renderLabels(
      await labelData(
        deps.db,
        r.printable.map((x) => x.id),
        opts.publicUrl,
      ),
      size,
    );
    // Percent-encoded: a header carries only ASCII, whatever a client typed.
    if (refused.length) reply.header(LABELS_REFUSED_HEADER, refused.map(encodeURIComponent).join(","));
    return reply.header("content-type", "application/pdf").header("content-disposition", `inline; filename="labels-${size}.pdf"`).send(pdf);
  });
}
