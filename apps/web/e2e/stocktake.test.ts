// Browser test of 盘库 (/station/stocktake) at the demo village point (user "point"): three parcels put on its shelf;
// the page starts a stocktake and a second device (the API) joins it and scans every other parcel on its slot; the
// page scans one parcel on its slot (right), one on a free slot (misplaced), and leaves one out (missing); after a
// reload nothing is lost; the misplaced parcel is moved to where it was found and the missing one reported as an
// exception, from the page; the database has both fixes, each recorded with who made it.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, horizontalOverflow, psql, screenshotPath, submitLogin, trpc, until } from "./harness.ts";
import { freshPhone, login, shelveAtPoint } from "./shelf-fixtures.ts";

const suite = browserSuite();

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();
const waybillsOf = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) => els.map((e) => e.getAttribute("data-waybill")));

async function scanAt(page: Page, slot: string, code: string) {
  await page.getByTestId("stocktake-slot").fill(slot);
  await page.getByTestId("stocktake-code").fill(code);
  await page.getByTestId("stocktake-code").press("Enter");
}

describe("盘库", () => {
  it("finds one missing and one misplaced parcel, survives a reload, and fixes both from the page", async () => {
    const manager = await login(suite.baseUrl, "manager", "manager123");
    const point = await login(suite.baseUrl, "point", "point123");
    const [right, moved, lost] = await shelveAtPoint(suite.baseUrl, manager, [
      { name: "盘库甲", phone: freshPhone() },
      { name: "盘库乙", phone: freshPhone() },
      { name: "盘库丙", phone: freshPhone() },
    ]);
    const nodeId = psql(`SELECT id FROM "Node" WHERE code = 'GZ-102200'`);
    // A slot nobody holds, from the end of the shelf.
    const taken = new Set(
      psql(`SELECT "shelfSlot" FROM "Shipment" WHERE "currentNodeId" = '${nodeId}' AND status = 'AWAITING_PICKUP'`).split("\n"),
    );
    const free = ["D-10-20", "D-10-19", "D-10-18", "D-10-17", "C-10-20"].find((s) => !taken.has(s))!;

    const page = await suite.page();
    await submitLogin(page, suite.baseUrl, "point", "point123");
    await page.getByTestId("nav-stocktake").first().click();
    await page.getByTestId("stocktake-start").click();
    await page.locator('[data-testid="stocktake-status"][data-status="OPEN"]').waitFor();

    // The second device joins the same stocktake and scans everything else on the shelf where it is recorded.
    const joined = await trpc<{ joined: boolean; stocktake: { id: string } }>(suite.baseUrl, point, "shelf.stocktakeStart", {
      nodeId,
      clientId: crypto.randomUUID(),
    });
    expect(joined.joined).toBe(true);
    const shelf = await trpc<{ parcels: { waybillNo: string; slot: string }[] }>(suite.baseUrl, point, "shelf.list", { nodeId }, "query");
    for (const p of shelf.parcels.filter((x) => ![right!.waybillNo, moved!.waybillNo, lost!.waybillNo].includes(x.waybillNo)))
      await trpc(suite.baseUrl, point, "shelf.stocktakeScan", {
        nodeId,
        stocktakeId: joined.stocktake.id,
        clientId: crypto.randomUUID(),
        slot: p.slot,
        code: p.waybillNo,
      });

    await scanAt(page, right!.slot, right!.waybillNo);
    await page.locator('[data-testid="stocktake-verdict"][data-verdict="OK"]').waitFor();
    await scanAt(page, free.toLowerCase(), moved!.waybillNo);
    await page.locator('[data-testid="stocktake-verdict"][data-verdict="WRONG_SLOT"]').waitFor();
    expect(await text(page, "stocktake-verdict")).toContain(moved!.slot);
    expect(await text(page, "stocktake-slot-now")).toBe(free);

    // Reload: everything is on the server.
    await page.reload();
    await until(
      "findings after reload",
      () => Promise.all([waybillsOf(page, "finding-missing"), waybillsOf(page, "finding-misplaced")]),
      ([m, p]) => m.length === 1 && p.length === 1,
    );
    expect(await waybillsOf(page, "finding-missing")).toEqual([lost!.waybillNo]);
    expect(await waybillsOf(page, "finding-misplaced")).toEqual([moved!.waybillNo]);
    expect(await page.getByTestId("finding-extra").count()).toBe(0);
    await page.screenshot({ path: screenshotPath("stocktake-findings"), fullPage: true });

    // Fix both from the page.
    await page.locator(`[data-testid="finding-misplaced"][data-waybill="${moved!.waybillNo}"]`).getByTestId("fix-move").click();
    await until(
      "misplaced fixed",
      () => page.getByTestId("finding-misplaced").count(),
      (n) => n === 0,
    );
    await page.locator(`[data-testid="finding-missing"][data-waybill="${lost!.waybillNo}"]`).getByTestId("fix-missing").click();
    await until(
      "missing fixed",
      () => page.getByTestId("finding-missing").count(),
      (n) => n === 0,
    );
    await until(
      "fix log",
      () => page.getByTestId("stocktake-fix").count(),
      (n) => n === 2,
    );

    expect(psql(`SELECT "shelfSlot" FROM "Shipment" WHERE id = '${moved!.id}'`)).toBe(free);
    expect(psql(`SELECT status, "exceptionReason" FROM "Shipment" WHERE id = '${lost!.id}'`)).toBe("EXCEPTION|盘库未找到");
    expect(
      psql(
        `SELECT kind || ':' || (u."username") FROM "StocktakeFix" f JOIN "User" u ON u.id = f."userId" WHERE f."stocktakeId" = '${joined.stocktake.id}' ORDER BY f.at`,
      ),
    ).toBe("MOVE:point\nMISSING:point");
    expect(psql(`SELECT count(*) FROM "AuditLog" WHERE action = 'shelf.stocktakeFix' AND outcome = 'OK'`)).toBe("2");

    // 390 px: usable without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    const o = await horizontalOverflow(page);
    await page.screenshot({ path: screenshotPath("stocktake-390"), fullPage: true });
    expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);

    await page.getByTestId("stocktake-close").click();
    await page.locator('[data-testid="stocktake-status"][data-status="CLOSED"]').waitFor();
  });
});
