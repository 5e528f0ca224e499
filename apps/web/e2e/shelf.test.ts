// Browser test of 待取件 (/station/shelf) at the demo village point (user "point"): three parcels put on its shelf along
// their route, two for one person; the list found by the phone's last four digits shows that person's two, both are
// handed out at once (批量出库) with the digits as the check, and the database has them delivered by two PICKUP scans;
// the other person's parcel is found by its pickup code and its notice resent (a second notify job). At 390 px the
// page does not scroll sideways.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, horizontalOverflow, psql, screenshotPath, submitLogin, trpc, until } from "./harness.ts";
import { freshPhone, login, shelveAtPoint } from "./shelf-fixtures.ts";

const suite = browserSuite();

async function open(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await suite.page({ viewport });
  await submitLogin(page, suite.baseUrl, "point", "point123");
  await page.getByTestId("nav-shelf").first().waitFor({ state: "attached" });
  return page;
}

const rows = (page: Page) => page.getByTestId("shelf-row");

describe("待取件", () => {
  it("finds one person's parcels by the phone's last four and hands them out together", async () => {
    const manager = await login(suite.baseUrl, "manager", "manager123");
    const point = await login(suite.baseUrl, "point", "point123");
    const phoneA = freshPhone();
    let phoneB = freshPhone();
    while (phoneB.slice(-4) === phoneA.slice(-4)) phoneB = freshPhone();
    const [a1, a2, b] = await shelveAtPoint(suite.baseUrl, manager, [
      { name: "韩梅梅", phone: phoneA },
      { name: "韩梅梅", phone: phoneA },
      { name: "李雷", phone: phoneB },
    ]);

    const page = await open();
    await page.goto(`${suite.baseUrl}/station/shelf`);
    await page.getByTestId("shelf-search").fill(phoneA.slice(-4));
    await until(
      "rows for the digits",
      () => rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-waybill"))),
      (w) => w.length === 2,
    );
    expect((await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-waybill")))).sort()).toEqual(
      [a1!.waybillNo, a2!.waybillNo].sort(),
    );
    // Slots shown large, masked phone, no pickup code on the page.
    expect(await page.getByTestId("shelf-row-slot").allTextContents()).toEqual(expect.arrayContaining([a1!.slot, a2!.slot]));
    const body = (await page.textContent("body")) ?? "";
    expect(body).not.toContain(phoneA);
    expect(body).not.toContain(a1!.pickupCode);

    await page.getByTestId("shelf-select-all").click();
    await page.getByTestId("handout-panel").waitFor();
    expect(await page.getByTestId("handout-selected").textContent()).toContain("已选 2 件");
    // The digits searched with are the check: the phone method is chosen and filled in.
    expect(await page.getByTestId("handout-method-phone").isChecked()).toBe(true);
    expect(await page.locator("#handout-phone").inputValue()).toBe(phoneA.slice(-4));
    await page.screenshot({ path: screenshotPath("shelf-handout"), fullPage: true });
    await page.getByTestId("handout-submit").click();
    await page.getByTestId("handout-result").waitFor();
    expect(await page.getByTestId("handout-result").textContent()).toBe("已出库 2 件");

    // Delivered by two PICKUP scans at the point, gone from the shelf.
    expect(psql(`SELECT status, coalesce("shelfSlot", '-') FROM "Shipment" WHERE id IN ('${a1!.id}', '${a2!.id}') ORDER BY 1`)).toBe(
      "DELIVERED|-\nDELIVERED|-",
    );
    expect(
      psql(`SELECT count(*) FROM "ScanEvent" WHERE "shipmentId" IN ('${a1!.id}', '${a2!.id}') AND action = 'PICKUP' AND outcome = 'OK'`),
    ).toBe("2");
    await page.getByTestId("handout-next").click();
    await page.getByTestId("shelf-empty").waitFor();
    const nodeId = psql(`SELECT id FROM "Node" WHERE code = 'GZ-102200'`);
    const left = await trpc<{ parcels: unknown[] }>(suite.baseUrl, point, `shelf.list`, { nodeId, q: phoneA.slice(-4) }, "query");
    expect(left.parcels).toHaveLength(0);

    // The other person's parcel by its pickup code; the notice sent again.
    await page.getByTestId("shelf-search").fill(b!.pickupCode);
    await until(
      "row for the code",
      () => rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-waybill"))),
      (w) => w.includes(b!.waybillNo),
    );
    const row = page.locator(`[data-testid="shelf-row"][data-waybill="${b!.waybillNo}"]`);
    await row.getByTestId("shelf-resend").click();
    await row.getByText("已重发").waitFor();
    expect(psql(`SELECT count(*) FROM "OutboxEvent" WHERE name = 'notify.pickupReady' AND payload->>'shipmentId' = '${b!.id}'`)).toBe("2");
  });

  it("fits a 390 px phone without sideways scrolling", async () => {
    const page = await open({ width: 390, height: 844 });
    await page.goto(`${suite.baseUrl}/station/shelf`);
    await page.getByTestId("shelf-search").waitFor();
    await page
      .getByTestId("shelf-summary")
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: screenshotPath("shelf-390-failed"), fullPage: true });
        throw e;
      });
    const o = await horizontalOverflow(page);
    await page.screenshot({ path: screenshotPath("shelf-390"), fullPage: true });
    expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
  });
});
