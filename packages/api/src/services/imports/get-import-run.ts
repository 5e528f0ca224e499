// One import run of a county, as its progress is polled (NOT_FOUND for another county's run).
import type { Db } from "@xiangda/db";
import { AppError } from "@xiangda/domain";

export async function getImportRun(db: Db, input: { countyCode: string; importId: string }) {
  const r = await db.importRun.findFirst({ where: { id: input.importId, countyCode: input.countyCode } });
  if (!r) throw AppError.notFound("No such import in this county");
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    total: r.total,
    done: r.done,
    errors: (r.errors ?? []) as { row: number; column: string; message: string }[],
    summary: (r.summary ?? null) as Record<string, unknown> | null,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
