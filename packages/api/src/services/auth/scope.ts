// Scope checks: a station sees its own node, a merchant its own merchant, a manager their county.
import type { Tx } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";

export function assertCountyAccess(actor: Actor, countyCode: string): void {
  if (actor.role === "ADMIN") return;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === countyCode) return;
  throw new AppError("FORBIDDEN", `No access to county ${countyCode}`);
}

export async function assertNodeAccess(db: Tx, actor: Actor, nodeId: string) {
  const node = await db.node.findUnique({ where: { id: nodeId } });
  // Same answer for "missing" and "not yours": never confirm another county's ids.
  const denied = new AppError("FORBIDDEN", "No access to this node");
  if (!node) {
    if (actor.role === "ADMIN") throw new AppError("NOT_FOUND", "Node not found");
    throw denied;
  }
  if (actor.role === "ADMIN") return node;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === node.countyCode) return node;
  if (actor.role === "STATION_STAFF" && actor.nodeId === node.id) return node;
  throw denied;
}

export async function assertMerchantAccess(db: Tx, actor: Actor, merchantId: string) {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId } });
  const denied = new AppError("FORBIDDEN", "No access to this merchant");
  if (!merchant) {
    if (actor.role === "ADMIN") throw new AppError("NOT_FOUND", "Merchant not found");
    throw denied;
  }
  if (actor.role === "ADMIN") return merchant;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === merchant.countyCode) return merchant;
  if (actor.role === "MERCHANT" && actor.merchantId === merchant.id) return merchant;
  throw denied;
}
