// Users visible to the caller: ADMIN all (optionally one county), a manager their county's.
import type { Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";
import { assertCountyAccess } from "../auth/scope.ts";
import { mayManageUser } from "./manage-user.ts";

export async function listUsers(db: Db, { actor, ...input }: { actor: Actor; countyCode?: string | undefined }) {
  const countyCode = actor.role === "ADMIN" ? input.countyCode : (input.countyCode ?? actor.countyCode ?? "");
  if (countyCode !== undefined) assertCountyAccess(actor, countyCode);
  const users = await db.user.findMany({
    where: countyCode !== undefined ? { countyCode } : {},
    orderBy: { username: "asc" },
    take: 1000,
    include: { node: { select: { code: true, name: true } }, apiClient: { select: { name: true } } },
  });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    countyCode: u.countyCode,
    nodeId: u.nodeId,
    /// The station's code and name, so no screen shows a bare id.
    node: u.node ? { code: u.node.code, name: u.node.name } : null,
    merchantId: u.merchantId,
    apiClientId: u.apiClientId,
    /// A carrier user's organisation by name.
    apiClient: u.apiClient ? { name: u.apiClient.name } : null,
    active: u.active,
    /// Whether the caller may deactivate this user or reset their password.
    manageable: u.id !== actor.userId && mayManageUser(actor, u),
    createdAt: u.createdAt.toISOString(),
  }));
}
