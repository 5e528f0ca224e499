// Audit rows the caller may read: ADMIN all; a manager those of users in their county.
import type { Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";

export async function listAudit(db: Db, { actor, ...input }: { actor: Actor; limit: number; action?: string | undefined }) {
  const where =
    actor.role === "ADMIN"
      ? {}
      : {
          userId: {
            in: (await db.user.findMany({ where: { countyCode: actor.countyCode ?? "" }, select: { id: true } })).map((u) => u.id),
          },
        };
  const rows = await db.auditLog.findMany({
    where: { ...where, ...(input.action ? { action: input.action } : {}) },
    orderBy: { id: "desc" },
    take: input.limit,
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    username: r.username,
    role: r.role,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    errorCode: r.errorCode,
    requestId: r.requestId,
    clientRequestId: r.clientRequestId,
  }));
}
