// Browser walk of the county's API clients (#19) against the seeded Gaizhou demo:
// - the manager adds a platform and a carrier (韵达) in /county/api-clients, opens the carrier and makes an API key
//   there (shown once) that reads the event feed; the page's words switch to English and back;
// - a carrier user (zto) cannot open the county's page: it lands in its own portal;
// - ADMIN creates a carrier user for the new organisation in the user form (the organisation is required), and that
//   user signs in to /carrier and sees the organisation's name.
import { randomInt } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, psql, submitLogin, areaHeading } from "./harness.ts";

const suite = browserSuite();

const rowOf = (page: Page, name: string) => page.locator(`[data-testid="api-client-row"][data-name="${name}"]`);

async function addClient(page: Page, fill: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId("api-client-add").click();
  await page.getByTestId("api-client-panel").waitFor();
  await fill(page);
  await page.getByTestId("api-client-submit").click();
  await page.getByTestId("api-client-panel").waitFor({ state: "detached" });
}

describe("county API clients (#19)", () => {
  const platform = `e2e 电商平台 ${randomInt(1_000_000)}`;
  let yundaId = "";

  it("the manager adds a platform and a carrier, opens the carrier and makes a key (shown once) that reads the feed", async () => {
    const page = await suite.signedIn("manager", "manager123");
    await page.getByTestId("nav-api-clients").click();
    await page.getByTestId("api-clients").waitFor();
    expect(await page.getByTestId("api-clients").locator(".card-title").textContent()).toBe("接口机构");

    // A platform without a name is refused under the field, in Chinese, before anything is sent.
    await addClient(page, async (p) => {
      await p.getByTestId("api-client-kind").selectOption("PLATFORM");
      await p.getByTestId("api-client-submit").click();
      await p.getByTestId("api-client-name-error").waitFor();
      expect(await p.getByTestId("api-client-name-error").textContent()).toContain("必填");
      await p.getByTestId("api-client-name").fill(platform);
    });
    await rowOf(page, platform).waitFor();
    expect(await rowOf(page, platform).getAttribute("data-kind")).toBe("PLATFORM");

    await addClient(page, async (p) => {
      await p.getByTestId("api-client-carrierCode").selectOption("YUNDA");
    });
    const yunda = rowOf(page, "韵达快递");
    await yunda.waitFor();
    expect(await yunda.textContent()).toContain("快递公司");
    yundaId = psql(`SELECT id FROM "ApiClient" WHERE "countyCode" = '210881' AND name = '韵达快递'`);
    expect(yundaId).toMatch(/^[0-9a-f-]{36}$/);

    await yunda.click();
    await page.waitForURL(`**/county/api-clients/${yundaId}`);
    expect((await page.getByTestId("api-client-name").textContent())?.trim()).toBe("韵达快递");
    await page.getByTestId("carrier-webhooks").waitFor();
    await page.getByTestId("api-key-add").click();
    await page.getByTestId("api-key-label").fill("e2e county");
    await page.getByTestId("api-key-submit").click();
    const key = ((await page.getByTestId("api-key-value").textContent()) ?? "").trim();
    expect(key).toMatch(/^xdk_/);
    const prefix = key.split("_")[1]!;
    await page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"]`).waitFor();
    expect(await page.getByTestId("api-keys-table").textContent()).not.toContain(key.slice(-20));
    // Shown once: gone when dismissed, and not there after a reload.
    await page.getByTestId("api-key-done").click();
    await page.reload();
    await page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"]`).waitFor();
    expect(await page.getByTestId("api-key-value").count()).toBe(0);

    const feed = await fetch(`${suite.baseUrl}/api/v1/events?limit=10`, { headers: { authorization: `Bearer ${key}` } });
    expect(feed.status).toBe(200);
    const body = (await feed.json()) as { events: unknown[] };
    expect(Array.isArray(body.events)).toBe(true);
    expect(psql(`SELECT "clientId" FROM "ApiKey" WHERE prefix = '${prefix}'`)).toBe(yundaId);

    // English and back; the list counts the new key.
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("api-client-back").getByText("API clients").waitFor();
    await page.getByTestId("api-client-back").click();
    await rowOf(page, "韵达快递").getByText("Carrier", { exact: true }).waitFor();
    expect(await rowOf(page, "韵达快递").locator("td.num").textContent()).toBe("1");
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("api-clients").getByText("接口机构").waitFor();
  });

  it("a carrier user cannot open the county's API clients", async () => {
    const page = await suite.signedIn("zto", "zto123");
    await page.goto(`${suite.baseUrl}/county/api-clients`);
    await page.waitForURL((url) => url.pathname === "/carrier");
    await page.getByTestId("carrier-client-name").waitFor();
    expect(await page.getByTestId("api-clients").count()).toBe(0);
  });

  it("ADMIN creates a carrier user for the new organisation (required), who signs in to /carrier and sees its name", async () => {
    expect(yundaId).not.toBe("");
    const admin = await suite.signedIn("admin", "admin123");
    await admin.goto(`${suite.baseUrl}/county/users`);
    await admin.getByTestId("user-create-form").waitFor();
    const username = `yunda${Date.now() % 1_000_000}`;
    await admin.locator("#new-username").fill(username);
    await admin.locator("#new-display-name").fill("韵达盖州 调度");
    await admin.locator("#new-password").fill("yunda-pass-1");
    await admin.getByTestId("new-role").selectOption("CARRIER_USER");
    const county = admin.getByTestId("new-node-county");
    await county.locator("option[value='210881']").waitFor({ state: "attached" });
    await county.selectOption("210881");

    // Without the organisation: refused under its select.
    await admin.getByTestId("user-create-submit").click();
    await admin.getByTestId("new-api-client-error").waitFor();
    expect((await admin.getByTestId("new-api-client-error").textContent())?.trim()).not.toBe("");

    await admin.waitForFunction(() =>
      [...(document.querySelector<HTMLSelectElement>('[data-testid="new-api-client"]')?.options ?? [])].some((o) =>
        o.text.includes("韵达快递"),
      ),
    );
    await admin.getByTestId("new-api-client").selectOption(yundaId);
    await admin.getByTestId("user-create-submit").click();
    await admin.getByTestId("user-create-ok").waitFor();
    expect(await admin.getByTestId(`user-row-${username}`).textContent()).toContain("快递企业用户");
    expect(psql(`SELECT "apiClientId" FROM "User" WHERE username = '${username}'`)).toBe(yundaId);

    const carrierUser = await suite.page();
    await submitLogin(carrierUser, suite.baseUrl, username, "yunda-pass-1");
    await areaHeading(carrierUser);
    expect(new URL(carrierUser.url()).pathname).toBe("/carrier");
    await carrierUser.getByTestId("carrier-client-name").getByText("韵达快递").waitFor();
  });
});
