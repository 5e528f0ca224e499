// Browser tests of the county network pages against the seeded demo (Gaizhou 210881, manager/manager123):
// the tree and coverage, a node form field error from the server, and a CSV import (preview errors, then
// a good file committed and polled to DONE); and no sideways scrolling at 360 px.
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, horizontalOverflow, screenshotPath } from "./harness.ts";

const NODE_HEADER = "code,name,tier,areaCode,parentCode,cold,selfPickup,status";

const suite = browserSuite();

const managerPage = (options?: BrowserContextOptions): Promise<Page> => suite.signedIn("manager", "manager123", options);

function csv(lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: "nodes.csv", mimeType: "text/csv", buffer: Buffer.from(`${[NODE_HEADER, ...lines].join("\n")}\n`, "utf8") };
}

/** A village-level unit without a point, in a township that has a station: where a new village point may go. */
async function freeVillage(page: Page): Promise<{ village: string; station: string }> {
  await page.goto(`${suite.baseUrl}/county/network`);
  await page.getByTestId("township-row").first().waitFor();
  await page.getByTestId("network-expand-all").click();
  await page.getByTestId("village-row").first().waitFor();
  const found = await page.evaluate(() => {
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid="township-row"]')) {
      const station = row.dataset.station;
      if (!station) continue;
      const free = row.querySelector<HTMLElement>('[data-testid="village-row"][data-point=""]');
      if (free?.dataset.code) return { village: free.dataset.code, station };
    }
    return null;
  });
  if (!found) throw new Error("the demo has no village without a point under a station");
  return found;
}

describe("county network pages", () => {
  it("shows the 27 townships of Gaizhou with a coverage rate, and a township opens to its villages", async () => {
    const page = await managerPage();
    await page.getByTestId("nav-network").click();
    await page.getByTestId("network-tree").waitFor({ state: "visible" });
    await page.getByTestId("township-row").first().waitFor();
    expect(await page.getByTestId("township-row").count()).toBe(27);
    expect((await page.getByTestId("coverage-rate").textContent())?.trim()).toMatch(/^\d{1,3}\.\d%$/);

    // Villages are rendered only for an opened township.
    expect(await page.getByTestId("village-row").count()).toBe(0);
    const first = page.getByTestId("township-row").first();
    await first.getByTestId("township-toggle").click();
    expect(await first.getByTestId("township-toggle").getAttribute("aria-expanded")).toBe("true");
    await first.getByTestId("village-row").first().waitFor();
    expect(await first.getByTestId("village-row").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("village-row").count()).toBe(await first.getByTestId("village-row").count());

    // The search narrows the tree to matching townships.
    const name = (await first.locator(".township-name").textContent())?.trim() ?? "";
    await page.getByTestId("network-search").fill(name);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="township-row"]').length < 27);
    expect(await page.getByTestId("township-row").first().locator(".township-name").textContent()).toBe(name);
    await page.screenshot({ path: screenshotPath("network-tree"), fullPage: true });
  });

  it("shows the server's field error under the area field of the node form", async () => {
    const page = await managerPage();
    await page.goto(`${suite.baseUrl}/county/nodes`);
    await page.getByTestId("node-row").first().waitFor();
    await page.getByTestId("node-new").click();
    const form = page.getByTestId("node-form");
    await form.waitFor({ state: "visible" });
    await page.getByTestId("node-code").fill("E2E-BAD-1");
    await page.getByTestId("node-name").fill("层级不符的服务站");
    // Pick a village for a village point, then turn the node into a township station: the area no longer fits.
    await page.getByTestId("node-tier").selectOption("VILLAGE_POINT");
    await page.getByTestId("node-township").selectOption({ index: 1 });
    await page.getByTestId("node-areaCode").selectOption({ index: 1 });
    await page.getByTestId("node-tier").selectOption("TOWNSHIP_STATION");
    await page.getByTestId("node-submit").click();

    const error = page.getByTestId("node-areaCode-error");
    await error.waitFor({ state: "visible" });
    expect((await error.textContent())?.trim()).toMatch(/乡镇服务站必须设在乡镇/);
    await page.getByTestId("node-form-error").waitFor({ state: "visible" });
    expect(await page.getByTestId("node-form-ok").count()).toBe(0);
    await page.screenshot({ path: screenshotPath("node-form-error") });
  });

  it("sets a self-pickup point's pickup check and hold days in the node form, checked before sending (issue #17)", async () => {
    const page = await managerPage();
    const { village } = await freeVillage(page);
    await page.goto(`${suite.baseUrl}/county/nodes`);
    await page.getByTestId("node-row").first().waitFor();
    await page.getByTestId("node-new").click();
    await page.getByTestId("node-form").waitFor({ state: "visible" });
    await page.getByTestId("node-code").fill("E2E-PICK");
    await page.getByTestId("node-name").fill("自提设置测试点");
    await page.getByTestId("node-tier").selectOption("VILLAGE_POINT");
    await page.getByTestId("node-township").selectOption(`${village.slice(0, 9)}000`);
    await page.getByTestId("node-areaCode").selectOption(village);
    // The settings show for a self-pickup node only.
    expect(await page.getByTestId("node-pickup-settings").count()).toBe(0);
    await page.getByTestId("node-selfPickup").check();
    await page.getByTestId("node-pickup-settings").waitFor({ state: "visible" });
    expect(await page.getByTestId("node-pickupCheck").inputValue()).toBe("CODE_OR_PHONE");
    expect(await page.getByTestId("node-pickupHoldDays").inputValue()).toBe("7");
    await page.getByTestId("node-pickupCheck").selectOption("CODE_PHONE_OR_ID");
    // Out of range: said under the field, in Chinese, and nothing is saved.
    await page.getByTestId("node-pickupHoldDays").fill("0");
    await page.getByTestId("node-submit").click();
    const error = page.getByTestId("node-pickupHoldDays-error");
    await error.waitFor({ state: "visible" });
    expect((await error.textContent())?.trim()).toBe("保管天数须在 1 至 60 天之间");
    expect(await page.getByTestId("node-form-ok").count()).toBe(0);
    await page.getByTestId("node-pickupHoldDays").fill("10");
    await page.getByTestId("node-submit").click();
    await page.getByTestId("node-form-ok").waitFor({ state: "visible" });
    await page.screenshot({ path: screenshotPath("node-form-pickup-settings") });

    // Saved: the node opens again with them.
    await page.reload();
    await page.getByTestId("node-filter-q").fill("E2E-PICK");
    const row = page.locator('[data-testid="node-row"][data-code="E2E-PICK"]');
    await row.waitFor({ state: "visible" });
    await row.getByTestId("node-edit").click();
    await page.getByTestId("node-pickup-settings").waitFor({ state: "visible" });
    expect(await page.getByTestId("node-pickupCheck").inputValue()).toBe("CODE_PHONE_OR_ID");
    expect(await page.getByTestId("node-pickupHoldDays").inputValue()).toBe("10");
    expect(await page.getByTestId("node-pickupCheck").locator("option:checked").textContent()).toBe("取件码、手机尾号或核验身份证");
  });

  it("previews a nodes CSV with a bad row, then imports a good one to DONE", async () => {
    const page = await managerPage();
    const { village, station } = await freeVillage(page);
    const good = `E2E-P1,E2E测试服务点,VILLAGE_POINT,${village},${station},none,yes,ACTIVE`;

    await page.getByTestId("nav-import").click();
    await page.getByTestId("import-kind-nodes").waitFor({ state: "attached" });
    expect(await page.getByTestId("import-headers").textContent()).toBe(NODE_HEADER);

    // Row 2 is fine, row 3 has a 3-digit area code: the preview lists it and nothing can be committed.
    await page.getByTestId("import-file").setInputFiles(csv([good, "E2E-P2,坏行,VILLAGE_POINT,123,,none,yes,ACTIVE"]));
    await page.getByTestId("import-preview").click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor({ state: "visible" });
    const bad = errors.locator('[data-testid="import-error-row"][data-row="3"]');
    expect(await bad.count()).toBeGreaterThan(0);
    expect(await bad.first().textContent()).toContain("areaCode");
    expect(await page.getByTestId("import-commit").isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath("import-preview-errors"), fullPage: true });

    // A good file: no errors, commit, and the polled progress bar reaches DONE with a summary.
    await page.getByTestId("import-file").setInputFiles(csv([good]));
    await page.getByTestId("import-preview").click();
    await page.getByTestId("import-preview-summary").waitFor({ state: "visible" });
    expect(await page.getByTestId("import-errors").count()).toBe(0);
    await page.getByTestId("import-commit").click();
    const progress = page.getByTestId("import-progress");
    await progress.waitFor({ state: "visible" });
    await page.waitForFunction(
      () => ["DONE", "FAILED"].includes(document.querySelector('[data-testid="import-progress"]')?.getAttribute("data-status") ?? ""),
      null,
      { timeout: 30_000 },
    );
    expect(await progress.getAttribute("data-status")).toBe("DONE");
    expect((await page.getByTestId("import-progress-count").textContent())?.trim()).toBe("1/1");
    await page.getByTestId("import-summary").waitFor({ state: "visible" });
    await page.screenshot({ path: screenshotPath("import-done"), fullPage: true });

    // The new point now covers its village in the tree.
    await page.goto(`${suite.baseUrl}/county/network`);
    await page.getByTestId("network-search").fill(village);
    const row = page.locator(`[data-testid="village-row"][data-code="${village}"]`);
    await row.waitFor({ state: "visible" });
    expect(await row.getAttribute("data-point")).toBe("E2E-P1");
  });

  it("has no horizontal scrolling on the network pages at 360×640", async () => {
    const page = await managerPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const pagesToCheck = [
      { path: "/county/network", ready: "township-row" },
      { path: "/county/nodes", ready: "node-row" },
      { path: "/county/lanes", ready: "lane-row" },
      { path: "/county/fleet", ready: "vehicle-row" },
      { path: "/county/import", ready: "import-headers" },
    ];
    for (const { path, ready } of pagesToCheck) {
      await page.goto(`${suite.baseUrl}${path}`);
      await page.getByTestId(ready).first().waitFor({ state: "visible" });
      expect((await horizontalOverflow(page)).scrollWidth, path).toBeLessThanOrEqual(360);
    }
    await page.goto(`${suite.baseUrl}/county/network`);
    await page.getByTestId("township-toggle").first().click();
    await page.getByTestId("village-row").first().waitFor({ state: "visible" });
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath("network-360"), fullPage: true });
  });
});
