// The open platform's journey (#19) in real Chromium against the built app, the real API, worker, PostgreSQL and Redis
// with the seeded Gaizhou demo: 中通 pre-advises two parcels by API (its key made in its portal) and subscribes a
// webhook by API; the county hub scans them in; they travel to 高屯村服务点, which takes them onto its pickup shelf and
// hands them out in its scanning console against the code of each recipient's pickup SMS; the carrier's portal shows every step of each parcel and the webhook's deliveries, and the receiver here got every
// event of both journeys once, in order, signed by the documented recipe.
// The API and worker allow loopback webhook targets (XD_WEBHOOK_ALLOW_PRIVATE=1, scripts/e2e.sh).
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { browserSuite, psql, screenshotPath, trpc, until, waitForFocus } from "./harness.ts";

const suite = browserSuite();
const VILLAGE = "210881102200";

interface Got {
  id: string;
  raw: string;
  signature: string;
}
const got: Got[] = [];
let receiver: Server | undefined;
afterAll(() => new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r())));

async function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      got.push({
        id: String(req.headers["x-xiangda-event-id"]),
        raw: Buffer.concat(chunks).toString("utf8"),
        signature: String(req.headers["x-xiangda-signature"]),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/xiangda`;
}

/** The receiver's check, as docs/webhooks.md gives it (not the server's signing code). */
function verified(secret: string, g: Got): boolean {
  const parts = Object.fromEntries(g.signature.split(",").map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return false;
  return timingSafeEqual(createHmac("sha256", secret).update(`${t}.${g.raw}`).digest(), Buffer.from(parts.v1!, "hex"));
}

/** Scans `code` in the console in `mode`; the answer names the parcel (by either of its numbers, `names`). */
async function scanIn(page: Page, code: string, mode: string, names: string[]): Promise<{ outcome: string; text: string }> {
  await page.getByTestId(`scan-mode-${mode}`).click();
  await waitForFocus(page, "scan-input");
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    (c) => {
      const el = document.querySelector('[data-testid="scan-feedback"]');
      const o = el?.getAttribute("data-outcome") ?? "";
      return !!el && o !== "" && o !== "SENDING" && c.some((n) => (el.textContent ?? "").includes(n));
    },
    [code, ...names],
    { timeout: 15_000 },
  );
  const el = page.getByTestId("scan-feedback");
  return { outcome: (await el.getAttribute("data-outcome")) ?? "", text: (await el.textContent()) ?? "" };
}

describe("open platform journey (#19)", () => {
  it(
    "pre-advised by API, scanned in at the hub, handed out at the village point; the portal and the webhook see it all",
    { timeout: 180_000 },
    async () => {
      // 中通's user makes an API key in the portal (shown once).
      const portal = await suite.signedIn("zto", "zto123");
      await portal.getByTestId("nav-keys").click();
      await portal.getByTestId("api-key-add").click();
      await portal.getByTestId("api-key-label").fill("sorting centre");
      await portal.getByTestId("api-key-submit").click();
      const key = ((await portal.getByTestId("api-key-value").textContent()) ?? "").trim();
      expect(key).toMatch(/^xdk_/);
      const api = (method: string, path: string, body?: unknown) =>
        fetch(`${suite.baseUrl}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });

      // Its system subscribes a webhook and pre-advises two parcels for 高屯村.
      const hook = (await (
        await api("POST", "/webhooks", {
          url: await startReceiver(),
          events: ["shipment.created", "shipment.scanned", "shipment.ready_for_pickup", "shipment.delivered"],
        })
      ).json()) as { id: string; secret: string };
      expect(hook.secret).toMatch(/^whsec_/);
      const numbers = [`78${String(randomInt(1e11)).padStart(11, "0")}`, `78${String(randomInt(1e11)).padStart(11, "0")}`];
      const answer = await api("POST", "/shipments", {
        parcels: numbers.map((waybillNo, i) => ({
          waybillNo,
          recipientName: `收件人${i}`,
          recipientPhone: `1390000${String(randomInt(1e4)).padStart(4, "0")}`,
          villageCode: VILLAGE,
          weightG: 800,
        })),
      });
      expect(answer.status).toBe(200);
      const results = ((await answer.json()) as { results: { outcome: string; xdWaybillNo: string }[] }).results;
      expect(results.map((r) => r.outcome)).toEqual(["CREATED", "CREATED"]);
      const xd = results.map((r) => r.xdWaybillNo);

      // The hub scans them in and sends them on; the station passes them to 高屯村服务点 (the manager's scans, by tRPC).
      const manager = await suite.login("manager", "manager123");
      const nodeId = (code: string) => psql(`SELECT id FROM "Node" WHERE "countyCode" = '210881' AND code = '${code}'`);
      const legs = psql(
        `SELECT f.code || '>' || t.code FROM "ShipmentLeg" l JOIN "Node" f ON f.id = l."fromNodeId" JOIN "Node" t ON t.id = l."toNodeId"
         JOIN "Shipment" s ON s.id = l."shipmentId" WHERE s."waybillNo" = '${xd[0]}' AND l.status <> 'CANCELLED' ORDER BY l.plan DESC, l.seq`,
      ).split("\n");
      const hops = legs.map((l) => l.split(">") as [string, string]);
      expect(hops[0]![0]).toBe("GZ-HUB");
      expect(hops.at(-1)![1]).toBe("GZ-102200");
      const scan = (code: string, action: string, node: string) =>
        trpc<{ outcome: string; message: string }>(suite.baseUrl, manager, "scan.record", {
          clientScanId: crypto.randomUUID(),
          code,
          action,
          nodeId: nodeId(node),
          at: new Date().toISOString(),
        });
      for (const no of numbers) {
        expect((await scan(no, "ARRIVE", "GZ-HUB")).outcome).toBe("OK");
        for (const [from, to] of hops.slice(0, -1)) {
          expect((await scan(no, "DEPART", from)).outcome).toBe("OK");
          expect((await scan(no, "ARRIVE", to)).outcome).toBe("OK");
        }
        expect((await scan(no, "DEPART", hops.at(-1)![0])).outcome).toBe("OK");
      }

      // 高屯村服务点 receives them onto its shelf and hands them out against the pickup SMS's code, in its console.
      const vp = await suite.signedIn("point", "point123");
      await vp.getByTestId("scan-input").waitFor({ state: "visible" });
      for (const [i, no] of numbers.entries()) {
        const f = await scanIn(vp, no, "ARRIVE", [xd[i]!]);
        expect(f.outcome, f.text).toBe("OK");
      }
      for (const [i, no] of numbers.entries()) {
        const code = await until(
          "the pickup SMS",
          () =>
            psql(
              `SELECT payload->>'pickupCode' FROM "Notification" WHERE template = 'pickup.ready' AND payload->>'waybillNo' = '${xd[i]}'`,
            ),
          (c) => /^\d{6}$/.test(c),
          30_000,
        );
        await vp.getByTestId("scan-mode-PICKUP").click();
        await waitForFocus(vp, "scan-input");
        await vp.keyboard.type(no, { delay: 5 });
        await vp.keyboard.press("Enter");
        await waitForFocus(vp, "scan-pickup-code");
        await vp.keyboard.type(code, { delay: 5 });
        await vp.keyboard.press("Enter");
        await until(
          "picked up",
          () => psql(`SELECT status FROM "Shipment" WHERE "waybillNo" = '${xd[i]}'`),
          (s) => s === "DELIVERED",
          15_000,
        );
      }
      await vp.screenshot({ path: screenshotPath("open-platform-01-handed-out"), fullPage: true });

      // The receiver got every event of both parcels once each, in order, signed; the feed holds the same ids.
      const expected = [
        "PRE_ADVISED",
        "ARRIVED",
        ...hops.slice(0, -1).flatMap(() => ["DEPARTED", "ARRIVED"]),
        "DEPARTED",
        "READY_FOR_PICKUP",
        "PICKED_UP",
      ];
      const journeyOf = (no: string) =>
        got
          .map((g) => ({ g, body: JSON.parse(g.raw) as { id: string; data: { waybillNo: string; event: { code: string } } } }))
          .filter((x) => x.body.data.waybillNo === no);
      for (const no of numbers) {
        const mine = await until(
          "every event at the receiver",
          () => journeyOf(no),
          (l) => l.length >= expected.length,
          60_000,
        );
        expect(mine.map((x) => x.body.data.event.code)).toEqual(expected);
        const ids = mine.map((x) => BigInt(x.body.id));
        expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
        expect(new Set(ids).size).toBe(ids.length);
        for (const x of mine) {
          expect(x.g.id).toBe(x.body.id);
          expect(verified(hook.secret, x.g)).toBe(true);
        }
      }
      const feed = (await (await api("GET", "/events?limit=500")).json()) as { events: { id: string; data: { waybillNo: string } }[] };
      const feedIds = feed.events.filter((e) => numbers.includes(e.data.waybillNo)).map((e) => e.id);
      expect(new Set(feedIds)).toEqual(new Set(got.filter((g) => numbers.some((n) => g.raw.includes(n))).map((g) => g.id)));

      // The portal: each parcel's steps in order, and the webhook's deliveries.
      await portal.goto(`${suite.baseUrl}/carrier/parcels/${numbers[0]}`);
      await until(
        "the parcel's events in the portal",
        () => portal.$$eval('[data-testid="carrier-event"]', (els) => els.map((e) => e.getAttribute("data-code"))),
        (c) => c.join() === expected.join(),
      );
      await portal.getByTestId("carrier-parcel-events").getByText("已自提签收").waitFor();
      await portal.screenshot({ path: screenshotPath("open-platform-02-portal-events"), fullPage: true });
      await portal.goto(`${suite.baseUrl}/carrier/webhooks`);
      await portal.locator(`[data-testid="webhook-row"]:has-text("/xiangda") [data-testid="webhook-log"]`).click();
      const delivered = await until(
        "the deliveries in the log",
        () => portal.$$eval('[data-testid="delivery-row"][data-status="DELIVERED"]', (els) => els.length),
        (n) => n >= expected.length * 2,
      );
      expect(delivered).toBeGreaterThanOrEqual(expected.length * 2);

      // The last hour delivered again from the log: every event of the two journeys arrives a second time, with the same
      // id (the range may also hold the carrier's earlier events of the hour, from before this webhook).
      const ours = new Set(got.filter((g) => numbers.some((n) => g.raw.includes(n))).map((g) => g.id));
      const before = got.length;
      await portal.getByTestId("redeliver-range").locator("summary").click();
      await portal.getByTestId("redeliver-range-submit").click();
      await portal.getByTestId("delivery-redelivered").waitFor();
      const queued = Number(((await portal.getByTestId("delivery-redelivered").textContent()) ?? "").replace(/\D/g, ""));
      expect(queued).toBeGreaterThanOrEqual(ours.size);
      await until(
        "the journeys' events delivered again",
        () => new Set(got.slice(before).map((g) => g.id)),
        (again) => [...ours].every((id) => again.has(id)),
        60_000,
      );
      await portal.screenshot({ path: screenshotPath("open-platform-03-portal-deliveries"), fullPage: true });
    },
  );
});
