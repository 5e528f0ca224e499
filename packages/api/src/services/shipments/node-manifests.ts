// The manifests a node received, and what each still expects: a station's manifest announces parcels, each received
// by its scan in; until then it is outstanding (status CREATED at the station).
import type { Db } from "@xiangda/db";
import { AppError, maskName, maskPhone } from "@xiangda/domain";

export interface NodeManifestRow {
  id: string;
  carrierCode: string;
  carrierName: string;
  fileName: string;
  rows: number;
  created: number;
  /// Parcels scanned in (or further along): every parcel of a hub manifest.
  received: number;
  outstanding: number;
  createdAt: Date;
}

export async function listNodeManifests(db: Db, { nodeId, limit }: { nodeId: string; limit: number }): Promise<NodeManifestRow[]> {
  return db.$queryRaw<NodeManifestRow[]>`
    SELECT m.id, c.code AS "carrierCode", c.name AS "carrierName", m."fileName", m.rows, m.created, m."createdAt",
           coalesce(x.received, 0)::int AS received, coalesce(x.outstanding, 0)::int AS outstanding
      FROM "ArrivalManifest" m
      JOIN "Carrier" c ON c.id = m."carrierId"
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE s.status <> 'CREATED') AS received,
               count(*) FILTER (WHERE s.status = 'CREATED') AS outstanding
          FROM "Shipment" s WHERE s."manifestId" = m.id
      ) x ON true
     WHERE m."nodeId" = ${nodeId}::uuid
     ORDER BY m."createdAt" DESC
     LIMIT ${limit}`;
}

/// A manifest's parcels at this node, outstanding first; recipients masked (the station needs the parcel, not the person).
export async function manifestParcels(db: Db, { nodeId, manifestId }: { nodeId: string; manifestId: string }) {
  const m = await db.arrivalManifest.findUnique({ where: { id: manifestId }, select: { nodeId: true } });
  if (!m || m.nodeId !== nodeId) throw AppError.at("manifestId", "NO_SUCH_MANIFEST");
  const rows = await db.shipment.findMany({
    where: { manifestId },
    select: {
      waybillNo: true,
      carrierWaybillNo: true,
      recipientName: true,
      recipientPhone: true,
      destAreaCode: true,
      status: true,
      light: true,
      promisedAt: true,
      destNodeId: true,
    },
    orderBy: { waybillNo: "asc" },
    take: 5000,
  });
  const areas = await db.adminArea.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.destAreaCode).filter((c): c is string => !!c))] } },
    select: { code: true, name: true },
  });
  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  const nodes = await db.node.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.destNodeId).filter((c): c is string => !!c))] } },
    select: { id: true, code: true, name: true },
  });
  const nodeBy = new Map(nodes.map((n) => [n.id, { code: n.code, name: n.name }]));
  return rows
    .map((r) => ({
      waybillNo: r.waybillNo,
      carrierWaybillNo: r.carrierWaybillNo,
      recipientName: maskName(r.recipientName),
      recipientPhone: maskPhone(r.recipientPhone),
      village: r.destAreaCode ? (areaName.get(r.destAreaCode) ?? r.destAreaCode) : null,
      destination: (r.destNodeId && nodeBy.get(r.destNodeId)) || null,
      status: r.status,
      light: r.light,
      promisedAt: r.promisedAt,
      outstanding: r.status === "CREATED",
    }))
    .sort((a, b) => Number(b.outstanding) - Number(a.outstanding));
}
