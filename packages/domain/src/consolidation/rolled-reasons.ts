// Why a parcel did not ride the departure it was assigned to and rolled to the next one (LoadItem.rolledReason). The
// code is stored; people read it in their language: the manifest PDF from these labels, the web app from the same
// keys in its "loads" namespace (rolledReasons.*). `{node}` is the load's node, `{temp}` the parcel's temperature class.
// Short: the manifest gives the reason one line of a narrow column.
export const ROLLED_REASONS = ["NO_VEHICLE", "NO_VEHICLE_FOR_TEMP", "TOO_LARGE", "NO_ROOM", "LOOP_FULL"] as const;
export type TRolledReason = (typeof ROLLED_REASONS)[number];

export const ROLLED_REASON_LABELS: Record<TRolledReason, { zh: string; en: string }> = {
  NO_VEHICLE: { zh: "{node}没有空闲车辆", en: "No free vehicle at {node}" },
  NO_VEHICLE_FOR_TEMP: { zh: "{node}没有带{temp}车厢的空闲车辆", en: "No free {temp} vehicle at {node}" },
  TOO_LARGE: { zh: "超出{node}任何空闲车辆的载量", en: "Too large for the vehicles at {node}" },
  NO_ROOM: { zh: "{node}的空闲车辆已装满", en: "Vehicles at {node} full" },
  LOOP_FULL: {
    zh: "{node}的循环车已满或环线超时",
    en: "Milk runs at {node} full or too long",
  },
};

export function isRolledReason(code: string | null | undefined): code is TRolledReason {
  return typeof code === "string" && (ROLLED_REASONS as readonly string[]).includes(code);
}
