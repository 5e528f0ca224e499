// Scope checks: a station sees its own node, a merchant its own merchant, a carrier user its own organisation, a manager
// their county.
import type { Tx } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";

export function assertCountyAccess(actor: Actor, countyCode: string): void {
  if (actor.role === "ADMIN") return;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === countyCode) return;
  throw AppError.forbidden(`No access to county ${countyCode}`);
}

export async function assertNodeAccess(db: Tx, actor: Actor, nodeId: string) {
  const node = await db.node.findUnique({ where: { id: nodeId } });
  // Same answer for "missing" and "not yours": never confirm another county's ids.
  const denied = AppError.forbidden("No access to this node");
  if (!node) {
    if (actor.role === "ADMIN") throw AppError.notFound("Node not found");
    throw denied;
  }
  if (nodeInScope(actor, node)) return node;
  throw denied;
}

/// assertNodeAccess's check on a node already read (a scan batch reads its nodes with its parcels, in one statement).
export function nodeInScope(actor: Actor, node: { id: string; countyCode: string }): boolean {
  return (
    actor.role === "ADMIN" ||
    (actor.role === "COUNTY_MANAGER" && actor.countyCode === node.countyCode) ||
    (actor.role === "STATION_STAFF" && actor.nodeId === node.id)
  );
}

/// Whether a scan at a node is tried at all, before anything is read: station staff scan only at their own node; ADMIN
/// and the county's managers anywhere (a manager's look-ups find only their county's parcels and loads).
export function mayScanAt(actor: Actor, nodeId: string): boolean {
  return actor.role === "ADMIN" || actor.role === "COUNTY_MANAGER" || (actor.role === "STATION_STAFF" && nodeId === actor.nodeId);
}

/// Whether a row of a county (a load a scan names) is the actor's to see: ADMIN everywhere, anyone else their own county.
export function countyInScope(actor: Actor, countyCode: string): boolean {
  return actor.role === "ADMIN" || (actor.role !== "CARRIER_USER" && countyCode === actor.countyCode);
}

/// A counter: its own operators (CounterOperator rows), its county's manager, or ADMIN.
export async function assertCounterAccess(db: Tx, actor: Actor, counterId: string) {
  const counter = await db.counter.findUnique({ where: { id: counterId } });
  const denied = AppError.forbidden("No access to this counter");
  if (!counter) {
    if (actor.role === "ADMIN") throw AppError.notFound("Counter not found");
    throw denied;
  }
  if (actor.role === "ADMIN") return counter;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === counter.countyCode) return counter;
  if (actor.role === "COUNTER_OPERATOR") {
    const link = await db.counterOperator.findUnique({ where: { userId_counterId: { userId: actor.userId, counterId } } });
    if (link) return counter;
  }
  throw denied;
}

/// The counters a COUNTER_OPERATOR runs (ids), for list filters.
export async function operatorCounterIds(db: Tx, actor: Actor): Promise<string[]> {
  const rows = await db.counterOperator.findMany({ where: { userId: actor.userId }, select: { counterId: true } });
  return rows.map((r) => r.counterId);
}

export async function assertMerchantAccess(db: Tx, actor: Actor, merchantId: string) {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId } });
  const denied = AppError.forbidden("No access to this merchant");
  if (!merchant) {
    if (actor.role === "ADMIN") throw AppError.notFound("Merchant not found");
    throw denied;
  }
  if (actor.role === "ADMIN") return merchant;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === merchant.countyCode) return merchant;
  if (actor.role === "MERCHANT" && actor.merchantId === merchant.id) return merchant;
  throw denied;
}

/// An organisation (API client): its own CARRIER_USERs, its county's manager, or ADMIN. An unknown id and another
/// organisation's get the same refusal.
export async function assertApiClientAccess(db: Tx, actor: Actor, clientId: string) {
  const client = await db.apiClient.findUnique({ where: { id: clientId } });
  const denied = AppError.forbidden("No access to this organisation");
  if (!client) {
    if (actor.role === "ADMIN") throw AppError.notFound("Organisation not found");
    throw denied;
  }
  if (actor.role === "ADMIN") return client;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === client.countyCode) return client;
  if (actor.role === "CARRIER_USER" && client.active && actor.apiClientId === client.id) return client;
  throw denied;
}
