import { describe, expect, it } from "vitest";
import {
  asFeatureCollection,
  boundsOf,
  laneFeatures,
  loadFeatures,
  loadsByNode,
  nodeFeatures,
  nodePositions,
  villageFeatures,
  villageState,
} from "./map-data.ts";

const nodes = [
  { id: "hub", code: "GZ-HUB", name: "县中心", tier: "COUNTY_HUB", status: "ACTIVE", lng: 122.35, lat: 40.4, synthetic: false },
  { id: "st", code: "GZ-102", name: "高屯镇服务站", tier: "TOWNSHIP_STATION", status: "ACTIVE", lng: 122.5, lat: 40.3, synthetic: false },
  { id: "p1", code: "GZ-102200", name: "高屯村", tier: "VILLAGE_POINT", status: "ACTIVE", lng: 122.52, lat: 40.31, synthetic: true },
  { id: "p2", code: "GZ-102202", name: "和美村", tier: "VILLAGE_POINT", status: "SUSPENDED", lng: 122.55, lat: 40.28, synthetic: true },
  { id: "nowhere", code: "GZ-X", name: "无坐标", tier: "VILLAGE_POINT", status: "ACTIVE", lng: null, lat: null, synthetic: true },
];
const lanes = [
  { id: "l1", code: "T-102", mode: "TRUNK", fromNodeId: "hub", toNodeId: "st" },
  { id: "l2", code: "M-102a", mode: "MILK_RUN", fromNodeId: "st", toNodeId: "p1" },
  { id: "l3", code: "M-102b", mode: "MILK_RUN", fromNodeId: "st", toNodeId: "p2" },
  { id: "l4", code: "M-X", mode: "MILK_RUN", fromNodeId: "st", toNodeId: "nowhere" },
];

describe("map data", () => {
  it("classes villages by coverage, poor ones apart, and leaves out those without a position", () => {
    expect(villageState({ covered: true, poor: false })).toBe("covered");
    expect(villageState({ covered: false, poor: false })).toBe("uncovered");
    expect(villageState({ covered: false, poor: true })).toBe("poorUncovered");
    expect(villageState({ covered: true, poor: true })).toBe("poorCovered");
    const fc = villageFeatures([
      { code: "210881102200", name: "高屯村", lng: 122.52, lat: 40.31, synthetic: false, covered: true, poor: false },
      { code: "210881102201", name: "无位置村", lng: null, lat: null, synthetic: true, covered: false, poor: true },
    ]);
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]?.properties).toEqual({ code: "210881102200", name: "高屯村", state: "covered", synthetic: false, poor: false });
  });

  it("draws nodes and lanes only where positions are known", () => {
    expect(nodeFeatures(nodes).features.map((f) => f.properties.id)).toEqual(["hub", "st", "p1", "p2"]);
    const positions = nodePositions(nodes);
    const fc = laneFeatures(lanes, positions);
    expect(fc.features.map((f) => f.properties.code)).toEqual(["T-102", "M-102a", "M-102b"]);
    expect(fc.features[0]?.geometry.coordinates).toEqual([
      [122.35, 40.4],
      [122.5, 40.3],
    ]);
  });

  it("adds today's loads up per segment; a milk run covers its station's milk-run lanes", () => {
    const loads = [
      { milkRun: false, nodeId: "hub", toNodeId: "st", parcels: 30 },
      { milkRun: false, nodeId: "hub", toNodeId: "st", parcels: 10 },
      { milkRun: true, nodeId: "st", toNodeId: null, parcels: 12 },
    ];
    const fc = loadFeatures(loads, lanes, nodePositions(nodes));
    const props = fc.features.map((f) => f.properties);
    expect(props[0]).toMatchObject({ loads: 2, parcels: 40 });
    // 12 parcels over three milk-run lanes, one of which cannot be drawn.
    expect(props.slice(1).map((p) => p.parcels)).toEqual([4, 4]);
    for (const p of props) expect(p.width).toBeGreaterThanOrEqual(3);
    expect(loadsByNode(loads)).toEqual(
      new Map([
        ["hub", 2],
        ["st", 1],
      ]),
    );
  });

  it("fits the boundary and the points, or the points alone", () => {
    const boundary = asFeatureCollection({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: {},
          geometry: {
            type: "MultiPolygon",
            coordinates: [
              [
                [
                  [122.0, 40.0],
                  [123.0, 40.0],
                  [123.0, 40.8],
                  [122.0, 40.0],
                ],
              ],
            ],
          },
        },
      ],
    });
    expect(boundsOf(boundary, nodes)).toEqual([
      [122.0, 40.0],
      [123.0, 40.8],
    ]);
    expect(boundsOf(null, nodes)).toEqual([
      [122.35, 40.28],
      [122.55, 40.4],
    ]);
    expect(boundsOf(boundary, [{ lng: 123.5, lat: 39.9 }])).toEqual([
      [122.0, 39.9],
      [123.5, 40.8],
    ]);
    expect(boundsOf(null, [])).toBeNull();
    expect(asFeatureCollection({ type: "Feature" })).toBeNull();
    expect(asFeatureCollection(null)).toBeNull();
  });
});
