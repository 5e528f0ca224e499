// A network shaped like the Gaizhou demo: 1 hub, 27 township stations, 283 village points, scheduled lanes.
import type { RLane, RNode } from "../../packages/domain/src/routing/index.ts";
import { int, seededRandom } from "../../packages/domain/src/routing/test-utils/random-network.ts";

export const STATIONS = 27;
export const VILLAGE_POINTS = 283;
const DAILY = [1, 2, 3, 4, 5, 6, 7];
const MON_SAT = [1, 2, 3, 4, 5, 6];

export interface BenchNetwork {
  nodes: RNode[];
  lanes: RLane[];
  hub: RNode;
  points: RNode[];
}

/// Trunks hub↔station twice a day each way; a milk run station→point 09:30 and point→station 10:45
/// (Monday-Saturday); BUS hub→station on every fifth station; every third station and its trunks cold;
/// two village points suspended.
export function gaizhouNetwork(seed = 881): BenchNetwork {
  const rnd = seededRandom(seed);
  const area = (n: number) => `210881${String(n).padStart(6, "0")}`;
  const hub: RNode = {
    id: "hub",
    code: "GZ-HUB",
    tier: "COUNTY_HUB",
    status: "ACTIVE",
    coldChilled: true,
    coldFrozen: true,
    handlingMinutes: 60,
    areaCode: area(0),
  };
  const nodes: RNode[] = [hub];
  const lanes: RLane[] = [];
  const lane = (
    code: string,
    from: RNode,
    to: RNode,
    mode: RLane["mode"],
    departures: string[],
    weekdays: number[],
    cutoffMinutes: number,
    transitMinutes: number,
    cold: boolean,
  ): RLane => ({
    id: `lane-${code}`,
    code,
    fromId: from.id,
    toId: to.id,
    status: "ACTIVE",
    mode,
    departures,
    weekdays,
    cutoffMinutes,
    transitMinutes,
    cold,
  });

  const stations: RNode[] = [];
  for (let s = 1; s <= STATIONS; s++) {
    const cold = s % 3 === 0;
    const st: RNode = {
      id: `st-${s}`,
      code: `GZ-S${String(s).padStart(2, "0")}`,
      tier: "TOWNSHIP_STATION",
      status: "ACTIVE",
      coldChilled: cold,
      coldFrozen: cold && s % 6 === 0,
      handlingMinutes: 30,
      areaCode: area(s * 1000),
    };
    stations.push(st);
    nodes.push(st);
    const transit = int(rnd, 30, 90);
    lanes.push(lane(`T-${st.code}-D`, hub, st, "TRUNK", ["07:00", "13:30"], DAILY, 30, transit, cold));
    lanes.push(lane(`T-${st.code}-U`, st, hub, "TRUNK", ["11:00", "17:00"], DAILY, 15, transit, cold));
    if (s % 5 === 0) lanes.push(lane(`B-${st.code}`, hub, st, "BUS", ["06:10", "09:40", "15:20", "18:30"], DAILY, 10, transit + 20, false));
  }

  const points: RNode[] = [];
  for (let p = 0; p < VILLAGE_POINTS; p++) {
    const st = stations[p % STATIONS]!;
    const status = p === 41 || p === 200 ? "SUSPENDED" : "ACTIVE";
    const pt: RNode = {
      id: `vp-${p}`,
      code: `GZ-V${String(p).padStart(3, "0")}`,
      tier: "VILLAGE_POINT",
      status,
      coldChilled: false,
      coldFrozen: false,
      handlingMinutes: 10,
      areaCode: area(Number(st.id.slice(3)) * 1000 + 200 + p),
    };
    points.push(pt);
    nodes.push(pt);
    const transit = int(rnd, 10, 40);
    lanes.push(lane(`M-${pt.code}-D`, st, pt, "MILK_RUN", ["09:30"], MON_SAT, 15, transit, false));
    lanes.push(lane(`M-${pt.code}-U`, pt, st, "MILK_RUN", ["10:45"], MON_SAT, 0, transit, false));
  }
  return { nodes, lanes, hub, points };
}
