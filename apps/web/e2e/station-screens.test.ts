// Browser test of the station screens of issue #17 against the seeded Gaizhou demo:
// - LOAD by vehicle number (defect 4): a load of 高屯镇服务站 (GZ-102) leaving today with one of the county's vehicles is
//   written into the e2e database (psql) for two parcels the station has received; the console offers that vehicle,
//   takes it by its number typed and by its plate scanned, loads one parcel onto it, and expected vs scanned shows
//   1 of 2 with the other still missing;
// - the result panel (defect 11): "checking…" while the answer is held back, each result numbered, an error flashes the
//   screen;
// - menus by node tier (defect 9): the village point (point, GZ-102200) gets no 到件清单, its address says so;
// - English mode (defect 10): no mode button breaks a word, at 1280 and 390 px.
import { makeLoadCode } from "@xiangda/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { areaHeading, browserSuite, DEMO_DOWN_PARCEL, psql, screenshotPath, submitLogin, trpc, waitForFocus } from "./harness.ts";

const suite = browserSuite();

async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press("Enter");
}

const outcome = (page: Page, want: string) =>
  page.waitForFunction((o) => document.querySelector('[data-testid="scan-feedback"]')?.getAttribute("data-outcome") === o, want);

/** Later today in Asia/Shanghai (ten minutes from now, or the day's last minute), so the load counts as leaving today. */
function laterToday(): string {
  const now = Date.now();
  const endOfDay = Math.floor((now + 8 * 3600_000) / 86_400_000) * 86_400_000 + 86_400_000 - 8 * 3600_000 - 60_000;
  return new Date(Math.min(now + 10 * 60_000, Math.max(endOfDay, now + 1000))).toISOString();
}

describe("station screens (#17)", () => {
  it("LOAD takes the vehicle by number or plate, offers today's departing vehicles, and counts expected vs loaded", async () => {
    const manager = await suite.login("manager", "manager123");
    const station = await suite.login("station", "station123");
    const me = (await (await fetch(`${suite.baseUrl}/trpc/auth.me`, { headers: { authorization: `Bearer ${station}` } })).json()) as {
      result: { data: { nodeId: string } };
    };
    const nodeId = me.result.data.nodeId;
    const waybills: string[] = [];
    for (let i = 0; i < 2; i++)
      waybills.push((await trpc<{ waybillNo: string }>(suite.baseUrl, manager, "shipments.create", DEMO_DOWN_PARCEL)).waybillNo);
    waybills.sort();
    for (const w of waybills) {
      const r = await trpc<{ outcome: string }>(suite.baseUrl, station, "scan.record", {
        clientScanId: crypto.randomUUID(),
        code: w,
        action: "ARRIVE",
        nodeId,
        at: new Date().toISOString(),
      });
      expect(r.outcome, w).toBe("OK");
    }
    const loadCode = makeLoadCode(8_000_000_000 + (Date.now() % 999_999_999));
    const [vehicleId, number, plate] = psql(`
      WITH st AS (SELECT id FROM "Node" WHERE id = '${nodeId}'::uuid),
      veh AS (SELECT id, number, plate FROM "Vehicle" WHERE "countyCode" = '210881' ORDER BY ("homeNodeId" = (SELECT id FROM st)) DESC, number LIMIT 1),
      l AS (
        INSERT INTO "Load" (id, "countyCode", key, code, "milkRun", "nodeId", "departAt", "cutoffAt", status, "sealedAt", "plannedAt", "updatedAt")
        SELECT gen_random_uuid(), '210881', 'e2e:${loadCode}', '${loadCode}', true, st.id, '${laterToday()}', now(), 'PLANNED', now(), now(), now()
        FROM st RETURNING id
      ),
      v AS (
        INSERT INTO "LoadVehicle" (id, "loadId", "vehicleId", seq, parcels, "weightG", "volumeCm3", "fillWeight", "fillVolume", "busyUntil", "plannedAt")
        SELECT gen_random_uuid(), l.id, veh.id, 1, 2, 1000, 2000, 0.1, 0.1, now() + interval '3 hours', now() FROM l, veh RETURNING id, "loadId"
      ),
      i AS (
        INSERT INTO "LoadItem" ("loadId", "shipmentId", "legId", "carrierId", "weightG", "volumeCm3", temp, "stopNodeId", pickup, status, "loadVehicleId")
        SELECT v."loadId", s.id, gen_random_uuid(), s."carrierId", s."weightG", 1000, s.temp, s."destNodeId", false, 'ASSIGNED', v.id
        FROM v, "Shipment" s WHERE s."waybillNo" IN ('${waybills.join("','")}') RETURNING 1
      )
      SELECT veh.id, veh.number, veh.plate FROM veh WHERE (SELECT count(*) FROM i) = 2;
    `).split("|");
    expect(number).toBeTruthy();

    const page = await suite.signedIn("station", "station123");
    await page.getByTestId("scan-input").waitFor({ state: "visible" });
    // AUTO is the default; LOAD is one press away.
    expect(await page.getByTestId("scan-mode-AUTO").getAttribute("aria-pressed")).toBe("true");
    await page.getByTestId("scan-mode-LOAD").click();
    const choice = page.locator(`[data-testid="scan-vehicle-choice"][data-number="${number}"]`);
    await choice.waitFor({ state: "visible" });
    expect(await choice.textContent()).toContain(plate);

    // Typed by its number.
    await page.getByTestId("scan-vehicle").fill(number!.toLowerCase());
    await page.getByTestId("scan-vehicle").press("Enter");
    await page.getByTestId("scan-vehicle-current").waitFor({ state: "visible" });
    expect(await page.getByTestId("scan-vehicle-current").textContent()).toContain(plate);
    await waitForFocus(page, "scan-input");
    const expected = page.getByTestId("scan-expected-body");
    await expected.waitFor({ state: "visible" });
    expect(await expected.getAttribute("data-expected")).toBe("2");
    expect(await expected.getAttribute("data-scanned")).toBe("0");

    // Its plate scanned into the scan input chooses it too (a wedge scanner reading the vehicle's barcode).
    await page.getByTestId("scan-vehicle").fill("");
    await page.getByTestId("scan-input").focus();
    await scan(page, ` ${plate!.toLowerCase()} `);
    expect(await page.getByTestId("scan-vehicle").inputValue()).toBe(number);

    await scan(page, waybills[0]!);
    await outcome(page, "OK");
    expect(psql(`SELECT "loadedVehicleId" FROM "Shipment" WHERE "waybillNo" = '${waybills[0]}'`)).toBe(vehicleId);
    await page.waitForFunction(() => document.querySelector('[data-testid="scan-expected-body"]')?.getAttribute("data-scanned") === "1");
    expect(
      await page
        .getByTestId("scan-expected-missing")
        .locator("li")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-waybill"))),
    ).toEqual([waybills[1]]);
    await page.screenshot({ path: screenshotPath("station-load-by-vehicle"), fullPage: true });
  });

  it("shows checking… at once, numbers each result and flashes the screen on an error", async () => {
    const page = await suite.signedIn("station", "station123");
    await page.getByTestId("scan-input").waitFor({ state: "visible" });
    await waitForFocus(page, "scan-input");
    // Every flash element that appears is recorded (it goes when its animation ends).
    await page.evaluate(() => {
      const w = window as unknown as { __flashes: number };
      w.__flashes = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if ((n as Element).classList?.contains("scan-flash")) w.__flashes++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/trpc/scan.record**", async (route) => {
      await held;
      await route.continue();
    });
    const feedback = page.getByTestId("scan-feedback");
    await scan(page, "XD0000000000");
    await outcome(page, "SENDING");
    expect(await feedback.textContent()).toContain("查询中");
    const first = Number(await feedback.getAttribute("data-seq"));
    expect(first).toBeGreaterThan(0);
    release();
    await page.waitForFunction(() => {
      const o = document.querySelector('[data-testid="scan-feedback"]')?.getAttribute("data-outcome");
      return !!o && o !== "SENDING";
    });
    await page.unroute("**/trpc/scan.record**");
    await page.waitForFunction(() => (window as unknown as { __flashes: number }).__flashes >= 1);

    // The same code again: the same result, told apart by its number.
    const text = await page.getByTestId("scan-feedback-detail").textContent();
    await scan(page, "XD0000000000");
    await page.waitForFunction((n) => {
      const el = document.querySelector('[data-testid="scan-feedback"]');
      return el?.getAttribute("data-seq") === String(n) && el.getAttribute("data-outcome") !== "SENDING";
    }, first + 1);
    expect(await page.getByTestId("scan-feedback-detail").textContent()).toBe(text);
    expect(await page.getByTestId("scan-feedback-seq").textContent()).toContain(String(first + 1));
    await page.waitForFunction(() => (window as unknown as { __flashes: number }).__flashes >= 2);
  });

  it("in Auto, a parcel on this node's shelf asks for the pickup check and is handed out with it", async () => {
    const manager = await suite.login("manager", "manager123");
    const station = await suite.login("station", "station123");
    const point = await suite.login("point", "point123");
    const nodeOf = async (t: string) =>
      (
        (await (await fetch(`${suite.baseUrl}/trpc/auth.me`, { headers: { authorization: `Bearer ${t}` } })).json()) as {
          result: { data: { nodeId: string } };
        }
      ).result.data.nodeId;
    const [stationNode, pointNode] = [await nodeOf(station), await nodeOf(point)];
    const { waybillNo } = await trpc<{ waybillNo: string }>(suite.baseUrl, manager, "shipments.create", DEMO_DOWN_PARCEL);
    for (const [who, action, nodeId] of [
      [station, "ARRIVE", stationNode],
      [station, "DEPART", stationNode],
      [point, "ARRIVE", pointNode],
    ] as const) {
      const r = await trpc<{ outcome: string }>(suite.baseUrl, who, "scan.record", {
        clientScanId: crypto.randomUUID(),
        code: waybillNo,
        action,
        nodeId,
        at: new Date().toISOString(),
      });
      expect(r.outcome, action).toBe("OK");
    }
    const page = await suite.signedIn("point", "point123");
    await page.getByTestId("scan-input").waitFor({ state: "visible" });
    await waitForFocus(page, "scan-input");
    await scan(page, waybillNo);
    await page.getByTestId("scan-pickup-code").waitFor({ state: "visible" });
    await waitForFocus(page, "scan-pickup-code");
    await page.keyboard.type(DEMO_DOWN_PARCEL.recipientPhone.slice(-4));
    await page.keyboard.press("Enter");
    await outcome(page, "OK");
    expect(psql(`SELECT status FROM "Shipment" WHERE "waybillNo" = '${waybillNo}'`)).toBe("DELIVERED");
  });

  it("menus hold only what the node can use: no 到件清单 at a village point", async () => {
    const point = await suite.signedIn("point", "point123");
    await point.getByTestId("nav-accept").waitFor({ state: "visible" });
    await point.getByTestId("nav-loads").waitFor({ state: "visible" });
    expect(await point.getByTestId("nav-manifests").count()).toBe(0);
    await point.goto(`${suite.baseUrl}/station/manifests`);
    await point.getByTestId("not-at-this-node").waitFor({ state: "visible" });
    expect(await point.getByTestId("not-at-this-node").textContent()).toContain("村级");

    const station = await suite.signedIn("station", "station123");
    await station.getByTestId("nav-manifests").waitFor({ state: "visible" });
  });

  it("the fleet page prints a barcode of each vehicle's number for LOAD", async () => {
    const page = await suite.signedIn("manager", "manager123");
    await page.goto(`${suite.baseUrl}/county/fleet`);
    const first = page.getByTestId("vehicle-row").first();
    await first.waitFor({ state: "visible" });
    const number = await first.getAttribute("data-number");
    await page.getByTestId("vehicle-barcodes-open").click();
    const label = page.locator(`[data-testid="vehicle-barcode"][data-number="${number}"]`);
    await label.waitFor({ state: "visible" });
    await label.locator('[data-testid="load-barcode"][data-drawn="true"]').waitFor({ state: "visible" });
    expect(await label.getByTestId("load-barcode").getAttribute("data-code")).toBe(number);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("vehicles-table").isVisible()).toBe(false);
    expect(await label.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("fleet-vehicle-barcodes-print"), fullPage: true });
  });

  for (const width of [1280, 390]) {
    it(`in English no mode button breaks a word (${width} px)`, async () => {
      const page = await suite.page({ viewport: { width, height: 800 }, locale: "en" });
      await page.addInitScript(() => localStorage.setItem("xd.lang", "en"));
      await submitLogin(page, suite.baseUrl, "station", "station123");
      await areaHeading(page);
      await page.getByTestId("scan-mode-HANDOVER").waitFor({ state: "visible" });
      const names = await page.locator(".scan-mode-name").evaluateAll((els) =>
        els.map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return {
            text: el.textContent,
            lines: range.getClientRects().length,
            fits: el.scrollWidth <= (el.parentElement?.clientWidth ?? 0),
          };
        }),
      );
      expect(names.map((n) => n.text)).toContain("Handover");
      for (const n of names) expect(n, JSON.stringify(n)).toMatchObject({ lines: 1, fits: true });
      await page.screenshot({ path: screenshotPath(`station-modes-en-${width}`), fullPage: false });
    });
  }
});
