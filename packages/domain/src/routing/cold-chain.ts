// Finds where an ambient route breaks the cold chain, to explain why a cold parcel has no route.
import { STORAGE_CHILLED, STORAGE_FROZEN, type RoutingNetwork } from "./build-network.ts";
import type { BrokenLeg, TempClass } from "./types.ts";

/// The first lane (of `lanes`, a route in order) that is not cold, or that ends at an intermediate node
/// without the storage the class needs. The origin and the final destination are exempt: the parcel is
/// handed over cold at acceptance and at pickup.
export function coldChainBreak(net: RoutingNetwork, lanes: readonly number[], temp: TempClass): BrokenLeg | null {
  const need = temp === "FROZEN" ? STORAGE_FROZEN : STORAGE_CHILLED;
  const kind = temp === "FROZEN" ? "frozen" : "chilled";
  for (let i = 0; i < lanes.length; i++) {
    const lane = lanes[i]!;
    const to = net.laneTo[lane]!;
    const at = { laneCode: net.laneCodes[lane]!, fromCode: net.nodeCodes[net.laneFrom[lane]!]!, toCode: net.nodeCodes[to]! };
    if (!net.laneCold[lane]) return { ...at, why: `lane ${at.laneCode} is not cold` };
    if (i < lanes.length - 1 && (net.storage[to]! & need) === 0) return { ...at, why: `node ${at.toCode} has no ${kind} storage` };
  }
  return null;
}
