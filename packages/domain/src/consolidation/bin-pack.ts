// Which vehicles carry a sealed load: first-fit decreasing on each parcel's binding dimension
// (weight or volume, whichever fills a vehicle first), cold parcels only on vehicles with a
// compartment of their class, reefers kept for cold goods while other vehicles have room, and
// every vehicle finally swapped for the smallest free one its contents still fit.

import type { TColdClass } from "../network/values.ts";
import type { TRolledReason } from "./rolled-reasons.ts";

export type TTemp = "AMBIENT" | "CHILLED" | "FROZEN";

export interface PackItem {
  id: string;
  weightG: number;
  volumeCm3: number;
  temp: TTemp;
}

export interface PackVehicle {
  id: string;
  capacityKg: number;
  /// Litres.
  capacityL: number;
  cold: TColdClass;
}

export interface PackedVehicle {
  vehicleId: string;
  items: string[];
  weightG: number;
  volumeCm3: number;
  /// Share of capacity used, 0–1.
  fillWeight: number;
  fillVolume: number;
}

export interface PackResult {
  vehicles: PackedVehicle[];
  rolled: { id: string; reason: TRolledReason }[];
}

export function carriesTemp(cold: TColdClass, temp: TTemp): boolean {
  if (temp === "AMBIENT") return true;
  return cold === "BOTH" || cold === temp;
}

interface Bin {
  v: PackVehicle;
  items: PackItem[];
  w: number;
  vol: number;
}

const fits = (b: { v: PackVehicle; w: number; vol: number }, it: PackItem) =>
  b.w + it.weightG <= b.v.capacityKg * 1000 && b.vol + it.volumeCm3 <= b.v.capacityL * 1000;

export function packLoad(items: readonly PackItem[], vehicles: readonly PackVehicle[]): PackResult {
  const maxKg = Math.max(1, ...vehicles.map((v) => v.capacityKg));
  const maxL = Math.max(1, ...vehicles.map((v) => v.capacityL));
  const size = (it: PackItem) => Math.max(it.weightG / (maxKg * 1000), it.volumeCm3 / (maxL * 1000));
  const byCapacity = (a: PackVehicle, b: PackVehicle) =>
    b.capacityKg * 1000 * maxL + b.capacityL - (a.capacityKg * 1000 * maxL + a.capacityL) || a.id.localeCompare(b.id);
  const free = [...vehicles].sort(byCapacity);
  const bins: Bin[] = [];
  const rolled: PackResult["rolled"] = [];

  const open = (v: PackVehicle): Bin => {
    free.splice(free.indexOf(v), 1);
    const b: Bin = { v, items: [], w: 0, vol: 0 };
    bins.push(b);
    return b;
  };
  // Ambient parcels try vehicles without cold first (open ones, then a new one), reefers last.
  const place = (it: PackItem): boolean => {
    const tiers =
      it.temp === "AMBIENT"
        ? [(v: PackVehicle) => v.cold === "NONE", (v: PackVehicle) => v.cold !== "NONE"]
        : [(v: PackVehicle) => carriesTemp(v.cold, it.temp)];
    for (const ok of tiers) {
      const target =
        bins.find((b) => ok(b.v) && fits(b, it)) ??
        (() => {
          const v = free.find((x) => ok(x) && fits({ v: x, w: 0, vol: 0 }, it));
          return v ? open(v) : undefined;
        })();
      if (target) {
        target.items.push(it);
        target.w += it.weightG;
        target.vol += it.volumeCm3;
        return true;
      }
    }
    return false;
  };

  // Stored as a code (LoadItem.rolledReason) and shown in the reader's language (rolled-reasons.ts); the node is the
  // load's and the temperature the parcel's, so the code needs no parameters.
  const reasonFor = (it: PackItem): TRolledReason => {
    const able = vehicles.filter((v) => carriesTemp(v.cold, it.temp));
    if (!able.length) return it.temp === "AMBIENT" ? "NO_VEHICLE" : "NO_VEHICLE_FOR_TEMP";
    if (!able.some((v) => fits({ v, w: 0, vol: 0 }, it))) return "TOO_LARGE";
    return "NO_ROOM";
  };

  // Cold parcels first (they have fewer places to go), then the rest; each group largest first.
  const order = (xs: PackItem[]) => xs.sort((a, b) => size(b) - size(a) || a.id.localeCompare(b.id));
  for (const it of order(items.filter((x) => x.temp !== "AMBIENT"))) if (!place(it)) rolled.push({ id: it.id, reason: reasonFor(it) });
  for (const it of order(items.filter((x) => x.temp === "AMBIENT"))) if (!place(it)) rolled.push({ id: it.id, reason: reasonFor(it) });

  // A smaller free vehicle that still takes a bin's contents (and their temperatures) replaces it.
  for (const b of bins) {
    const temps = new Set(b.items.map((i) => i.temp));
    const smaller = [...free]
      .reverse()
      .find(
        (v) =>
          v.capacityKg * 1000 >= b.w &&
          v.capacityL * 1000 >= b.vol &&
          [...temps].every((t) => carriesTemp(v.cold, t)) &&
          byCapacity(b.v, v) < 0,
      );
    if (smaller) {
      free.splice(free.indexOf(smaller), 1, b.v);
      b.v = smaller;
    }
  }

  return {
    vehicles: bins.map((b) => ({
      vehicleId: b.v.id,
      items: b.items.map((i) => i.id),
      weightG: b.w,
      volumeCm3: b.vol,
      fillWeight: b.w / (b.v.capacityKg * 1000),
      fillVolume: b.vol / (b.v.capacityL * 1000),
    })),
    rolled,
  };
}

/// Parcels without measured dimensions: 200 kg/m³, a usual density for express parcels (5 L per kg).
export function parcelVolumeCm3(p: {
  volumeCm3: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  weightG: number;
}): number {
  if (p.volumeCm3 && p.volumeCm3 > 0) return p.volumeCm3;
  if (p.lengthMm && p.widthMm && p.heightMm) return Math.max(1, Math.round((p.lengthMm * p.widthMm * p.heightMm) / 1000));
  return Math.max(500, Math.round(p.weightG * 5));
}
