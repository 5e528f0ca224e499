// Shelf slots for self-pickup (A-03-12: zone, rack, position) and 6-digit pickup codes.
import { randomInt } from "node:crypto";
import type { Tx } from "@xiangda/db";

export function allSlots(zones: string, racks: number, positions: number): string[] {
  const out: string[] = [];
  for (const z of zones.split(/[,\s]+/).filter((x) => /^[A-Z]$/.test(x))) {
    for (let r = 1; r <= racks; r++) for (let p = 1; p <= positions; p++) out.push(`${z}-${String(r).padStart(2, "0")}-${String(p).padStart(2, "0")}`);
  }
  return out;
}

/// The first free slot of the node; null when the shelves are full. A unique index guards races.
export async function freeSlot(tx: Tx, node: { id: string; shelfZones: string; shelfRacks: number; shelfPositions: number }): Promise<string | null> {
  const taken = new Set(
    (await tx.shipment.findMany({ where: { currentNodeId: node.id, status: "AWAITING_PICKUP", shelfSlot: { not: null } }, select: { shelfSlot: true } })).map((s) => s.shelfSlot),
  );
  return allSlots(node.shelfZones, node.shelfRacks, node.shelfPositions).find((s) => !taken.has(s)) ?? null;
}

export const newPickupCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, "0");
