import { describe, expect, it } from "vitest";
import { routeStops } from "./trace-stops.ts";

const legs = [
  {
    from: "村点",
    to: "乡镇站",
    plannedDepart: "2026-11-23T02:00:00Z",
    plannedArrive: "2026-11-23T02:20:00Z",
    actualDepart: "2026-11-23T02:05:00Z",
    actualArrive: "2026-11-23T02:21:00Z",
  },
  {
    from: "乡镇站",
    to: "分拨中心",
    plannedDepart: "2026-11-23T07:00:00Z",
    plannedArrive: "2026-11-23T07:50:00Z",
    actualDepart: null,
    actualArrive: null,
  },
];

describe("routeStops", () => {
  it("lists the origin, each node the legs reach, with times and the scans made there", () => {
    const stops = routeStops({
      status: "AT_NODE",
      promisedAt: "2026-11-23T07:50:00Z",
      legs,
      scans: [
        { node: "村点", action: "DEPART", at: "2026-11-23T02:05:00Z" },
        { node: "乡镇站", action: "ARRIVE", at: "2026-11-23T02:21:00Z" },
      ],
    });
    expect(stops.map((s) => [s.node, s.reached, s.scans.map((x) => x.action)])).toEqual([
      ["村点", true, ["DEPART"]],
      ["乡镇站", true, ["ARRIVE"]],
      ["分拨中心", false, []],
    ]);
    expect(stops[1]).toMatchObject({
      arrive: { planned: "2026-11-23T02:20:00Z", actual: "2026-11-23T02:21:00Z" },
      depart: { planned: "2026-11-23T07:00:00Z", actual: null },
    });
  });

  it("keeps a scan at a node off the route as a stop of its own", () => {
    const stops = routeStops({
      status: "AT_NODE",
      promisedAt: null,
      legs,
      scans: [{ node: "别的站", action: "MISROUTED", at: "2026-11-23T03:00:00Z" }],
    });
    expect(stops.map((s) => s.node)).toEqual(["村点", "乡镇站", "分拨中心", "别的站"]);
    expect(stops[0]?.reached).toBe(true);
  });

  it("has nothing reached before the parcel moves", () => {
    const stops = routeStops({
      status: "CREATED",
      promisedAt: null,
      legs: legs.map((l) => ({ ...l, actualDepart: null, actualArrive: null })),
      scans: [],
    });
    expect(stops.every((s) => !s.reached)).toBe(true);
  });
});
