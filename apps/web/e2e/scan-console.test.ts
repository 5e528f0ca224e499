// Browser test of the station scan console (/station) against the seeded Gaizhou demo: the manager creates 20 parcels
// bound hub → 高屯镇服务站 (GZ-102) through the API; the station scans one in ARRIVE mode (green, next hop), scans it
// again (amber DUPLICATE), then goes offline, scans the other 19 into the IndexedDB queue (pending 19), comes back
// online and waits for the queue to drain; the API then shows each of the 19 stored exactly once. 360 px: no sideways scroll.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  areaHeading,
  browserSuite,
  DEMO_DOWN_PARCEL,
  horizontalOverflow,
  psql,
  screenshotPath,
  submitLogin,
  waitForFocus,
} from "./harness.ts";

const suite = browserSuite();

const { api, login } = suite;

interface TToday {
  counts: { action: string; outcome: string; count: number }[];
  scans: { clientScanId: string; code: string; action: string; outcome: string }[];
}

const okArrive = (t: TToday) => t.counts.filter((c) => c.action === "ARRIVE" && c.outcome === "OK").reduce((n, c) => n + c.count, 0);

async function testIdText(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? "").trim();
}

async function scan(page: Page, code: string): Promise<void> {
  const input = page.getByTestId("scan-input");
  // Like a wedge scanner: the characters, then Enter, without clicking first (the input keeps focus).
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press("Enter");
  expect(await input.inputValue()).toBe("");
}

describe("station scan console", () => {
  it("scans with feedback, queues offline in order and syncs each scan exactly once", async () => {
    const managerToken = await login("manager", "manager123");
    const stationToken = await login("station", "station123");
    const me = await api<{ nodeId: string | null }>("GET", "auth.me", undefined, stationToken);
    const nodeId = me.nodeId;
    expect(nodeId).toBeTruthy();

    const waybills: string[] = [];
    for (let i = 0; i < 20; i++) {
      const s = await api<{ waybillNo: string }>("POST", "shipments.create", DEMO_DOWN_PARCEL, managerToken);
      waybills.push(s.waybillNo);
    }
    const before = await api<TToday>("GET", "scan.today", { nodeId }, managerToken);

    const page = await suite.page();
    const context = page.context();
    await submitLogin(page, suite.baseUrl, "station", "station123");
    expect(await areaHeading(page)).toBe("站点工作台");
    await page.getByTestId("scan-input").waitFor({ state: "visible" });
    // The node info stays on the page.
    await page.getByTestId("station-name").waitFor({ state: "visible" });
    await page.getByTestId("scan-mode-ARRIVE").click();
    await waitForFocus(page, "scan-input");

    // 1) OK, green, next hop.
    const first = waybills[0]!;
    await scan(page, first);
    const feedback = page.getByTestId("scan-feedback");
    await page.waitForFunction(() => document.querySelector('[data-testid="scan-feedback"]')?.getAttribute("data-outcome") === "OK");
    const okText = await feedback.textContent();
    expect(okText).toContain(first);
    expect(okText).toMatch(/下一站：\S+/);
    expect(await page.getByTestId("scan-count-ARRIVE").textContent()).toBe(String(okArrive(before) + 1));
    await page.screenshot({ path: screenshotPath("scan-console-ok"), fullPage: true });

    // 1b) A parcel past its promise scans fine but never as plain green: amber, with how late it is and what to do
    //     (issue #17 defect 8).
    const late = await api<{ waybillNo: string }>("POST", "shipments.create", DEMO_DOWN_PARCEL, managerToken);
    psql(
      `UPDATE "Shipment" SET "promisedAt" = now() - interval '3 hours 5 minutes', light = 'RED' WHERE "waybillNo" = '${late.waybillNo}'`,
    );
    await scan(page, late.waybillNo);
    const warning = page.getByTestId("scan-feedback-warning");
    await warning.waitFor({ state: "visible" });
    expect(await feedback.getAttribute("data-outcome")).toBe("OK");
    expect(await feedback.getAttribute("class")).toContain("scan-warn");
    expect(await warning.textContent()).toMatch(/已超过承诺时间 3 小时 [56] 分钟/);
    await page.screenshot({ path: screenshotPath("scan-console-late"), fullPage: true });

    // 2) The same parcel again: DUPLICATE, amber.
    await scan(page, first);
    await page.waitForFunction(() => document.querySelector('[data-testid="scan-feedback"]')?.getAttribute("data-outcome") === "DUPLICATE");
    expect(await feedback.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
      await page.getByTestId("scan-list").evaluate((el) => getComputedStyle(el).backgroundColor),
    );
    await page.screenshot({ path: screenshotPath("scan-console-duplicate"), fullPage: true });

    // 3) Offline: the other 19 go to the queue, in order.
    await context.setOffline(true);
    await context.route("**/trpc/**", (route) => route.abort("internetdisconnected"));
    const rest = waybills.slice(1);
    for (const w of rest) await scan(page, w);
    await page.waitForFunction(() => document.querySelector('[data-testid="scan-pending"]')?.textContent?.trim() === "19", undefined, {
      timeout: 20_000,
    });
    expect(await feedback.getAttribute("data-outcome")).toBe("QUEUED");
    expect(await page.locator('[data-testid="scan-list"] [data-outcome="QUEUED"]').count()).toBe(19);
    await page.screenshot({ path: screenshotPath("scan-console-offline"), fullPage: true });

    // 4) Back online: the queue drains to 0 and every queued scan turns OK.
    await context.unroute("**/trpc/**");
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelector('[data-testid="scan-pending"]')?.textContent?.trim() === "0", undefined, {
      timeout: 30_000,
    });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="scan-list"] [data-outcome="QUEUED"]').length === 0,
      undefined,
      { timeout: 15_000 },
    );
    expect(await testIdText(page, "scan-pending")).toBe("0");
    await page.screenshot({ path: screenshotPath("scan-console-synced"), fullPage: true });

    // 5) The API: 19 + 1 + the late one OK ARRIVE more than before, and each of the 19 stored exactly once.
    const after = await api<TToday>("GET", "scan.today", { nodeId }, managerToken);
    expect(okArrive(after) - okArrive(before)).toBe(21);
    for (const w of rest) {
      const rows = after.scans.filter((s) => s.code === w);
      expect(rows, w).toHaveLength(1);
      expect(rows[0]!.outcome, w).toBe("OK");
      expect(rows[0]!.action, w).toBe("ARRIVE");
    }
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="scan-count-ARRIVE"]')?.textContent?.trim() === String(n),
      okArrive(after),
      { timeout: 15_000 },
    );
  });

  it("fits a 360 px handheld without sideways scrolling", async () => {
    const page = await suite.page({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await submitLogin(page, suite.baseUrl, "station", "station123");
    await areaHeading(page);
    await page.getByTestId("scan-input").waitFor({ state: "visible" });
    await page.getByTestId("scan-mode-EXCEPTION").click();
    await page.getByTestId("scan-reason").waitFor({ state: "visible" });
    await page.screenshot({ path: screenshotPath("scan-console-360"), fullPage: true });
    const { scrollWidth, clientWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const box = await page.getByTestId("scan-mode-ARRIVE").boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

    // No camera in headless Chromium: the lazily loaded scanner says so instead of breaking the page.
    await page.getByTestId("scan-camera-open").click();
    await page.getByTestId("scan-camera-error").waitFor({ state: "visible" });
    await page.screenshot({ path: screenshotPath("scan-console-360-camera"), fullPage: true });
    await page.getByTestId("scan-camera-close").click();
    await waitForFocus(page, "scan-input");
  });
});
