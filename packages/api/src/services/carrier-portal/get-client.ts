// The organisation a portal user works for, as its header shows it.
import type { Db } from "@xiangda/db";
import type { TPortalClient } from "./client-scope.ts";

export async function getPortalClient(db: Db, { client }: { client: TPortalClient }) {
  const row = await db.apiClient.findUniqueOrThrow({
    where: { id: client.id },
    select: { id: true, name: true, kind: true, countyCode: true, carrierId: true, active: true },
  });
  const [carrier, county] = await Promise.all([
    row.carrierId ? db.carrier.findUnique({ where: { id: row.carrierId }, select: { code: true, name: true } }) : null,
    db.county.findUnique({ where: { code: row.countyCode }, select: { name: true } }),
  ]);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    countyCode: row.countyCode,
    countyName: county?.name ?? null,
    active: row.active,
    carrier,
  };
}
