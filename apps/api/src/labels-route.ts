// GET /labels.pdf?waybills=XD…,XD…&size=100x150|76x130 — batch e-waybill labels for the caller's scope.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "@xiangda/api";
import { findActorBySessionToken } from "@xiangda/api/services/auth/sessions";
import { labelData } from "@xiangda/api/services/labels/label-data";
import { LABEL_SIZES, renderLabels, type TLabelSize } from "@xiangda/api/services/labels/render-labels";

export function registerLabelRoutes(app: FastifyInstance, deps: Deps, opts: { publicUrl: string; sessionToken: (req: FastifyRequest) => string | null }) {
  app.get("/labels.pdf", async (req, reply) => {
    const q = req.query as { waybills?: string; size?: string };
    const token = opts.sessionToken(req);
    const found = token ? await findActorBySessionToken(deps.db, token, deps.now()) : null;
    if (!found) return reply.code(401).send({ error: "Please sign in", field: null });
    const size = (q.size ?? "100x150") as TLabelSize;
    if (!(size in LABEL_SIZES)) return reply.code(400).send({ error: `size: must be one of ${Object.keys(LABEL_SIZES).join(", ")}`, field: "size" });
    const waybills = [...new Set((q.waybills ?? "").split(",").map((w) => w.trim().toUpperCase()).filter(Boolean))];
    if (waybills.length === 0 || waybills.length > 500) return reply.code(400).send({ error: "waybills: give 1 to 500 waybill numbers, comma-separated", field: "waybills" });
    const ships = await deps.db.shipment.findMany({ where: { waybillNo: { in: waybills } }, select: { id: true, waybillNo: true, countyCode: true, originNodeId: true, currentNodeId: true, destNodeId: true } });
    const a = found.actor;
    const mayPrint = (s: (typeof ships)[number]) =>
      a.role === "ADMIN" ||
      (a.role === "COUNTY_MANAGER" && a.countyCode === s.countyCode) ||
      (a.role === "STATION_STAFF" && !!a.nodeId && [s.originNodeId, s.currentNodeId, s.destNodeId].includes(a.nodeId));
    const missing = waybills.filter((w) => !ships.some((s) => s.waybillNo === w && mayPrint(s)));
    if (missing.length) return reply.code(404).send({ error: `waybills: not found or not yours: ${missing.slice(0, 20).join(", ")}`, field: "waybills" });
    const order = new Map(waybills.map((w, i) => [w, i]));
    const ids = [...ships].sort((x, y) => order.get(x.waybillNo)! - order.get(y.waybillNo)!).map((s) => s.id);
    const pdf = await renderLabels(await labelData(deps.db, ids, opts.publicUrl), size);
    return reply.header("content-type", "application/pdf").header("content-disposition", `inline; filename="labels-${size}.pdf"`).send(pdf);
  });
}
