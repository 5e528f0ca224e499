// The rows a scan batch reads and works on in memory, shared by its read, decisions and write.
import { selectList, type Row, type RowOf } from "@xiangda/db";
import type { TScan } from "./schemas.ts";

export const SHELF = /^[A-Z]-\d{2}-\d{2}$/;

/// The columns of a node the batch reads (scan rules, shelf layout, pickup check).
export const NODE_COLS = selectList(
  "Node",
  ["id", "countyCode", "code", "name", "tier", "selfPickup", "shelfZones", "shelfRacks", "shelfPositions", "pickupCheck"],
  ["tier", "pickupCheck"],
);
export type NodeRow = RowOf<typeof NODE_COLS>;

/// The columns of a parcel the batch reads, and writes back those it changes.
export const PARCEL_COLS = selectList(
  "Shipment",
  [
    "id",
    "countyCode",
    "waybillNo",
    "carrierWaybillNo",
    "direction",
    "status",
    "currentNodeId",
    "destNodeId",
    "selfPickup",
    "temp",
    "recipientPhone",
    "senderIdHash",
    "senderOrgCode",
    "senderName",
    "inspection",
    "screening",
    "shelfSlot",
    "pickupCode",
    "readyForPickupAt",
    "loadedVehicleId",
    "exceptionReason",
    "lastScanAt",
    "promisedAt",
    "routeError",
    "light",
    "lightReason",
    "lightChangedAt",
    "finishedAt",
    "returnFlaggedAt",
  ],
  ["direction", "status", "temp", "light"],
);
export type ParcelRow = RowOf<typeof PARCEL_COLS>;

/// The columns of a leg the batch reads.
export const LEG_COLS = selectList(
  "ShipmentLeg",
  ["id", "shipmentId", "plan", "seq", "fromNodeId", "toNodeId", "status", "plannedDepart", "plannedArrive", "actualDepart", "actualArrive"],
  ["status"],
);
export type LegRow = RowOf<typeof LEG_COLS>;

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
export type EventRow = Row<"ShipmentEvent", "shipmentId" | "at" | "type" | "nodeId" | "actorId"> & { details: object };

/// A scan while the batch works on it: `inferred` when its action was not sent (a load code's parcels inherit it).
export type WorkScan = TScan & { inferred?: boolean };

/// A node as a result names it (next hop, expected node), or null when it is not known.
export function nodeView(nodes: Map<string, NodeRow>, id: string | null | undefined): { code: string; name: string } | null {
  const n = id ? nodes.get(id) : undefined;
  return n ? { code: n.code, name: n.name } : null;
}
