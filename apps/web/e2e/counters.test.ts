// Browser test of the poverty-alleviation counters (issue #7) against the seeded Gaizhou demo: the demo merchant and the
// demo counter operator (counter/counter123) with its counter; whatever the seed lacks is made through the API first
// (a recognition and origin village for the merchant, a counter and its operator). Then in Chromium: the merchant creates a product (certification, picture) and a listing on that counter
// and submits it; the manager approves it in the review queue; the operator, on a 360 px phone, sees it on the shelf,
// records a sale with a double click (stored once) and sees the stock drop; the merchant sees the new stock too.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { areaHeading, browserSuite, horizontalOverflow, screenshotPath, submitLogin } from "./harness.ts";

const COUNTY = "210881";
const suite = browserSuite();

const { api, login } = suite;

/** "YYYY-MM-DD" in Asia/Shanghai, `days` from today. */
const shanghaiDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

interface TMerchant {
  id: string;
  name: string;
  type: string;
  originAreaCode: string | null;
  recognitionNo: string | null;
  recognitionValidUntil: string | null;
}

/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function attr(page: Page, selector: string, name: string): Promise<string | null> {
  return page.locator(selector).first().getAttribute(name);
}

describe("poverty-alleviation counters", () => {
  it("lists a product, approves it and sells it at the counter", async () => {
    const run = Date.now().toString(36);
    const productName = `E2E苹果${run}`;

    // --- Set-up through the API, using the seed's demo counters when it has them: a merchant with a valid
    // recognition and an origin village, and a counter operator with an active counter.
    const [managerToken, merchantToken] = await Promise.all([login("manager", "manager123"), login("merchant", "merchant123")]);
    const me = await api<{ merchantId: string }>("GET", "auth.me", undefined, merchantToken);
    const merchant = await api<TMerchant>("GET", "catalog.merchants.get", { merchantId: me.merchantId }, managerToken);
    if (!merchant.recognitionNo || (merchant.recognitionValidUntil ?? "") < shanghaiDay(30) || !merchant.originAreaCode) {
      const tree = await api<{ townships: { villages: { code: string }[] }[] }>(
        "GET",
        "network.tree",
        { countyCode: COUNTY },
        managerToken,
      );
      await api(
        "POST",
        "catalog.merchants.upsert",
        {
          countyCode: COUNTY,
          id: merchant.id,
          name: merchant.name,
          type: merchant.type,
          originAreaCode: merchant.originAreaCode ?? tree.townships.flatMap((t) => t.villages)[0]!.code,
          recognitionNo: merchant.recognitionNo ?? `FP-E2E-${run}`,
          recognitionValidUntil: shanghaiDay(365),
        },
        managerToken,
      );
    }
    let operator = { username: "counter", password: "counter123" };
    let counter = await login(operator.username, operator.password)
      .then((token) => api<{ id: string; active: boolean }[]>("GET", "catalog.counters.list", {}, token))
      .then((mine) => mine.find((c) => c.active))
      .catch(() => undefined);
    if (!counter) {
      const nodes = await api<{ id: string; status: string; tier: string }[]>(
        "GET",
        "network.nodes.list",
        { countyCode: COUNTY },
        managerToken,
      );
      const node = nodes.find((n) => n.status === "ACTIVE" && n.tier === "TOWNSHIP_STATION") ?? nodes.find((n) => n.status === "ACTIVE")!;
      counter = await api<{ id: string; active: boolean }>(
        "POST",
        "catalog.counters.upsert",
        {
          countyCode: COUNTY,
          code: `E2E-${run}`,
          name: `E2E服务区专柜${run}`,
          venueType: "HIGHWAY_SERVICE_AREA",
          operatorName: "盖州服务区",
          nodeId: node.id,
        },
        managerToken,
      );
      operator = { username: `counter${run}`, password: "counter-e2e-123" };
      const adminToken = await login("admin", "admin123");
      await api(
        "POST",
        "users.create",
        { ...operator, displayName: "专柜运营员 E2E", role: "COUNTER_OPERATOR", counterIds: [counter.id] },
        adminToken,
      );
    }
    const counterId = counter.id;
    const operatorToken = await login(operator.username, operator.password);
    const today = shanghaiDay();
    const salesToday = () =>
      api<{ totals: { sales: number; quantity: number; amountFen: number } }>(
        "GET",
        "listings.sales.list",
        { counterId, from: today, to: today },
        operatorToken,
      ).then((r) => r.totals);
    const before = await salesToday();

    // --- Merchant: a product with a certification and a picture.
    const merchantPage = await suite.page();
    await submitLogin(merchantPage, suite.baseUrl, "merchant", "merchant123");
    expect(await areaHeading(merchantPage)).toBe("商户中心");
    await merchantPage.getByTestId("nav-products").click();
    await merchantPage.getByTestId("product-new").click();
    await merchantPage.getByTestId("product-name").fill(productName);
    await merchantPage.getByTestId("product-unit").fill("箱");
    await merchantPage.getByTestId("product-spec").fill("5斤装");
    await merchantPage.getByTestId("product-unitWeightG").fill("2600");
    await merchantPage.getByTestId("product-shelfLifeDays").fill("30");
    await merchantPage.getByTestId("product-cert-add").click();
    await merchantPage.getByTestId("product-cert-number-0").fill(`LB-${run}`);
    await merchantPage.getByTestId("product-cert-until-0").fill(shanghaiDay(200));
    await merchantPage.getByTestId("product-save").click();
    await merchantPage.getByTestId("product-form-ok").waitFor({ state: "visible" });
    // Once created, the panel offers pictures: a wrong type is refused here, a PNG is stored and shown.
    await merchantPage
      .getByTestId("product-image-file")
      .setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
    await merchantPage.getByTestId("product-image-error").waitFor({ state: "visible" });
    await merchantPage.getByTestId("product-image-file").setInputFiles({ name: "apple.png", mimeType: "image/png", buffer: PNG });
    await merchantPage.getByTestId("product-image").first().waitFor({ state: "visible" });
    expect(await attr(merchantPage, '[data-testid="product-image"] img', "src")).toMatch(/^\/images\/[0-9a-f]{32}\.png$/);
    await merchantPage.getByTestId("panel-close").click();
    await merchantPage.locator(`[data-testid="product-row"][data-name="${productName}"]`).waitFor({ state: "visible" });

    // --- Merchant: a listing of it on the counter, then submitted for review.
    await merchantPage.getByTestId("nav-listings").click();
    await merchantPage.getByTestId("listing-new").click();
    await merchantPage.getByTestId("listing-product").selectOption({ label: `${productName} · 5斤装` });
    const counterSelect = merchantPage.getByTestId("listing-counter");
    // The county's counters are offered when the merchant may read them; otherwise the counter is given by its id.
    if ((await counterSelect.locator(`option[value="${counterId}"]`).count()) > 0) await counterSelect.selectOption(counterId);
    else {
      await counterSelect.selectOption("__other__");
      await merchantPage.getByTestId("listing-counter-id").fill(counterId);
    }
    await merchantPage.getByTestId("listing-price").fill("12.50");
    await merchantPage.getByTestId("listing-stock").fill("20");
    await merchantPage.getByTestId("listing-min").fill("5");
    await merchantPage.getByTestId("listing-save").click();
    const panel = merchantPage.getByTestId("listing-panel");
    await panel.locator('[data-testid="listing-status"][data-status="DRAFT"]').waitFor({ state: "visible" });
    await merchantPage.getByTestId("listing-panel-submit").click();
    await panel.locator('[data-testid="listing-status"][data-status="PENDING_REVIEW"]').waitFor({ state: "visible" });
    await merchantPage.getByTestId("panel-close").click();
    const listingRow = merchantPage.locator(`[data-testid="listing-row"][data-product="${productName}"]`);
    await listingRow.locator('[data-status="PENDING_REVIEW"]').first().waitFor({ state: "visible" });
    const listingId = await listingRow.getAttribute("data-id");
    expect(listingId).toBeTruthy();
    await merchantPage.screenshot({ path: screenshotPath("counters-merchant-listings"), fullPage: true });

    // --- Manager: the review queue shows valid papers; approve.
    const managerPage = await suite.page();
    await submitLogin(managerPage, suite.baseUrl, "manager", "manager123");
    await areaHeading(managerPage);
    await managerPage.getByTestId("nav-review").click();
    const item = managerPage.locator(`[data-testid="review-item"][data-id="${listingId}"]`);
    await item.waitFor({ state: "visible" });
    expect(await item.getByTestId("review-validity").getAttribute("data-valid")).toBe("true");
    expect(await item.getByTestId("review-recognition").getAttribute("data-validity")).toBe("ok");
    await managerPage.screenshot({ path: screenshotPath("counters-review"), fullPage: true });
    await item.getByTestId("review-approve").click();
    await item.waitFor({ state: "detached" });

    // --- Operator on a 360 px phone: the listing is on the shelf; a double-clicked sale is stored once.
    const operatorPage = await suite.page({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await submitLogin(operatorPage, suite.baseUrl, operator.username, operator.password);
    expect(await areaHeading(operatorPage)).toBe("专柜工作台");
    await operatorPage.getByTestId("counter-name").waitFor({ state: "visible" });
    // An operator of several counters picks the one the listing is on (the choice is kept for the tab).
    if ((await operatorPage.getByTestId("counter-select").count()) > 0)
      await operatorPage.getByTestId("counter-select").selectOption(counterId);
    const shelfRow = operatorPage.locator(`[data-testid="shelf-row"][data-id="${listingId}"]`);
    await shelfRow.waitFor({ state: "visible" });
    expect(await shelfRow.getByTestId("shelf-stock").getAttribute("data-stock")).toBe("20");
    let overflow = await horizontalOverflow(operatorPage);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);

    await operatorPage.getByTestId("nav-toggle").click();
    await operatorPage.getByTestId("nav-sell").click();
    await operatorPage.getByTestId("sale-listing").selectOption(listingId ?? "");
    expect(await operatorPage.getByTestId("sale-price").inputValue()).toBe("12.50");
    await operatorPage.getByTestId("sale-quantity").fill("3");
    overflow = await horizontalOverflow(operatorPage);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await operatorPage.getByTestId("sale-submit").dblclick();
    const ok = operatorPage.getByTestId("sale-ok");
    await ok.waitFor({ state: "visible" });
    expect(await ok.getAttribute("data-stock")).toBe("17");
    await operatorPage.waitForFunction(
      (id) => document.querySelector(`[data-testid="sale-row"][data-listing="${id}"]`) !== null,
      listingId,
    );
    await operatorPage.screenshot({ path: screenshotPath("counters-sale-360"), fullPage: true });

    const after = await salesToday();
    expect({
      sales: after.sales - before.sales,
      quantity: after.quantity - before.quantity,
      amountFen: after.amountFen - before.amountFen,
    }).toEqual({
      sales: 1,
      quantity: 3,
      amountFen: 3750,
    });

    await operatorPage.getByTestId("nav-toggle").click();
    await operatorPage.getByTestId("nav-shelf").click();
    await operatorPage.waitForFunction(
      (id) =>
        document.querySelector(`[data-testid="shelf-row"][data-id="${id}"] [data-testid="shelf-stock"]`)?.getAttribute("data-stock") ===
        "17",
      listingId,
    );
    overflow = await horizontalOverflow(operatorPage);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);

    // --- The merchant's listing shows the stock left.
    await merchantPage.reload();
    await merchantPage.waitForFunction(
      (id) =>
        document
          .querySelector(`[data-testid="listing-row"][data-id="${id}"] [data-testid="listing-stock-value"]`)
          ?.getAttribute("data-stock") === "17",
      listingId,
    );
    expect(await merchantPage.locator(`[data-testid="listing-row"][data-id="${listingId}"]`).getAttribute("data-status")).toBe("ACTIVE");
  });
});
