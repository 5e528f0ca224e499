// Users for a county manager: create station staff by picking the node (no id pasted), reset a password (generated,
// shown once) and deactivate, each ending the user's open session; the users table fits at 1280 px.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { areaHeading, browserSuite, screenshotPath, submitLogin } from "./harness.ts";

const suite = browserSuite();

/** Whether the page with this session is still signed in: a reload of the area lands on it or on /login. */
async function signedIn(page: Page, path: string): Promise<boolean> {
  await page.goto(`${suite.baseUrl}${path}`);
  try {
    await page.locator('[data-testid="area-heading"], [data-testid="login-username"]').first().waitFor({ state: "visible" });
  } catch (e) {
    await page.screenshot({ path: screenshotPath("users-signed-in-check"), fullPage: true });
    throw e;
  }
  return new URL(page.url()).pathname !== "/login";
}

describe("users (county manager)", () => {
  it("creates station staff by node, resets the password and deactivates, ending the staff's session each time", async () => {
    const mgr = await suite.page();
    await submitLogin(mgr, suite.baseUrl, "manager", "manager123");
    await areaHeading(mgr);
    await mgr.getByTestId("nav-users").click();
    await mgr.getByTestId("users-table").waitFor({ state: "visible" });
    // Station staff of the county carry actions; a merchant does not.
    await mgr.getByTestId("user-reset-station").waitFor({ state: "visible" });
    expect(await mgr.getByTestId("user-row-merchant").locator("button").count()).toBe(0);
    expect(await mgr.locator("#new-role option").count()).toBe(1);

    const username = `clerk${Date.now() % 1_000_000}`;
    await mgr.locator("#new-username").fill(username);
    await mgr.locator("#new-display-name").fill("高屯村 小刘");
    await mgr.locator("#new-password").fill("clerk-pass-1");
    await mgr.getByTestId("new-node-id-search").fill("GZ-102200");
    await mgr.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="new-node-id"]')?.options.length === 2);
    await mgr.getByTestId("new-node-id").selectOption({ index: 1 });
    await mgr.getByTestId("user-create-submit").click();
    await mgr.getByTestId("user-create-ok").waitFor({ state: "visible" });
    const row = mgr.getByTestId(`user-row-${username}`);
    await row.waitFor({ state: "visible" });
    expect(await row.textContent()).toContain("GZ-102200");

    // The clerk signs in, then the manager resets the password: the session ends, the shown password works.
    const clerk = await suite.page();
    await submitLogin(clerk, suite.baseUrl, username, "clerk-pass-1");
    await areaHeading(clerk);
    await mgr.getByTestId(`user-reset-${username}`).click();
    await mgr.getByTestId("user-reset-submit").click();
    const shown = mgr.getByTestId("user-generated-password");
    await shown.waitFor({ state: "visible" });
    const generated = (await shown.textContent())?.trim() ?? "";
    expect(generated).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(await signedIn(clerk, "/station")).toBe(false);
    await submitLogin(clerk, suite.baseUrl, username, generated);
    await areaHeading(clerk);

    // Deactivation (confirmed) ends the new session too.
    mgr.once("dialog", (d) => void d.accept());
    await mgr.getByTestId(`user-toggle-${username}`).click();
    await mgr.getByTestId("user-action-result").waitFor({ state: "visible" });
    await mgr.waitForFunction((u) => document.querySelector(`[data-testid="user-row-${u}"] .status-closed`) !== null, username);
    expect(await signedIn(clerk, "/station")).toBe(false);

    // Nothing of the table is cut off at 1280 px: it fits its card without scrolling sideways.
    const wrap = mgr.locator(".table-wrap", { has: mgr.getByTestId("users-table") });
    const fit = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    await mgr.screenshot({ path: screenshotPath("users-manager-1280"), fullPage: true });
  });

  it("the nodes, shipments and users tables fit at 1280 px (no column cut off), and the page does not overflow at 390 px", async () => {
    const page = await suite.page();
    await submitLogin(page, suite.baseUrl, "manager", "manager123");
    await areaHeading(page);
    const report: Record<string, { scroll: number; client: number }> = {};
    for (const [path, testId] of [
      ["/county/nodes", "nodes-table"],
      ["/county/shipments", "shipments-table"],
      ["/county/users", "users-table"],
    ] as const) {
      await page.goto(`${suite.baseUrl}${path}`);
      await page.getByTestId(testId).waitFor({ state: "visible" });
      report[testId] = await page
        .locator(".table-wrap", { has: page.getByTestId(testId) })
        .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      await page.screenshot({ path: screenshotPath(`table-1280-${testId}`) });
    }
    for (const [testId, fit] of Object.entries(report))
      expect(fit.scroll, `${testId} ${JSON.stringify(fit)}`).toBeLessThanOrEqual(fit.client);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/county/nodes", "/county/shipments", "/county/users"]) {
      await page.goto(`${suite.baseUrl}${path}`);
      await areaHeading(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });
});
