// Browser smoke test: every role signs in through the form, lands in its area, signs out;
// wrong password, language switch and the 360 px handheld layout.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { areaHeading, browserSuite, horizontalOverflow, screenshotPath, submitLogin } from "./harness.ts";

// `overview`: the element that shows data from the area's overview procedure.
const ROLES = [
  { username: "admin", password: "admin123", path: "/county", heading: "县级管理", overview: "county-name" },
  { username: "manager", password: "manager123", path: "/county", heading: "县级管理", overview: "county-name" },
  { username: "station", password: "station123", path: "/station", heading: "站点工作台", overview: "station-name" },
  { username: "merchant", password: "merchant123", path: "/merchant", heading: "商户中心", overview: "merchant-name" },
  { username: "zto", password: "zto123", path: "/carrier", heading: "快递企业门户", overview: "carrier-client-name" },
] as const;

async function overviewText(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId);
  await el.waitFor({ state: "visible" });
  return (await el.textContent())?.trim() ?? "";
}

const suite = browserSuite();

describe("web smoke", () => {
  for (const role of ROLES) {
    it(`${role.username} signs in, sees ${role.heading}, signs out`, async () => {
      const page = await suite.page();
      await submitLogin(page, suite.baseUrl, role.username, role.password);
      expect(await areaHeading(page)).toBe(role.heading);
      expect(new URL(page.url()).pathname).toBe(role.path);
      await expect(page.getByTestId("user-role").textContent()).resolves.toBeTruthy();
      expect(await overviewText(page, role.overview)).not.toBe("");
      await page.screenshot({ path: screenshotPath(`area-${role.username}`), fullPage: true });

      await page.getByTestId("logout").click();
      await page.getByTestId("login-username").waitFor({ state: "visible" });
      expect(new URL(page.url()).pathname).toBe("/login");
      // The session is gone: the area sends us back to the login page.
      await page.goto(`${suite.baseUrl}${role.path}`);
      await page.getByTestId("login-username").waitFor({ state: "visible" });
    });
  }

  it("admin sees the users and audit pages", async () => {
    const page = await suite.page();
    await submitLogin(page, suite.baseUrl, "admin", "admin123");
    await areaHeading(page);
    await page.getByTestId("nav-users").click();
    await page.getByTestId("users-table").waitFor({ state: "visible" });
    expect(await page.getByTestId("users-table").textContent()).toContain("manager");
    // Sign-in throttling: the card lists what is blocked or delayed (the wrong-password test leaves nothing blocked).
    await page.getByTestId("login-throttles").waitFor({ state: "visible" });
    expect(await page.getByTestId("login-throttles").textContent()).toContain("登录限制");
    await page.getByTestId("nav-audit").click();
    await page.getByTestId("audit-table").waitFor({ state: "visible" });
    expect(await page.getByTestId("audit-table").textContent()).toContain("auth.login");
    await page.screenshot({ path: screenshotPath("admin-audit"), fullPage: true });
  });

  it("a county manager is kept out of the admin pages and other areas (their county's users are theirs: users.test.ts)", async () => {
    const page = await suite.page();
    await submitLogin(page, suite.baseUrl, "manager", "manager123");
    await areaHeading(page);
    expect(await page.getByTestId("nav-audit").count()).toBe(0);
    await page.goto(`${suite.baseUrl}/county/audit`);
    await page.getByTestId("area-heading").waitFor({ state: "visible" });
    expect(new URL(page.url()).pathname).toBe("/county");
    await page.goto(`${suite.baseUrl}/merchant`);
    await page.getByTestId("area-heading").waitFor({ state: "visible" });
    expect(new URL(page.url()).pathname).toBe("/county");
  });

  it("a wrong password shows an error and stays on the login page", async () => {
    const page = await suite.page();
    // One failure stays far below every sign-in limit (README "Sign-in throttling").
    await submitLogin(page, suite.baseUrl, "admin", "wrong-password");
    const error = page.getByTestId("login-error");
    await error.waitFor({ state: "visible" });
    expect((await error.textContent())?.trim()).toMatch(/用户名或密码错误|登录尝试过于频繁/);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.screenshot({ path: screenshotPath("login-error") });
  });

  it("the English switch changes the login heading and is remembered", async () => {
    const page = await suite.page();
    await page.goto(`${suite.baseUrl}/login`);
    const heading = page.getByTestId("login-heading");
    expect((await heading.textContent())?.trim()).toBe("登录");
    await page.getByTestId("lang-switch").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="login-heading"]')?.textContent === "Sign in");
    await page.reload();
    await heading.waitFor({ state: "visible" });
    expect((await heading.textContent())?.trim()).toBe("Sign in");
    await page.screenshot({ path: screenshotPath("login-en") });
  });

  it("has no horizontal scrolling at 360×640", async () => {
    const page = await suite.page({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    await page.goto(`${suite.baseUrl}/login`);
    await page.getByTestId("login-username").waitFor({ state: "visible" });
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath("login-360") });

    for (const role of [ROLES[2], ROLES[0]]) {
      await submitLogin(page, suite.baseUrl, role.username, role.password);
      expect(await areaHeading(page)).toBe(role.heading);
      await overviewText(page, role.overview);
      expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
      await page.screenshot({ path: screenshotPath(`area-${role.username}-360`), fullPage: true });
      if (role.username === "admin") {
        // The nav is collapsed behind the menu button; the users table scrolls inside its card.
        expect(await page.getByTestId("nav-users").isVisible()).toBe(false);
        await page.getByTestId("nav-toggle").click();
        await page.getByTestId("nav-users").click();
        await page.getByTestId("users-table").waitFor({ state: "visible" });
        expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
        await page.screenshot({ path: screenshotPath("admin-users-360"), fullPage: true });
      }
      await page.getByTestId("logout").click();
      await page.getByTestId("login-username").waitFor({ state: "visible" });
    }
  });
});
