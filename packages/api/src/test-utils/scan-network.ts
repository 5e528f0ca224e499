// The small network the scan tests run on: 高屯镇 and 沙岗镇 of 盖州市 under one hub, a village point with shelves,
// trunk lanes and a milk run. Each test file passes the lanes it needs beyond the base ones.
import { randomUUID } from "node:crypto";
import type { Actor } from "@xiangda/domain";
import { importDivisions } from "../services/areas/import-divisions.ts";
import { runFileImport } from "../services/network/imports.ts";
import type { Harness } from "./harness.ts";

export const SCAN_COUNTY = "210881";

const NODES = `code,name,tier,areaCode,parentCode,selfPickup
HUB,中心,COUNTY_HUB,210881000000,,no
S102,高屯站,TOWNSHIP_STATION,210881102000,HUB,no
S105,沙岗站,TOWNSHIP_STATION,210881105000,HUB,no
P200,高屯村点,VILLAGE_POINT,210881102200,S102,yes
`;
const LANES = ["T1,HUB,S102,TRUNK,13:30,50", "T5,HUB,S105,TRUNK,13:30,50", "M1,S102,P200,MILK_RUN,09:30,20"];

const csv = (s: string) => ({ name: "f.csv", data: Buffer.from(s) });

export const SCAN_MANAGER: Actor = { userId: randomUUID(), username: "m", role: "COUNTY_MANAGER", countyCode: SCAN_COUNTY, nodeId: null, merchantId: null };

/// A member of staff of the node.
export function scanStaff(nodeId: string, code = "node"): Actor {
  return { userId: randomUUID(), username: `staff-${code}`, role: "STATION_STAFF", countyCode: SCAN_COUNTY, nodeId, merchantId: null };
}

/// Imports the county's areas, the nodes and the base lanes plus `extraLanes` (`code,from,to,mode,departures,transit`);
/// node ids and names by code.
export async function importScanNetwork(h: Harness, extraLanes: string[] = []): Promise<{ ids: Record<string, string>; names: Record<string, string> }> {
  await importDivisions(h.deps.db, SCAN_COUNTY);
  await runFileImport(h.deps.db, { kind: "nodes", file: csv(NODES) });
  await runFileImport(h.deps.db, { kind: "lanes", file: csv(`code,from,to,mode,departures,transitMinutes\n${[...LANES, ...extraLanes].join("\n")}\n`) });
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const n of await h.deps.db.node.findMany()) {
    ids[n.code] = n.id;
    names[n.code] = n.name;
  }
  return { ids, names };
}
