// The rows a scan batch reads and works on in memory, shared by its read, decisions and write.
import type { TPickupCheck } from "@xiangda/domain";
import type { TScan } from "./schemas.ts";

export const SHELF = /^[A-Z]-\d{2}-\d{2}$/;

export interface NodeRow {
  id: string;
  countyCode: string;
  code: string;
  name: string;
  tier: "COUNTY_HUB" | "TOWNSHIP_STATION" | "VILLAGE_POINT";
  selfPickup: boolean;
  shelfZones: string;
  shelfRacks: number;
  shelfPositions: number;
  pickupCheck: TPickupCheck;
}

export interface ParcelRow {
  id: string;
  countyCode: string;
  waybillNo: string;
  carrierWaybillNo: string | null;
  direction: string;
  status: string;
  currentNodeId: string | null;
  destNodeId: string | null;
  selfPickup: boolean;
  temp: string;
  recipientPhone: string;
  senderIdHash: string | null;
  senderOrgCode: string | null;
  senderName: string | null;
  inspection: unknown;
  screening: unknown;
  shelfSlot: string | null;
  pickupCode: string | null;
  readyForPickupAt: Date | null;
  loadedVehicleId: string | null;
  exceptionReason: string | null;
  lastScanAt: Date | null;
  promisedAt: Date | null;
  routeError: string | null;
  light: string;
  lightReason: string | null;
  lightChangedAt: Date | null;
  finishedAt: Date | null;
  returnFlaggedAt: Date | null;
}

export interface LegRow {
  id: string;
  shipmentId: string;
  plan: number;
  seq: number;
  fromNodeId: string;
  toNodeId: string;
  status: "PLANNED" | "DEPARTED" | "ARRIVED" | "CANCELLED";
  plannedDepart: Date;
  plannedArrive: Date;
  actualDepart: Date | null;
  actualArrive: Date | null;
}

/// A parcel while the batch works on it: its row, its legs and what changed.
export interface Parcel {
  row: ParcelRow;
  legs: LegRow[];
  plan: number;
  lastAction: string | null;
  lastNodeId: string | null;
  dirty: boolean;
}

/// A timeline entry (ShipmentEvent) the batch adds.
export interface EventRow {
  shipmentId: string;
  at: Date;
  type: string;
  nodeId: string | null;
  actorId: string | null;
  details: object;
}

/// A scan while the batch works on it: `inferred` when its action was not sent (a load code's parcels inherit it).
export type WorkScan = TScan & { inferred?: boolean };

/// A node as a result names it (next hop, expected node), or null when it is not known.
export function nodeView(nodes: Map<string, NodeRow>, id: string | null | undefined): { code: string; name: string } | null {
  const n = id ? nodes.get(id) : undefined;
  return n ? { code: n.code, name: n.name } : null;
}
