// Splits restock lines into parcels. A parcel carries units of one line only — one product, so one
// temperature class, and one batch (RestockShipment records one batch per parcel) — and weighs at most
// the limit; a unit heavier than the limit ships alone. Units are spread evenly over a line's parcels.

/// Heaviest parcel the village points and township vans take (kg × 1000).
export const MAX_PARCEL_G = 20_000;

export interface ParcelLine {
  unitWeightG: number;
  quantity: number;
}

export interface PlannedParcel {
  /// Index of the line in the input.
  line: number;
  units: number;
  weightG: number;
}

export function planParcels(lines: readonly ParcelLine[], maxParcelG = MAX_PARCEL_G): PlannedParcel[] {
  const out: PlannedParcel[] = [];
  lines.forEach((l, line) => {
    if (!Number.isInteger(l.quantity) || l.quantity <= 0) throw new RangeError(`line ${line}: quantity must be a positive integer`);
    if (!Number.isInteger(l.unitWeightG) || l.unitWeightG <= 0)
      throw new RangeError(`line ${line}: unit weight must be a positive integer`);
    const perParcel = Math.max(1, Math.floor(maxParcelG / l.unitWeightG));
    const count = Math.ceil(l.quantity / perParcel);
    const base = Math.floor(l.quantity / count);
    const extra = l.quantity % count;
    for (let i = 0; i < count; i++) {
      const units = base + (i < extra ? 1 : 0);
      out.push({ line, units, weightG: units * l.unitWeightG });
    }
  });
  return out;
}
