import { describe, expect, it } from "vitest";
import { legLight, shipmentLight, yellowFraction, type LightLeg } from "./lights.ts";

const t = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 23, h, m));
const leg = (o: Partial<LightLeg> = {}): LightLeg => ({
  status: "PLANNED",
  plannedDepart: t(8),
  plannedArrive: t(10),
  actualArrive: null,
  ...o,
});

describe("legLight", () => {
  it("is GREEN on track, YELLOW in the last 20% of its time, RED overdue", () => {
    expect(legLight(leg(), t(7))).toBe("GREEN");
    expect(legLight(leg(), t(9, 35))).toBe("GREEN");
    expect(legLight(leg(), t(9, 36))).toBe("YELLOW"); // 24 of 120 minutes left
    expect(legLight(leg(), t(10))).toBe("YELLOW");
    expect(legLight(leg(), t(10, 1))).toBe("RED");
    expect(legLight(leg({ status: "DEPARTED" }), t(10, 1))).toBe("RED");
  });
  it("uses the configured fraction", () => {
    expect(legLight(leg(), t(9), 0.5)).toBe("YELLOW");
    expect(legLight(leg(), t(8, 59), 0.5)).toBe("GREEN");
  });
  it("judges an arrived leg by its actual arrival", () => {
    expect(legLight(leg({ status: "ARRIVED", actualArrive: t(9, 50) }), t(12))).toBe("GREEN");
    expect(legLight(leg({ status: "ARRIVED", actualArrive: t(10, 5) }), t(12))).toBe("RED");
  });
});

describe("yellowFraction", () => {
  it("reads XD_YELLOW_FRACTION and falls back to 20%", () => {
    expect(yellowFraction({ XD_YELLOW_FRACTION: "0.3" })).toBe(0.3);
    expect(yellowFraction({ XD_YELLOW_FRACTION: "2" })).toBe(0.2);
    expect(yellowFraction({})).toBe(0.2);
  });
});

describe("shipmentLight", () => {
  const base = { status: "IN_TRANSIT", routeError: null, promisedAt: t(12), finalArrival: null };
  it("follows the current leg", () => {
    const legs = [leg({ status: "ARRIVED", actualArrive: t(9, 55) }), leg({ plannedDepart: t(10, 30), plannedArrive: t(12) })];
    expect(shipmentLight({ ...base, legs }, t(11))).toEqual({ light: "GREEN", currentLeg: 1, reason: null });
    expect(shipmentLight({ ...base, legs }, t(11, 45))).toMatchObject({ light: "YELLOW", currentLeg: 1 });
    expect(shipmentLight({ ...base, legs }, t(12, 1))).toMatchObject({ light: "RED", currentLeg: 1 });
  });
  it("is RED without a route and judges finished shipments by the promise", () => {
    expect(shipmentLight({ ...base, routeError: "no route", legs: [] }, t(1))).toMatchObject({ light: "RED", reason: "no route" });
    expect(shipmentLight({ ...base, status: "DELIVERED", finalArrival: t(11), legs: [] }, t(20)).light).toBe("GREEN");
    expect(shipmentLight({ ...base, status: "AWAITING_PICKUP", finalArrival: t(13), legs: [] }, t(20)).light).toBe("RED");
  });
});
