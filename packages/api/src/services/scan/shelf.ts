// Shelf slots for self-pickup (A-03-12: zone, rack, position) and 6-digit pickup codes.
import { randomInt } from "node:crypto";

export function allSlots(zones: string, racks: number, positions: number): string[] {
  const out: string[] = [];
  for (const z of zones.split(/[,\s]+/).filter((x) => /^[A-Z]$/.test(x))) {
    for (let r = 1; r <= racks; r++)
      for (let p = 1; p <= positions; p++) out.push(`${z}-${String(r).padStart(2, "0")}-${String(p).padStart(2, "0")}`);
  }
  return out;
}

export const newPickupCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, "0");
