// A small real network for the fault tests: hub → township station → village point with pickup shelves,
// a county manager who scans over HTTP, and parcels from a carrier's manifest waiting at the hub.
import { randomUUID } from "node:crypto";
import { hashPassword, importDivisions, importManifest, runFileImport } from "@xiangda/api";
import type { Db } from "@xiangda/db";
import { createUser } from "@xiangda/db/factories";

export const COUNTY = "210881";
export const VILLAGE = "210881102200";
export const MANAGER = { username: "proof_manager", password: "proof-password-1" };

const csv = (s: string) => ({ name: "f.csv", data: Buffer.from(s) });

export interface ScanWorld {
  nodes: { HUB: string; S102: string; P200: string };
  waybills: string[];
}

export async function seedScanWorld(db: Db, parcels: number, firstWaybill = 0): Promise<ScanWorld> {
  await importDivisions(db, COUNTY);
  const nodes = await runFileImport(db, {
    kind: "nodes",
    file: csv(
      "code,name,tier,areaCode,parentCode,selfPickup\nHUB,中心,COUNTY_HUB,210881000000,,no\nS102,高屯站,TOWNSHIP_STATION,210881102000,HUB,no\nP200,高屯村点,VILLAGE_POINT,210881102200,S102,yes\n",
    ),
  });
  if (nodes.errors.length) throw new Error(JSON.stringify(nodes.errors));
  const lanes = await runFileImport(db, {
    kind: "lanes",
    file: csv("code,from,to,mode,departures,transitMinutes\nT1,HUB,S102,TRUNK,07:00;13:30,50\nM1,S102,P200,MILK_RUN,09:30,20\n"),
  });
  if (lanes.errors.length) throw new Error(JSON.stringify(lanes.errors));
  await db.carrier.upsert({ where: { code: "ZTO" }, create: { code: "ZTO", name: "中通" }, update: {} });
  await createUser(db, {
    username: MANAGER.username,
    passwordHash: await hashPassword(MANAGER.password),
    role: "COUNTY_MANAGER",
    countyCode: COUNTY,
  });
  const waybills = await addParcels(db, parcels, firstWaybill);
  const ids = Object.fromEntries((await db.node.findMany({ select: { code: true, id: true } })).map((n) => [n.code, n.id]));
  return { nodes: { HUB: ids.HUB!, S102: ids.S102!, P200: ids.P200! }, waybills };
}

/// Parcels at the hub for the village point, from a ZTO manifest (numbers `7` + 11 digits from `first`).
export async function addParcels(db: Db, n: number, first: number): Promise<string[]> {
  const rows = ["waybillNo,recipientName,recipientPhone,villageCode,weightG"];
  const waybills: string[] = [];
  for (let i = 0; i < n; i++) {
    const wb = `7${String(10_000_000_000 + first + i)}`;
    waybills.push(wb);
    rows.push(`${wb},收件人,138${String(10_000_000 + i).slice(-8)},${VILLAGE},${500 + (i % 500)}`);
  }
  const r = await importManifest(db, {
    countyCode: COUNTY,
    carrierCode: "ZTO",
    fileName: "m.csv",
    data: Buffer.from(rows.join("\n")),
    actor: null,
    now: new Date(),
  });
  if (r.errors.length || r.created !== n)
    throw new Error(`manifest: ${r.created} of ${n} created, ${JSON.stringify(r.errors.slice(0, 3))}`);
  return waybills;
}

export async function login(apiUrl: string): Promise<string> {
  const r = await fetch(`${apiUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(MANAGER),
  });
  if (!r.ok) throw new Error(`login: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { result: { data: { token: string } } }).result.data.token;
}

export interface Scan {
  clientScanId: string;
  code: string;
  action: "ARRIVE" | "DEPART" | "HANDOVER";
  nodeId: string;
  at: string;
}

/// A parcel's way to the shelf: leaves the hub, reaches the station, is handed to the village point and arrives there.
export function journey(w: ScanWorld, waybillNo: string): Scan[] {
  const step = (action: Scan["action"], nodeId: string): Scan => ({
    clientScanId: randomUUID(),
    code: waybillNo,
    action,
    nodeId,
    at: new Date().toISOString(),
  });
  return [step("DEPART", w.nodes.HUB), step("ARRIVE", w.nodes.S102), step("HANDOVER", w.nodes.S102), step("ARRIVE", w.nodes.P200)];
}

export interface ScanReply {
  status: number;
  results: { clientScanId: string; outcome: string; message: string }[];
  body: string;
}

/// One scan (`scan.record`) or several in order (`scan.recordBatch`) over HTTP.
export async function sendScans(apiUrl: string, token: string, scans: Scan[], batch: boolean): Promise<ScanReply> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const res = await fetch(`${apiUrl}/trpc/${batch ? "scan.recordBatch" : "scan.record"}`, {
    method: "POST",
    headers,
    body: JSON.stringify(batch ? { scans } : scans[0]),
  });
  const body = await res.text();
  if (res.status !== 200) return { status: res.status, results: [], body };
  const data = (JSON.parse(body) as { result: { data: unknown } }).result.data;
  const results = batch ? (data as { results: ScanReply["results"] }).results : [data as ScanReply["results"][number]];
  return { status: res.status, results, body };
}
