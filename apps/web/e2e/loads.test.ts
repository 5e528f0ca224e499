// Browser test of the load pages against the seeded Gaizhou demo. Loads are made by the consolidation worker at
// cut-off; to have a known one, the manager creates three parcels for two villages of 高屯镇 through the API and the
// test writes a planned milk-run load of 高屯镇服务站 (GZ-102) for them straight into the e2e database with psql
// (DATABASE_URL, as scripts/e2e.sh sets it): one vehicle visiting 和美村 before 高屯村, one parcel rolled.
// The station opens it from its menu (stops in visiting order, masked phones, fill bars, rolled reason, carrier
// totals, barcode, the manifest PDF); the manager finds it by date and status; ADMIN's menu opens /admin/queues.
import { makeLoadCode } from "@xiangda/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSuite, horizontalOverflow, psql, screenshotPath, trpc } from "./harness.ts";

const suite = browserSuite();
const load = { code: "", date: "" };

const api = <T>(proc: string, input: unknown, token: string) => trpc<T>(suite.baseUrl, token, proc, input);

/** Tomorrow (Asia/Shanghai) 09:30: after any cut-off the worker might act on today. */
function departure(): { iso: string; date: string } {
  const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const depart = new Date(`${shanghaiToday}T09:30:00+08:00`).getTime() + 86_400_000;
  return { iso: new Date(depart).toISOString(), date: new Date(depart + 8 * 3600_000).toISOString().slice(0, 10) };
}

async function seedLoad(): Promise<void> {
  const token = await suite.login("manager", "manager123");
  const ship = async (village: string, carrierCode: string, weightG: number, phone: string) =>
    (
      await api<{ waybillNo: string }>(
        "shipments.create",
        {
          countyCode: "210881",
          direction: "DOWN",
          fromCode: "GZ-HUB",
          to: village,
          carrierCode,
          recipientName: "王小明",
          recipientPhone: phone,
          weightG,
          contentsCategory: "日用品",
        },
        token,
      )
    ).waybillNo;
  const hemei = await ship("210881102202", "ZTO", 1500, "13911110001");
  const gaotun = await ship("210881102200", "YTO", 2500, "13911110002");
  const rolled = await ship("210881102200", "ZTO", 4000, "13911110003");
  // Handed over on its own before the cut-off: it left the load (issue 17).
  const handed = await ship("210881102202", "YTO", 1000, "13911110004");

  const { iso, date } = departure();
  load.code = makeLoadCode(9_000_000_000 + (Date.now() % 999_999_999));
  load.date = date;
  const at = (minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
  psql(`
    WITH st AS (SELECT id, "countyCode" FROM "Node" WHERE "countyCode" = '210881' AND code = 'GZ-102'),
    p1 AS (SELECT id, code, name FROM "Node" WHERE "countyCode" = '210881' AND code = 'GZ-102202'),
    p2 AS (SELECT id, code, name FROM "Node" WHERE "countyCode" = '210881' AND code = 'GZ-102200'),
    l AS (
      -- Sealed 104 s after its cut-off (09:16:44 for 09:15): past the 60 s grace, a late seal.
      INSERT INTO "Load" (id, "countyCode", key, code, "milkRun", "nodeId", "departAt", "cutoffAt", status, "sealedAt", "sealLateSeconds", "plannedAt", report, "updatedAt")
      SELECT gen_random_uuid(), st."countyCode", 'e2e:${load.code}', '${load.code}', true, st.id, '${iso}', '${at(-30)}', 'PLANNED',
             '${new Date(new Date(at(-30)).getTime() + 104_000).toISOString()}', 104, now(),
             '{"vehicles": 1, "fillWeight": 0.37, "plannedKm": 18.6, "baseline": {"vehicles": 2, "km": 41.2}}'::jsonb, now()
      FROM st RETURNING id
    ),

    v AS (
      INSERT INTO "LoadVehicle" (id, "loadId", "vehicleId", seq, parcels, "weightG", "volumeCm3", "fillWeight", "fillVolume", "busyUntil", "plannedMeters", "plannedMinutes", stops, "plannedAt")
      SELECT gen_random_uuid(), l.id,
             COALESCE((SELECT id FROM "Vehicle" WHERE "homeNodeId" = (SELECT id FROM st) LIMIT 1), (SELECT id FROM "Vehicle" WHERE "countyCode" = '210881' LIMIT 1)),
             1, 2, 4000, 16000, 0.37, 0.12, '${at(90)}', 18600, 70,
             jsonb_build_array(
               jsonb_build_object('nodeId', p1.id, 'code', p1.code, 'name', p1.name, 'arriveAt', '${at(20)}', 'drops', 1, 'pickups', 0),
               jsonb_build_object('nodeId', p2.id, 'code', p2.code, 'name', p2.name, 'arriveAt', '${at(45)}', 'drops', 1, 'pickups', 0)
             ), now()
      FROM l, p1, p2 RETURNING id, "loadId"
    )
    INSERT INTO "LoadItem" ("loadId", "shipmentId", "legId", "carrierId", "weightG", "volumeCm3", temp, "stopNodeId", pickup, status, "rolledReason", "removedReason", "loadVehicleId")
    SELECT v."loadId", s.id, gen_random_uuid(), s."carrierId", s."weightG", 8000, s.temp, s."destNodeId", false, x.status::"LoadItemStatus",
           CASE WHEN x.status = 'ROLLED' THEN x.reason END, CASE WHEN x.status = 'REMOVED' THEN x.reason END,
           CASE WHEN x.status = 'ASSIGNED' THEN v.id END
    FROM v, (VALUES ('${hemei}', 'ASSIGNED', NULL), ('${gaotun}', 'ASSIGNED', NULL), ('${rolled}', 'ROLLED', 'NO_ROOM'),
                    ('${handed}', 'REMOVED', 'LEG_DEPARTED')) AS x(waybill, status, reason)
    JOIN "Shipment" s ON s."waybillNo" = x.waybill;
  `);
}

describe("loads", () => {
  beforeAll(async () => {
    await seedLoad();
  });

  it("the station opens its milk run: stops in visiting order, masked phones, rolled reason, carrier totals, manifest", async () => {
    const page = await suite.signedIn("station", "station123");
    await page.getByTestId("nav-loads").click();
    const row = page.locator(`[data-testid="load-row"][data-code="${load.code}"]`);
    await row.waitFor({ state: "visible" });
    expect(await row.getByTestId("load-status").getAttribute("data-status")).toBe("PLANNED");
    await row.getByTestId("load-link").click();

    const detail = page.getByTestId("load-detail");
    await detail.waitFor({ state: "visible" });
    expect(await page.getByTestId("load-code").textContent()).toBe(load.code);
    // Visiting order from the plan, not the order of the codes.
    const vehicle = page.getByTestId("load-vehicle").first();
    const stops = await vehicle.getByTestId("load-stop").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.code));
    expect(stops).toEqual(["GZ-102202", "GZ-102200"]);
    expect(await vehicle.getByTestId("fill-weight").getAttribute("data-value")).toBe("37");
    const phones = await vehicle.locator('[data-testid="load-parcel"] td.mono').allTextContents();
    expect(phones).toEqual(["139****0001", "139****0002"]);
    // The reason's code in words, with the load's node: never the code (#17 defect 7 class).
    expect(await page.getByTestId("rolled-reason").getAttribute("data-reason")).toBe("NO_ROOM");
    expect(await page.getByTestId("rolled-reason").textContent()).toMatch(/^\S+的空闲车辆已装满$/);
    // The parcel handed over before the cut-off is listed as taken off, with the reason in Chinese; the seal's lateness shows.
    expect(await page.getByTestId("removed-reason").getAttribute("data-reason")).toBe("LEG_DEPARTED");
    expect(await page.getByTestId("removed-reason").textContent()).toBe("已单独发出或交接");
    expect(await page.getByTestId("load-seal-late").textContent()).toBe("封车晚了 1 分 44 秒");
    const zto = page.locator('[data-testid="carrier-total"][data-carrier="ZTO"]');
    expect(await zto.getByTestId("carrier-parcels").textContent()).toBe("1");
    expect(await zto.getByTestId("carrier-weight").textContent()).toBe("1.50 kg");
    expect(await page.locator('[data-testid="carrier-total"][data-carrier="YTO"]').getByTestId("carrier-weight").textContent()).toBe(
      "2.50 kg",
    );
    expect(await page.getByTestId("load-figures").locator('[data-key="baseline.km"] dd').textContent()).toBe("41.2");
    await page.locator('[data-testid="load-barcode"][data-drawn="true"] svg').waitFor({ state: "attached" });
    expect(await page.content()).not.toContain("13911110001");
    await page.screenshot({ path: screenshotPath("load-detail"), fullPage: true });

    const href = await page.getByTestId("load-manifest").getAttribute("href");
    const pdf = await page.context().request.get(new URL(href ?? "", page.url()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    // The station is not an admin: the queue dashboard refuses it.
    expect((await page.context().request.get(`${suite.baseUrl}/admin/queues`)).status()).toBe(403);
  });

  it("the manager finds it by departure date and status; other statuses hide it", async () => {
    const page = await suite.signedIn("manager", "manager123");
    await page.getByTestId("nav-loads").click();
    await page.getByTestId("loads-page").waitFor({ state: "visible" });
    await page.getByTestId("loads-filter-date").fill(load.date);
    await page.getByTestId("loads-filter-status").selectOption("PLANNED");
    const row = page.locator(`[data-testid="load-row"][data-code="${load.code}"]`);
    await row.waitFor({ state: "visible" });
    expect(page.url()).toContain(`date=${load.date}`);
    // Sealed late: the row says by how much, and the page warns of the day's late seals with a filter for them.
    expect(await row.getByTestId("load-seal-late").getAttribute("data-seconds")).toBe("104");
    const banner = page.getByTestId("loads-late-seals");
    await banner.waitFor({ state: "visible" });
    expect(Number(await banner.getAttribute("data-count"))).toBeGreaterThanOrEqual(1);
    await page.getByTestId("loads-late-toggle").click();
    await page.waitForURL(/late=1/);
    await row.waitFor({ state: "visible" });
    await page.getByTestId("loads-filter-status").selectOption("OPEN");
    await page.locator(`[data-testid="load-row"][data-code="${load.code}"]`).waitFor({ state: "detached" });
  });

  it("on a 360 px handheld the load page does not scroll sideways", async () => {
    const page = await suite.signedIn("station", "station123", { viewport: { width: 360, height: 740 } });
    await page.goto(`${suite.baseUrl}/station/loads/${load.code}`);
    await page.getByTestId("load-detail").waitFor({ state: "visible" });
    const o = await horizontalOverflow(page);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
    await page.screenshot({ path: screenshotPath("load-detail-360"), fullPage: true });
  });

  it("ADMIN's menu opens the queue dashboard", async () => {
    const page = await suite.signedIn("admin", "admin123");
    const link = page.getByTestId("nav-queues");
    expect(await link.getAttribute("href")).toBe("/admin/queues");
    const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === "/admin/queues"), link.click()]);
    expect(response.status()).toBe(200);
    await page.waitForFunction(() => document.title.includes("Queues"));
    // The board's own API calls ride on the same session cookie: the queues get listed.
    await page.getByText("shipments", { exact: true }).first().waitFor({ state: "visible" });
    await page.screenshot({ path: screenshotPath("queues") });
  });
});
