// Parcels put on the demo village point's pickup shelf (高屯村服务点, GZ-102200, user "point") along their real route:
// the manager creates them and scans them hub → 高屯镇服务站 → handed over → arrived at the point (the shelf).
import { expect } from "vitest";
import { DEMO_DOWN_PARCEL, psql, trpc } from "./harness.ts";

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { result?: { data: { token: string } } };
  if (!body.result) throw new Error(`auth.login ${username}: ${res.status}`);
  return body.result.data.token;
}

/** A phone number no other test uses: 139 + 8 random digits. */
export const freshPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

export interface TShelved {
  waybillNo: string;
  slot: string;
  pickupCode: string;
  id: string;
}

/** Creates parcels for these recipients and scans them onto the point's shelf; returns them as the database has them. */
export async function shelveAtPoint(baseUrl: string, managerToken: string, people: { name: string; phone: string }[]): Promise<TShelved[]> {
  const nodes = Object.fromEntries(
    psql(`SELECT code, id FROM "Node" WHERE code IN ('GZ-HUB', 'GZ-102', 'GZ-102200')`)
      .split("\n")
      .map((l) => l.split("|") as [string, string]),
  );
  const out: TShelved[] = [];
  for (const p of people) {
    const { waybillNo } = await trpc<{ waybillNo: string }>(baseUrl, managerToken, "shipments.create", {
      ...DEMO_DOWN_PARCEL,
      recipientName: p.name,
      recipientPhone: p.phone,
    });
    const at = new Date().toISOString();
    const step = (action: string, code: string) => ({
      clientScanId: crypto.randomUUID(),
      code: waybillNo,
      action,
      nodeId: nodes[code],
      at,
    });
    const { results } = await trpc<{ results: { outcome: string }[] }>(baseUrl, managerToken, "scan.recordBatch", {
      scans: [step("DEPART", "GZ-HUB"), step("ARRIVE", "GZ-102"), step("HANDOVER", "GZ-102"), step("ARRIVE", "GZ-102200")],
    });
    expect(results.map((r) => r.outcome)).toEqual(["OK", "OK", "OK", "OK"]);
    const [id, slot, pickupCode, status] = psql(
      `SELECT id, "shelfSlot", "pickupCode", status FROM "Shipment" WHERE "waybillNo" = '${waybillNo}'`,
    ).split("|") as [string, string, string, string];
    expect(status).toBe("AWAITING_PICKUP");
    out.push({ waybillNo, slot, pickupCode, id });
  }
  return out;
}
