// Browser walk of the carrier portal (#19) against the seeded Gaizhou demo, as 中通's user (zto/zto123):
// - its parcels in the county with status, light and the recipient masked, their events in the standard words, the
//   loads and vehicles they travelled on and the day's summary; 圆通's parcel is neither listed nor found;
// - an API key made in the page (shown once) reads its parcels by REST and not 圆通's, and stops when revoked;
// - webhooks: a subscription added in the page (the secret shown once) to a receiver in this test, the events that
//   follow arrive signed by the documented recipe, the delivery log shows them delivered, and one is redelivered.
// The API and worker must allow loopback webhook targets (XD_WEBHOOK_ALLOW_PRIVATE=1, as scripts/e2e.sh sets).
import { createHmac, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { makeLoadCode } from "@xiangda/domain";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { browserSuite, DEMO_DOWN_PARCEL, psql, trpc, until } from "./harness.ts";

const suite = browserSuite();

/** Carrier numbers of the demo's patterns, new each run: ZTO 7x + 11 digits, YTO "YT" + 13 digits. */
const digits = (n: number) => String(randomInt(10 ** Math.min(n, 12))).padStart(n, "0");
const ztoNumber = () => `78${digits(11)}`;
const ytoNumber = () => `YT${digits(13)}`;

async function parcel(manager: string, carrierCode: string, carrierWaybillNo: string): Promise<string> {
  const made = await trpc<{ waybillNo: string }>(suite.baseUrl, manager, "shipments.create", {
    ...DEMO_DOWN_PARCEL,
    carrierCode,
    carrierWaybillNo,
  });
  return made.waybillNo;
}

const testIds = (page: Page, id: string, attr: string) =>
  page.$$eval(`[data-testid="${id}"]`, (els, a) => els.map((e) => e.getAttribute(a) ?? ""), attr);

interface Received {
  eventId: string;
  signature: string;
  body: string;
}
const received: Received[] = [];
let receiver: Server | undefined;
afterAll(() => new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve())));

async function startReceiver(): Promise<string> {
  receiver = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        eventId: String(req.headers["x-xiangda-event-id"] ?? ""),
        signature: String(req.headers["x-xiangda-signature"] ?? ""),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/xd-hook`;
}

/** The documented recipe: v1 = hex HMAC-SHA256(secret, "<t>.<raw body>"). */
function signedBy(secret: string, r: Received): boolean {
  const parts = Object.fromEntries(r.signature.split(",").map((p) => p.split("=") as [string, string]));
  const want = createHmac("sha256", secret).update(`${parts.t}.${r.body}`).digest("hex");
  return parts.v1 === want;
}

describe("carrier portal (#19)", () => {
  const ztoNo = ztoNumber();
  const ytoNo = ytoNumber();
  let zto = "";
  let yto = "";

  it("shows the carrier's parcels, their events, loads and the day's summary, and nothing of another carrier's", async () => {
    const manager = await suite.login("manager", "manager123");
    const admin = await suite.login("admin", "admin123");
    zto = await parcel(manager, "ZTO", ztoNo);
    yto = await parcel(manager, "YTO", ytoNo);
    const hub = psql(`SELECT id FROM "Node" WHERE "countyCode" = '210881' AND code = 'GZ-HUB'`);
    const arrived = await trpc<{ outcome: string }>(suite.baseUrl, admin, "scan.record", {
      clientScanId: crypto.randomUUID(),
      code: zto,
      action: "ARRIVE",
      nodeId: hub,
      at: new Date().toISOString(),
    });
    expect(arrived.outcome).toBe("OK");
    // A load leaving the hub now with the ZTO parcel on one of the county's vehicles.
    const loadCode = makeLoadCode(8_100_000_000 + (Date.now() % 99_999_999));
    const vehicle = psql(`
      WITH veh AS (SELECT id, number FROM "Vehicle" WHERE "countyCode" = '210881' ORDER BY number LIMIT 1),
      l AS (
        INSERT INTO "Load" (id, "countyCode", key, code, "milkRun", "nodeId", "departAt", "cutoffAt", status, "updatedAt")
        VALUES (gen_random_uuid(), '210881', 'e2e:${loadCode}', '${loadCode}', false, '${hub}'::uuid, now(), now(), 'PLANNED', now()) RETURNING id
      ),
      v AS (
        INSERT INTO "LoadVehicle" (id, "loadId", "vehicleId", seq, parcels, "weightG", "volumeCm3", "fillWeight", "fillVolume", "busyUntil")
        SELECT gen_random_uuid(), l.id, veh.id, 1, 1, 500, 1000, 0.1, 0.1, now() + interval '3 hours' FROM l, veh RETURNING id, "loadId"
      ),
      i AS (
        INSERT INTO "LoadItem" ("loadId", "shipmentId", "legId", "carrierId", "weightG", "volumeCm3", temp, "stopNodeId", status, "loadVehicleId")
        SELECT v."loadId", s.id, gen_random_uuid(), s."carrierId", s."weightG", 1000, s.temp, s."destNodeId", 'ASSIGNED', v.id
        FROM v, "Shipment" s WHERE s."waybillNo" = '${zto}' RETURNING 1
      )
      SELECT veh.number FROM veh, i`);

    const page = await suite.signedIn("zto", "zto123");
    expect(new URL(page.url()).pathname).toBe("/carrier");
    await page.getByTestId("carrier-client-name").getByText("中通").waitFor();
    const preAdvised = Number(
      (await page.getByTestId("carrier-stat-pre-advised").locator(".stat-value").textContent())?.replace(/\D/g, ""),
    );
    expect(preAdvised).toBeGreaterThanOrEqual(1);

    await page.getByTestId("nav-parcels").click();
    await page.getByTestId("carrier-filter-q").fill(ztoNo);
    await until(
      "the ZTO parcel listed alone",
      () => testIds(page, "carrier-parcel-row", "data-waybill"),
      (w) => w.join() === zto,
    );
    const row = page.locator(`[data-testid="carrier-parcel-row"][data-waybill="${zto}"]`);
    expect(await row.textContent()).toContain("138****5678");
    expect(await row.textContent()).not.toContain("13812345678");
    await page.getByTestId("carrier-filter-q").fill(ytoNo);
    await page.getByText("没有符合条件的包裹").waitFor();

    await page.goto(`${suite.baseUrl}/carrier/parcels/${zto}`);
    await page.getByTestId("carrier-parcel-waybill").getByText(zto).waitFor();
    await until(
      "the parcel's events",
      () => testIds(page, "carrier-event", "data-code"),
      (c) => c.includes("ARRIVED"),
    );
    await page.getByTestId("carrier-parcel-events").getByText("到达").first().waitFor();
    expect(await page.getByTestId("carrier-parcel-loads").textContent()).toContain(loadCode);
    // In English the events read in English (the standard table's words), the page's own words too.
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("carrier-parcel-events").getByText("Arrived").first().waitFor();
    await page.getByText("Back to parcels").waitFor();
    await page.getByTestId("lang-switch").click();
    await page.getByText("返回包裹列表").waitFor();

    await page.goto(`${suite.baseUrl}/carrier/parcels/${yto}`);
    await page.getByTestId("carrier-parcel-not-found").waitFor();

    await page.goto(`${suite.baseUrl}/carrier/loads`);
    await page.locator(`[data-testid="carrier-load-row"][data-code="${loadCode}"]`).waitFor();
    expect(await page.locator(`[data-testid="carrier-load-row"][data-code="${loadCode}"]`).textContent()).toContain(vehicle);
  });

  it("makes an API key in the page (shown once) that reads the carrier's parcels only, and revokes it", async () => {
    const page = await suite.signedIn("zto", "zto123");
    await page.getByTestId("nav-keys").click();
    await page.getByTestId("api-key-add").click();
    await page.getByTestId("api-key-label").fill("e2e");
    await page.getByTestId("api-key-submit").click();
    const key = ((await page.getByTestId("api-key-value").textContent()) ?? "").trim();
    expect(key).toMatch(/^xdk_/);
    const prefix = key.split("_")[1]!;
    await page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"]`).waitFor();
    expect(await page.getByTestId("api-keys-table").textContent()).not.toContain(key.slice(-20));
    const get = (ref: string) => fetch(`${suite.baseUrl}/api/v1/shipments/${ref}`, { headers: { authorization: `Bearer ${key}` } });
    expect((await get(ztoNo)).status).toBe(200);
    expect((await get(yto)).status).toBe(404);

    page.once("dialog", (d) => void d.accept());
    await page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"] [data-testid="api-key-revoke"]`).click();
    await until(
      "the key revoked",
      () => page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"] [data-testid="api-key-state"]`).getAttribute("data-live"),
      (v) => v === "false",
    );
    expect((await get(ztoNo)).status).toBe(401);
  });

  it("adds a webhook in the page; the following events arrive signed, the log shows them delivered, one is redelivered", async () => {
    const url = await startReceiver();
    const page = await suite.signedIn("zto", "zto123");
    await page.goto(`${suite.baseUrl}/carrier/webhooks`);
    await page.getByTestId("webhook-add").click();
    await page.getByTestId("webhook-url").fill(url);
    await page.getByTestId("webhook-submit").click();
    const secret = ((await page.getByTestId("webhook-secret-value").textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
    // This test's webhook (other files' tests may have added others to 中通's organisation).
    const row = page.locator('[data-testid="webhook-row"][data-status="ACTIVE"]', { hasText: "/xd-hook" });
    await row.waitFor();

    const manager = await suite.login("manager", "manager123");
    const next = await parcel(manager, "ZTO", ztoNumber());
    await parcel(manager, "YTO", ytoNumber());
    const mine = await until(
      "the new ZTO parcel's event at the receiver",
      () => received.filter((r) => r.body.includes(next)),
      (r) => r.length > 0,
    );
    expect(received.some((r) => r.body.includes(ytoNo) || r.body.includes(yto))).toBe(false);
    for (const r of received) expect(signedBy(secret, r), r.signature).toBe(true);
    expect(signedBy("whsec_forged", mine[0]!)).toBe(false);

    await row.getByTestId("webhook-log").click();
    const eventId = mine[0]!.eventId;
    await until(
      "the delivery in the log",
      async () => {
        await page.getByTestId("deliveries-panel").waitFor();
        return page
          .locator(`[data-testid="delivery-row"][data-event="${eventId}"]`)
          .getAttribute("data-status", { timeout: 1000 })
          .catch(() => null);
      },
      (s) => s === "DELIVERED",
    );
    await page.locator(`[data-testid="delivery-row"][data-event="${eventId}"] [data-testid="delivery-redeliver"]`).click();
    await page.getByTestId("delivery-redelivered").waitFor();
    await until(
      "the redelivered event",
      () => received.filter((r) => r.eventId === eventId).length,
      (n) => n >= 2,
    );
  });
});
