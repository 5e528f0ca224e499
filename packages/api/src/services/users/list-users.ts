// Users visible to the caller: ADMIN all (optionally one county), a manager their county's.
import type { Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";
import { assertCountyAccess } from "../auth/scope.ts";

export async function listUsers(db: Db, actor: Actor, input: { countyCode?: string | undefined }) {
  const countyCode = actor.role === "ADMIN" ? input.countyCode : (input.countyCode ?? actor.countyCode ?? "");
  if (countyCode !== undefined) assertCountyAccess(actor, countyCode);
  const users = await db.user.findMany({
    where: countyCode !== undefined ? { countyCode } : {},
    orderBy: { username: "asc" },
    take: 1000,
  });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    countyCode: u.countyCode,
    nodeId: u.nodeId,
    merchantId: u.merchantId,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  }));
}
