import { describe, expect, it } from "vitest";
import { MAX_PARCEL_G, planParcels } from "./parcels.ts";

describe("planParcels", () => {
  it("keeps each parcel under the limit and the units and weight of every line", () => {
    const lines = [
      { unitWeightG: 5_200, quantity: 9 },
      { unitWeightG: 500, quantity: 3 },
      { unitWeightG: 1_000, quantity: 41 },
    ];
    const parcels = planParcels(lines);
    for (const p of parcels) expect(p.weightG).toBeLessThanOrEqual(MAX_PARCEL_G);
    lines.forEach((l, i) => {
      const mine = parcels.filter((p) => p.line === i);
      expect(mine.reduce((s, p) => s + p.units, 0)).toBe(l.quantity);
      expect(mine.reduce((s, p) => s + p.weightG, 0)).toBe(l.quantity * l.unitWeightG);
    });
    // 9 boxes of 5.2 kg: 3 per parcel → 3 parcels; 41 × 1 kg: 20 per parcel → 3 parcels of 14, 14, 13.
    expect(parcels.filter((p) => p.line === 0).map((p) => p.units)).toEqual([3, 3, 3]);
    expect(parcels.filter((p) => p.line === 1).map((p) => p.units)).toEqual([3]);
    expect(parcels.filter((p) => p.line === 2).map((p) => p.units)).toEqual([14, 14, 13]);
  });

  it("ships a unit heavier than the limit alone", () => {
    expect(planParcels([{ unitWeightG: 25_000, quantity: 2 }])).toEqual([
      { line: 0, units: 1, weightG: 25_000 },
      { line: 0, units: 1, weightG: 25_000 },
    ]);
  });

  it("never puts two lines (so two temperature classes or batches) in one parcel", () => {
    const parcels = planParcels([
      { unitWeightG: 100, quantity: 2 },
      { unitWeightG: 100, quantity: 2 },
    ]);
    expect(parcels).toEqual([
      { line: 0, units: 2, weightG: 200 },
      { line: 1, units: 2, weightG: 200 },
    ]);
  });

  it("rejects quantities and weights that are not positive integers", () => {
    expect(() => planParcels([{ unitWeightG: 100, quantity: 0 }])).toThrow(RangeError);
    expect(() => planParcels([{ unitWeightG: 0, quantity: 1 }])).toThrow(RangeError);
  });
});
