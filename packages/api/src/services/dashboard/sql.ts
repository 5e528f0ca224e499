// SQL fragments the roll-ups, the SLA watcher and the live indicators share, so "a parcel's township" and "open"
// mean the same everywhere.

/// Parcels still on their way: the statuses whose lights the clock moves (see shipments/recompute-lights.ts).
/// AWAITING_PICKUP and later have reached their final node: finished for the dashboard.
export const OPEN_STATUSES = ["CREATED", "ACCEPTED", "AT_NODE", "IN_TRANSIT", "EXCEPTION"] as const;

/// The township (12-digit code ending in 000) of an area code below the county; '' for the county itself or nothing.
export const townshipOf = (area: string) =>
  `(CASE WHEN length(${area}) = 12 AND substr(${area}, 7, 3) <> '000' THEN left(${area}, 9) || '000' ELSE '' END)`;

/// Nodes with their township (a county hub belongs to none: ''), for a CTE named `nt`.
export const nodeTownships = (where: string) =>
  `SELECT id, tier, CASE WHEN tier = 'COUNTY_HUB' THEN '' ELSE ${townshipOf(`"areaCode"`)} END AS township FROM "Node" WHERE ${where}`;

/// Joins a parcel `s` to its end node in `nt`: its destination going down, its origin going up (the village end).
export const SHIPMENT_END = `LEFT JOIN nt ON nt.id = CASE WHEN s.direction = 'DOWN' THEN s."destNodeId" ELSE s."originNodeId" END`;
/// The parcel's township; a downward parcel without a final node falls back to its destination village.
export const SHIPMENT_TOWNSHIP = `coalesce(nt.township, CASE WHEN s.direction = 'DOWN' THEN ${townshipOf(`s."destAreaCode"`)} ELSE '' END)`;

/// The Asia/Shanghai calendar day of a timestamptz column.
export const shanghaiDate = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date`;

/// The roll-ups' key value for "all townships" / "all carriers" (their cube rows, see rollup.ts); '' means "none".
export const ALL = "*";
