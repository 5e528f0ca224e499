import { describe, expect, it } from "vitest";
import { carriesTemp, packLoad, type PackItem, type PackVehicle } from "./bin-pack.ts";

const v = (id: string, kg: number, l: number, cold: PackVehicle["cold"] = "NONE"): PackVehicle => ({
  id,
  capacityKg: kg,
  capacityL: l,
  cold,
});
const item = (id: string, kg: number, l: number, temp: PackItem["temp"] = "AMBIENT"): PackItem => ({
  id,
  weightG: kg * 1000,
  volumeCm3: l * 1000,
  temp,
});

/// Every item exactly once (in a vehicle or rolled), no vehicle over capacity, cold only on cold.
function checkPacking(items: PackItem[], vehicles: PackVehicle[], r: ReturnType<typeof packLoad>) {
  const seen = [...r.vehicles.flatMap((b) => b.items), ...r.rolled.map((x) => x.id)].sort();
  expect(seen).toEqual(items.map((i) => i.id).sort());
  const byId = new Map(items.map((i) => [i.id, i]));
  const used = new Set<string>();
  for (const b of r.vehicles) {
    expect(used.has(b.vehicleId)).toBe(false);
    used.add(b.vehicleId);
    const veh = vehicles.find((x) => x.id === b.vehicleId)!;
    const w = b.items.reduce((s, id) => s + byId.get(id)!.weightG, 0);
    const vol = b.items.reduce((s, id) => s + byId.get(id)!.volumeCm3, 0);
    expect(w).toBe(b.weightG);
    expect(w).toBeLessThanOrEqual(veh.capacityKg * 1000);
    expect(vol).toBeLessThanOrEqual(veh.capacityL * 1000);
    for (const id of b.items) expect(carriesTemp(veh.cold, byId.get(id)!.temp)).toBe(true);
  }
}

describe("packLoad", () => {
  it("uses one vehicle when everything fits, choosing the smallest that does", () => {
    const vehicles = [v("big", 1500, 9000), v("small", 800, 4500)];
    const items = [item("a", 100, 500), item("b", 200, 800)];
    const r = packLoad(items, vehicles);
    checkPacking(items, vehicles, r);
    expect(r.vehicles).toHaveLength(1);
    expect(r.vehicles[0]).toMatchObject({ vehicleId: "small", weightG: 300_000 });
    expect(r.vehicles[0]!.fillWeight).toBeCloseTo(300 / 800);
  });

  it("splits over vehicles on the binding dimension (volume here) and rolls what is left, with the reason", () => {
    const vehicles = [v("v1", 1000, 1000), v("v2", 1000, 1000)];
    const items = Array.from({ length: 5 }, (_, i) => item(`p${i}`, 10, 600));
    const r = packLoad(items, vehicles);
    checkPacking(items, vehicles, r);
    expect(r.vehicles).toHaveLength(2);
    expect(r.rolled).toHaveLength(3);
    // A code, shown in the reader's language with the load's node (rolled-reasons.ts).
    expect(r.rolled.map((x) => x.reason)).toEqual(["NO_ROOM", "NO_ROOM", "NO_ROOM"]);
  });

  it("never puts a chilled parcel on a vehicle without a chilled compartment, and keeps reefers for cold goods", () => {
    const vehicles = [v("dry", 1500, 9000), v("reefer", 1500, 9000, "CHILLED")];
    const items = [item("milk", 50, 100, "CHILLED"), item("rice", 500, 800), item("ice", 20, 50, "FROZEN")];
    const r = packLoad(items, vehicles);
    checkPacking(items, vehicles, r);
    expect(r.rolled).toEqual([{ id: "ice", reason: "NO_VEHICLE_FOR_TEMP" }]);
    const reefer = r.vehicles.find((b) => b.vehicleId === "reefer")!;
    expect(reefer.items).toEqual(["milk"]);
    expect(r.vehicles.find((b) => b.vehicleId === "dry")!.items).toEqual(["rice"]);
  });

  it("rolls a parcel larger than any vehicle", () => {
    const r = packLoad([item("piano", 2000, 100)], [v("v", 1000, 5000)]);
    expect(r.rolled[0]!.reason).toBe("TOO_LARGE");
    expect(packLoad([item("rice", 20, 100)], []).rolled).toEqual([{ id: "rice", reason: "NO_VEHICLE" }]);
  });

  it("holds its invariants on random loads", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 200; n++) {
      const vehicles = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) =>
        v(
          `v${i}`,
          200 + Math.floor(rnd() * 800),
          500 + Math.floor(rnd() * 4000),
          (["NONE", "CHILLED", "FROZEN", "BOTH"] as const)[Math.floor(rnd() * 4)],
        ),
      );
      const items = Array.from({ length: Math.floor(rnd() * 60) }, (_, i) =>
        item(
          `i${i}`,
          1 + Math.floor(rnd() * 80),
          1 + Math.floor(rnd() * 300),
          (["AMBIENT", "AMBIENT", "CHILLED", "FROZEN"] as const)[Math.floor(rnd() * 4)],
        ),
      );
      checkPacking(items, vehicles, packLoad(items, vehicles));
    }
  });
});
