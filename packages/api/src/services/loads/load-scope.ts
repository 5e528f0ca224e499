// Who sees which load: ADMIN all, a county manager their county's, station staff the loads leaving from or
// going to their node and the milk runs that call at it. Same answer for "missing" and "not yours".
import type { Prisma, Tx } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { assertCountyAccess, assertNodeAccess } from "../auth/scope.ts";

/// Loads that leave from or go to the node, or milk runs that stop at it.
export const touchesNode = (nodeId: string): Prisma.LoadWhereInput => ({
  OR: [{ nodeId }, { toNodeId: nodeId }, { milkRun: true, items: { some: { stopNodeId: nodeId } } }],
});

/// The caller's own scope as a filter (FORBIDDEN for roles that see no loads).
function actorScope(actor: Actor): Prisma.LoadWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode) return { countyCode: actor.countyCode };
  if (actor.role === "STATION_STAFF" && actor.nodeId) return touchesNode(actor.nodeId);
  throw AppError.forbidden("No access to loads");
}

/// The list filter for the caller; asking for a county or node outside their scope is FORBIDDEN.
export async function loadListScope(
  db: Tx,
  actor: Actor,
  input: { countyCode?: string | undefined; nodeId?: string | undefined },
): Promise<Prisma.LoadWhereInput[]> {
  const where = [actorScope(actor)];
  if (input.countyCode) {
    if (actor.role === "STATION_STAFF") {
      if (actor.countyCode !== input.countyCode) throw AppError.forbidden(`No access to county ${input.countyCode}`);
    } else assertCountyAccess(actor, input.countyCode);
    where.push({ countyCode: input.countyCode });
  }
  if (input.nodeId) {
    await assertNodeAccess(db, actor, input.nodeId);
    where.push(touchesNode(input.nodeId));
  }
  return where;
}

/// The load if the caller may see it.
export async function assertLoadAccess<
  L extends { id: string; countyCode: string; nodeId: string; toNodeId: string | null; milkRun: boolean },
>(db: Tx, actor: Actor, load: L | null): Promise<L> {
  const denied = AppError.forbidden("No access to this load");
  if (!load) throw actor.role === "ADMIN" ? AppError.notFound("Load not found") : denied;
  if (actor.role === "ADMIN") return load;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === load.countyCode) return load;
  if (actor.role === "STATION_STAFF" && actor.nodeId) {
    const me = actor.nodeId;
    if (load.nodeId === me || load.toNodeId === me) return load;
    if (load.milkRun && (await db.loadItem.count({ where: { loadId: load.id, stopNodeId: me } })) > 0) return load;
  }
  throw denied;
}
