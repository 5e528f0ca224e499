// The three end-to-end journeys of issue #9, in real Chromium against the built web app, the real API, worker,
// PostgreSQL and Redis, with the seeded Gaizhou demo (scripts/e2e.sh). Every user step goes through the UI; a screenshot
// of each step is kept in test-results/ (journey1-…, journey2-…, journey3-…).
// 1. The merchant lists a new product on the 沈海高速盖州服务区 counter (GZ-C02), the manager approves it, the counter's
//    operator orders a restock, the merchant confirms it, and the operator sees the parcel with its route and light.
// 2. 高屯镇服务站's staff import the manifest of the parcels a carrier's courier brings them; they scan the parcels in
//    (wedge scanner: code + Enter) and the manifest shows them all in; the worker seals the station's milk run at its cut-off (the seal job scheduler, as in production); the
//    station scans the load's LD code out; 高屯村服务点 hands one parcel to its recipient and the other is picked up with
//    the code of the pickup SMS.
// 3. The manager opens the county map with its coverage; a parcel's promise passes while the page is open, the SLA
//    watcher turns it RED, and the RED list, exported to XLSX, holds it.
// System steps run on the real clock. Journeys 2 and 3 need a departure a minute or two ahead, so the county's timetable
// is set for them through the API first (and put back afterwards): 高屯镇's milk run (and the station's handling time)
// for journey 2, 暖泉镇's bus leg for journey 3. Journeys 2 and 3 wait on the clock side by side; journey 1
// runs after them, once 高屯镇's extra milk run is gone (an upward parcel waiting at 高屯村 would otherwise ride it).
// After each journey the stored state is checked with psql (DATABASE_URL, as scripts/e2e.sh sets it).
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSuite, psql, RESULTS_DIR, screenshotPath, trpc, until, waitForFocus } from "./harness.ts";
import { scaled } from "@xiangda/config/testing";

const COUNTY = "210881";
const MINUTE = 60_000;
const SHANGHAI = 8 * 3_600_000;

const suite = browserSuite();
const tokens: Record<string, string> = {};
/** Timetable changes to put back, by lane or node code (each once). */
const restores = new Map<string, () => Promise<unknown>>();

const query = <T>(proc: string, input: unknown, who = "manager") => trpc<T>(suite.baseUrl, tokens[who]!, proc, input, "query");
const mutate = <T>(proc: string, input: unknown, who = "manager") => trpc<T>(suite.baseUrl, tokens[who]!, proc, input, "mutation");

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** "HH:MM" in Asia/Shanghai (the timetables' clock). */
const clock = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(11, 16);
const nextMinute = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;
const shanghaiDay = (ms = Date.now()) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name), fullPage: true });

// --- The county's timetable, changed for a journey and put back afterwards.

interface TLane {
  code: string;
  fromCode: string;
  toCode: string;
  mode: string;
  directReason: string | null;
  departures: string[];
  weekdays: number[];
  cutoffMinutes: number;
  transitMinutes: number;
  cold: boolean;
  stopAreaCodes: string[];
}

async function changeLane(code: string, change: (l: TLane) => Partial<TLane>): Promise<void> {
  const lanes = await query<TLane[]>("network.lanes.list", { countyCode: COUNTY });
  const l = lanes.find((x) => x.code === code);
  if (!l) throw new Error(`no lane ${code}`);
  const input = (x: TLane) => ({
    countyCode: COUNTY,
    code: x.code,
    fromCode: x.fromCode,
    toCode: x.toCode,
    mode: x.mode,
    directReason: x.directReason,
    departures: x.departures,
    weekdays: x.weekdays,
    cutoffMinutes: x.cutoffMinutes,
    transitMinutes: x.transitMinutes,
    cold: x.cold,
    stopAreaCodes: x.stopAreaCodes,
  });
  if (!restores.has(code)) restores.set(code, () => mutate("network.lanes.upsert", input(l)));
  await mutate("network.lanes.upsert", input({ ...l, ...change(l) }));
}

interface TNode {
  id: string;
  code: string;
  name: string;
  tier: string;
  areaCode: string;
  parentCode: string | null;
  handlingMinutes: number;
  openingHours: string | null;
}

async function findNode(code: string): Promise<TNode> {
  const nodes = await query<TNode[]>("network.nodes.list", { countyCode: COUNTY, q: code });
  const n = nodes.find((x) => x.code === code);
  if (!n) throw new Error(`no node ${code}`);
  return n;
}

/** Changes a node's handling time and opening hours for a journey (put back by `restore`). */
async function changeNode(code: string, change: { handlingMinutes?: number; openingHours?: string | null }): Promise<void> {
  const n = await findNode(code);
  const input = (x: Pick<TNode, "handlingMinutes" | "openingHours">) => ({
    countyCode: COUNTY,
    code: n.code,
    name: n.name,
    tier: n.tier,
    areaCode: n.areaCode,
    parentCode: n.parentCode,
    handlingMinutes: x.handlingMinutes,
    openingHours: x.openingHours,
  });
  if (!restores.has(code)) restores.set(code, () => mutate("network.nodes.upsert", input(n)));
  await mutate("network.nodes.upsert", input({ ...n, ...change }));
}

async function restore(...codes: string[]): Promise<void> {
  for (const code of codes) {
    const undo = restores.get(code);
    restores.delete(code);
    if (undo) await undo();
  }
}

// --- Scanning like a wedge scanner: the characters into the focused scan input, then Enter.

async function scan(page: Page, code: string): Promise<void> {
  await waitForFocus(page, "scan-input");
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press("Enter");
}

/** Waits for the console's answer to the scan of `code` (the feedback names the parcel or the code) and returns it. */
async function feedback(page: Page, code: string): Promise<{ outcome: string; text: string }> {
  await page.waitForFunction(
    (c) => {
      const el = document.querySelector('[data-testid="scan-feedback"]');
      const o = el?.getAttribute("data-outcome") ?? "";
      return !!el && o !== "" && o !== "SENDING" && (el.textContent ?? "").includes(c);
    },
    code,
    { timeout: 15_000 },
  );
  const el = page.getByTestId("scan-feedback");
  return { outcome: (await el.getAttribute("data-outcome")) ?? "", text: (await el.textContent()) ?? "" };
}

async function mode(page: Page, m: string): Promise<void> {
  await page.getByTestId(`scan-mode-${m}`).click();
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("aria-pressed") === "true",
    `scan-mode-${m}`,
  );
}

describe("journeys (issue #9)", () => {
  beforeAll(async () => {
    for (const [u, p] of [
      ["manager", "manager123"],
      ["merchant", "merchant123"],
      ["counter", "counter123"],
      ["station", "station123"],
    ] as const)
      tokens[u] = await suite.login(u, p);
  });

  afterAll(async () => {
    await restore(...restores.keys());
  });

  describe.concurrent("on the clock", () => {
    it(
      "journey 2: manifest imported and scanned in at the station, the milk run sealed at cut-off, scanned out, handed over and picked up at the village point",
      async ({ expect }) => {
        const run = Date.now();
        const carrierWaybills = [`73${String(run).slice(-10)}`, `73${String(run + 1).slice(-10)}`];
        const phones = ["13700001201", "13700001202"];

        // 高屯镇服务站's staff have their manifest page open, the carrier chosen.
        const desk = await suite.signedIn("station", "station123");
        await desk.getByTestId("nav-manifests").click();
        await desk.getByTestId("manifest-carrier").selectOption("ZTO");

        // Set-up of the timetable: the station hands over at once, and its milk run to 高屯村 gets a departure whose
        // cut-off (15 minutes before) is the first whole minute at least 85 s away: time to import and scan in. A
        // departure the station's milk runs already have would bring other parcels into the load: the next minute then.
        const lanes = await query<TLane[]>("network.lanes.list", { countyCode: COUNTY });
        const runs = new Set(lanes.filter((l) => l.fromCode === "GZ-102" && l.mode === "MILK_RUN").flatMap((l) => l.departures));
        let milkAt = nextMinute(Date.now() + 85_000) + 15 * MINUTE;
        while (runs.has(clock(milkAt))) milkAt += MINUTE;
        const cutoffAt = milkAt - 15 * MINUTE;
        try {
          await changeNode("GZ-102", { handlingMinutes: 0 });
          // The run may leave at any hour the tests run (a village point's opening hours are the run's time windows, and
          // 高屯村 closes at 19:30): the point takes parcels around the clock for this journey.
          await changeNode("GZ-102200", { openingHours: null });
          await changeLane("M-GZ-102200-DN", (l) => ({ departures: [...new Set([...l.departures, clock(milkAt)])].sort() }));

          // 1) The station imports ZTO's manifest (addresses in words) for the parcels its courier brings.
          const csv = [
            "waybillNo,recipientName,recipientPhone,address,weightG,temp,contentsCategory,declaredValueFen",
            `${carrierWaybills[0]},王秀英,${phones[0]},辽宁省营口市盖州市高屯镇高屯村三组12号,1800,,日用品,3000`,
            `${carrierWaybills[1]},赵德胜,${phones[1]},高屯村五组3号,2600,AMBIENT,农资,12000`,
          ].join("\n");
          await desk
            .getByTestId("manifest-file")
            .setInputFiles({ name: "zto-arrivals.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\n`, "utf8") });
          await desk.getByTestId("manifest-dry-run").click();
          await desk.getByTestId("manifest-preview").waitFor({ state: "visible" });
          expect(await desk.getByTestId("manifest-preview-created").textContent()).toBe("2");
          expect(await desk.getByTestId("manifest-preview-unresolved").textContent()).toBe("0");
          await shot(desk, "journey2-01-manifest-preview");
          await desk.getByTestId("manifest-import").click();
          await desk.getByTestId("manifest-result").waitFor({ state: "visible" });
          expect(await desk.getByTestId("manifest-result-created").textContent()).toBe("2");
          // The station's manifest list: both parcels still outstanding.
          const manifestRow = desk.getByTestId("node-manifest-row").first();
          await desk.waitForFunction(() => document.querySelector('[data-testid="node-manifest-outstanding"]')?.textContent === "2");
          await shot(desk, "journey2-02-manifest-imported");
          const parcels = carrierWaybills.map((cw) => {
            const [id, waybillNo] = psql(`SELECT id, "waybillNo" FROM "Shipment" WHERE "carrierWaybillNo" = ${sqlText(cw)}`).split("|");
            return { id: id!, waybillNo: waybillNo!, carrierWaybillNo: cw };
          });
          // Expected at the station (imported by its staff), planned on the milk run at its new departure.
          expect(
            psql(
              `SELECT n.code || ':' || u.username FROM "ArrivalManifest" m JOIN "Node" n ON n.id = m."nodeId" JOIN "User" u ON u.id = m."createdById"
              WHERE m.id = (SELECT "manifestId" FROM "Shipment" WHERE id = ${sqlText(parcels[0]!.id)})`,
            ),
          ).toBe("GZ-102:station");
          for (const p of parcels) {
            expect(
              psql(
                `SELECT status || ':' || (SELECT code FROM "Node" WHERE id = "currentNodeId") FROM "Shipment" WHERE id = ${sqlText(p.id)}`,
              ),
            ).toBe("CREATED:GZ-102");
            const legs = psql(
              `SELECT "laneCode", extract(epoch FROM "plannedDepart") * 1000 FROM "ShipmentLeg" WHERE "shipmentId" = ${sqlText(p.id)} ORDER BY plan, seq`,
            )
              .split("\n")
              .map((l) => l.split("|"));
            expect(legs.map((l) => l[0])).toEqual(["M-GZ-102200-DN"]);
            expect(Number(legs[0]![1]), "the milk run's departure").toBe(milkAt);
          }

          // 2) The station scans the parcels in by the carrier's barcode, as a wedge scanner types it.
          await desk.getByTestId("nav-overview").click();
          await desk.getByTestId("scan-input").waitFor({ state: "visible" });
          await mode(desk, "ARRIVE");
          for (const p of parcels) {
            await scan(desk, p.carrierWaybillNo);
            const f = await feedback(desk, p.waybillNo);
            expect(f.outcome, f.text).toBe("OK");
            expect(f.text).toContain("下一站：高屯村服务点");
          }
          await shot(desk, "journey2-03-scanned-in");
          // The manifest is all in.
          await desk.getByTestId("nav-manifests").click();
          await desk.waitForFunction(() => document.querySelector('[data-testid="node-manifest-outstanding"]')?.textContent === "0");
          expect(await manifestRow.getByTestId("node-manifest-received").textContent()).toBe("2");
          await manifestRow.getByTestId("node-manifest-toggle").click();
          await desk.getByTestId("manifest-parcels").waitFor({ state: "visible" });
          expect(await desk.locator('[data-testid="manifest-parcel"][data-outstanding="false"]').count()).toBe(2);
          await shot(desk, "journey2-03b-manifest-received");

          // 3) The station's loads: the milk run is open until its cut-off, when the worker's seal job (fired by its
          // scheduler) seals it and plans the van's loop.
          const loadCode = await until(
            "the milk run load",
            () =>
              psql(
                `SELECT l.code FROM "LoadItem" i JOIN "Load" l ON l.id = i."loadId" WHERE i."shipmentId" = ${sqlText(parcels[0]!.id)} AND l."milkRun"`,
              ),
            (c) => c.startsWith("LD"),
            30_000,
          );
          await desk.getByTestId("nav-loads").click();
          const row = desk.locator(`[data-testid="load-row"][data-code="${loadCode}"]`);
          await row.waitFor({ state: "visible" });
          expect(Date.now(), "scanned in before the cut-off").toBeLessThan(cutoffAt);
          expect(await row.getByTestId("load-status").getAttribute("data-status")).toBe("OPEN");
          await shot(desk, "journey2-04-load-open");
          await until(
            "the load sealed and planned",
            async () => {
              await desk.reload();
              await row.waitFor({ state: "visible" });
              return row.getByTestId("load-status").getAttribute("data-status");
            },
            (s) => s === "PLANNED",
            cutoffAt - Date.now() + 120_000,
            5000,
          );
          await shot(desk, "journey2-05-load-sealed");
          await row.getByTestId("load-link").click();
          await desk.getByTestId("load-detail").waitFor({ state: "visible" });
          expect(await desk.getByTestId("load-code").textContent()).toBe(loadCode);
          await desk.locator('[data-testid="load-stop"][data-code="GZ-102200"]').first().waitFor({ state: "visible" });
          await shot(desk, "journey2-06-load-detail");

          // 4) Scanned out: the load's barcode in DEPART mode departs every parcel in it.
          await desk.getByTestId("nav-overview").click();
          await desk.getByTestId("scan-input").waitFor({ state: "visible" });
          await mode(desk, "DEPART");
          await scan(desk, loadCode);
          const out = await feedback(desk, loadCode);
          expect(out.outcome, out.text).toBe("OK");
          expect(out.text).toContain(`装车单 ${loadCode}：共 2 件，成功 2 件`);
          await shot(desk, "journey2-07-load-departed");

          // 5) At 高屯村服务点: both arrive (shelf slots, pickup SMS); one is handed to its recipient, the other is picked up
          // with the code from the SMS.
          // The village point's operator (the demo's `point` user, STATION_STAFF of 高屯村服务点).
          const vp = await suite.signedIn("point", "point123");
          await vp.getByTestId("scan-input").waitFor({ state: "visible" });
          await mode(vp, "ARRIVE");
          for (const p of parcels) {
            await scan(vp, p.waybillNo);
            const f = await feedback(vp, p.waybillNo);
            expect(f.outcome, f.text).toBe("OK");
            expect(f.text).toMatch(/货架位：?\s*[A-Z]-\d{2}-\d{2}/);
          }
          await shot(vp, "journey2-08-village-arrived");

          // A plain DELIVER of a parcel on the self-pickup shelf is refused (issue #17): it leaves only by PICKUP.
          await mode(vp, "DELIVER");
          await scan(vp, parcels[0]!.waybillNo);
          const refused = await feedback(vp, parcels[0]!.waybillNo);
          expect(refused.outcome, refused.text).toBe("INVALID_TRANSITION");
          expect(refused.text).toContain("取件");
          await shot(vp, "journey2-09-deliver-refused");

          // Each recipient's SMS (the notification sender's record) carries the code they pick their parcel up with.
          await mode(vp, "PICKUP");
          for (const [i, p] of parcels.entries()) {
            const sms = await until(
              "the pickup SMS",
              () =>
                psql(
                  `SELECT payload->>'pickupCode' FROM "Notification" WHERE template = 'pickup.ready' AND payload->>'waybillNo' = ${sqlText(p.waybillNo)}`,
                ),
              (c) => /^\d{6}$/.test(c),
              30_000,
            );
            await scan(vp, p.waybillNo);
            await waitForFocus(vp, "scan-pickup-code");
            await vp.keyboard.type(sms, { delay: 5 });
            await vp.keyboard.press("Enter");
            await vp.waitForFunction((n) => document.querySelectorAll('[data-testid="scan-list"] [data-outcome="OK"]').length >= n, 3 + i, {
              timeout: 15_000,
            });
            const picked = await feedback(vp, p.waybillNo);
            expect(picked.outcome, picked.text).toBe("OK");
          }
          await shot(vp, "journey2-10-picked-up");

          // Stored: the load sealed at its cut-off by the worker and departed with both parcels on its van; each parcel
          // delivered, every leg travelled, and each scan stored once.
          const [status, sealedAt, cutoff, departAt, items] = psql(
            `SELECT l.status, extract(epoch FROM l."sealedAt") * 1000, extract(epoch FROM l."cutoffAt") * 1000, extract(epoch FROM l."departAt") * 1000,
                    (SELECT string_agg(i.status || ':' || (i."loadVehicleId" IS NOT NULL)::text, ',' ORDER BY i.status) FROM "LoadItem" i WHERE i."loadId" = l.id)
               FROM "Load" l WHERE l.code = ${sqlText(loadCode)}`,
          ).split("|");
          expect(status).toBe("DEPARTED");
          expect(Number(cutoff)).toBe(cutoffAt);
          expect(Number(departAt)).toBe(milkAt);
          // Sealed by the seal job its scheduler fires at the cut-off (the every-minute sweep could be up to a minute late).
          expect(Number(sealedAt)).toBeGreaterThanOrEqual(cutoffAt);
          expect(Number(sealedAt)).toBeLessThan(cutoffAt + 30_000);
          expect(items).toBe("ASSIGNED:true,ASSIGNED:true");
          for (const p of parcels) {
            expect(psql(`SELECT status FROM "Shipment" WHERE id = ${sqlText(p.id)}`)).toBe("DELIVERED");
            expect(psql(`SELECT string_agg(DISTINCT status::text, ',') FROM "ShipmentLeg" WHERE "shipmentId" = ${sqlText(p.id)}`)).toBe(
              "ARRIVED",
            );
            const scans = psql(
              `SELECT e.action || '@' || n.code FROM "ScanEvent" e JOIN "Node" n ON n.id = e."nodeId"
                WHERE e."shipmentId" = ${sqlText(p.id)} AND e.outcome = 'OK' ORDER BY e.id`,
            ).split("\n");
            expect(scans).toEqual(["ARRIVE@GZ-102", "DEPART@GZ-102", "ARRIVE@GZ-102200", "PICKUP@GZ-102200"]);
          }
        } finally {
          await restore("M-GZ-102200-DN", "GZ-102", "GZ-102200");
        }
      },
      scaled(360_000),
    );

    it(
      "journey 3: the manager watches a parcel turn RED on the county map when its promise passes, and exports the RED list",
      async ({ expect }) => {
        // Set-up: 暖泉镇's passenger bus leaves the hub at the next minute (no cut-off, one minute on the road), and a parcel
        // for 暖泉镇服务站 rides it: its promise is the bus's arrival, a minute or two from now.
        const busAt = nextMinute(Date.now() + 10_000);
        const promisedAt = busAt + MINUTE;
        try {
          await changeLane("B-GZ-113-DN", (l) => ({
            departures: [...new Set([...l.departures, clock(busAt)])].sort(),
            cutoffMinutes: 0,
            transitMinutes: 1,
          }));
          const parcel = await mutate<{ waybillNo: string; promisedAt: string; light: string }>("shipments.create", {
            countyCode: COUNTY,
            direction: "DOWN",
            fromCode: "GZ-HUB",
            to: "GZ-113",
            carrierCode: "YTO",
            recipientName: "孙立军",
            recipientPhone: "13700001301",
            weightG: 900,
            contentsCategory: "日用品",
          });
          const waybillNo = parcel.waybillNo;
          expect(Date.parse(parcel.promisedAt)).toBe(promisedAt);
          expect(parcel.light).toBe("GREEN");

          // 1) The manager opens the county's home: the map drawn, the coverage as the API has it.
          const page = await suite.signedIn("manager", "manager123", { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
          await page.getByTestId("dashboard").waitFor({ state: "visible" });
          await page.locator('[data-testid="dash-map-canvas"][data-ready="true"]').waitFor({ state: "attached", timeout: 60_000 });
          expect(await page.getByTestId("map-node").count()).toBeGreaterThan(20);
          const coverage = await query<{ coverageRate: number; villagePoints: number }>("dashboard.coverage", { countyCode: COUNTY });
          expect(Number(await page.getByTestId("fig-coverage-rate").getAttribute("data-value"))).toBeCloseTo(coverage.coverageRate, 6);
          expect(Number(await page.getByTestId("fig-village-points").getAttribute("data-value"))).toBe(coverage.villagePoints);
          await page.locator('[data-testid="dash-map-canvas"][data-drawn="true"]').waitFor({ state: "attached" });
          await page.screenshot({ path: screenshotPath("journey3-01-map") });
          await page.getByTestId("dash-coverage").screenshot({ path: screenshotPath("journey3-02-coverage") });

          // 2) Before its promise the parcel is not on the RED list.
          const lightsCard = page.getByTestId("dash-lights");
          const redRow = page.locator(`[data-testid="red-row"][data-waybill="${waybillNo}"]`);
          const redBefore = Number(await page.getByTestId("fig-red").getAttribute("data-value"));
          expect(Date.now(), "the page was open before the promise").toBeLessThan(promisedAt);
          expect(await redRow.count()).toBe(0);
          await lightsCard.screenshot({ path: screenshotPath("journey3-03-before-promise") });

          // 3) The clock passes the promise; the SLA watcher (every minute) turns it RED and records the alert for the hub
          // that holds it. The manager refreshes the page.
          await until(
            "the SLA watcher's RED alert",
            () =>
              psql(
                `SELECT s.light || ':' || count(a.id) FROM "Shipment" s LEFT JOIN "RedAlert" a ON a."shipmentId" = s.id AND a."resolvedAt" IS NULL
                WHERE s."waybillNo" = ${sqlText(waybillNo)} GROUP BY s.light`,
              ),
            (v) => v === "RED:1",
            promisedAt - Date.now() + 150_000,
            2000,
          );
          await page.reload();
          await redRow.waitFor({ state: "visible", timeout: 30_000 });
          const group = page.locator('[data-testid="red-group"]', { has: redRow });
          expect(await group.getAttribute("data-node")).toBe("GZ-HUB");
          const lights = await query<{ red: number }>("dashboard.lights", { countyCode: COUNTY });
          const redAfter = Number(await page.getByTestId("fig-red").getAttribute("data-value"));
          expect(redAfter).toBe(lights.red);
          expect(redAfter).toBeGreaterThanOrEqual(redBefore + 1);
          await lightsCard.scrollIntoViewIfNeeded();
          await lightsCard.screenshot({ path: screenshotPath("journey3-04-turned-red") });

          // 4) The RED list exported to XLSX, opened and read back.
          const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("red-list-export").click()]);
          expect(download.suggestedFilename()).toBe(`红灯清单-${COUNTY}-${shanghaiDay()}.xlsx`);
          const file = path.join(RESULTS_DIR, "journey3-05-red-list.xlsx");
          await download.saveAs(file);
          const book = new ExcelJS.Workbook();
          await book.xlsx.readFile(file);
          const sheet = book.worksheets[0]!;
          expect(sheet.getRow(1).getCell(6).text).toBe("运单号");
          const rows: ExcelJS.Row[] = [];
          sheet.eachRow((r, n) => {
            if (n > 1 && r.getCell(6).text === waybillNo) rows.push(r);
          });
          expect(rows).toHaveLength(1);
          expect(rows[0]!.getCell(2).text).toBe("GZ-HUB");
          expect(rows[0]!.getCell(7).text).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
          expect(sheet.rowCount - 1).toBe(await page.getByTestId("red-row").count());

          // Stored: RED since after its promise, one open alert, for the hub.
          const [light, changedAt, alertNode] = psql(
            `SELECT s.light, extract(epoch FROM s."lightChangedAt") * 1000, n.code FROM "Shipment" s
             JOIN "RedAlert" a ON a."shipmentId" = s.id AND a."resolvedAt" IS NULL JOIN "Node" n ON n.id = a."nodeId"
            WHERE s."waybillNo" = ${sqlText(waybillNo)}`,
          ).split("|");
          expect(light).toBe("RED");
          expect(Number(changedAt)).toBeGreaterThan(promisedAt);
          expect(alertNode).toBe("GZ-HUB");
        } finally {
          await restore("B-GZ-113-DN");
        }
      },
      scaled(360_000),
    );
  });

  it(
    "journey 1: a product listed on the service-area counter, approved, restocked by the counter, its parcel on its route with a light",
    async () => {
      const run = Date.now().toString(36);
      const productName = `旅程苹果${run}`;
      const counters = await query<{ id: string; code: string; name: string; venueType: string }[]>("catalog.counters.list", {}, "counter");
      const counter = counters.find((c) => c.code === "GZ-C02");
      expect(counter?.venueType).toBe("HIGHWAY_SERVICE_AREA");

      // 1) The merchant: a product with its green-food certificate, then a listing on the service-area counter, submitted.
      const merchant = await suite.signedIn("merchant", "merchant123");
      await merchant.getByTestId("nav-products").click();
      await merchant.getByTestId("product-new").click();
      await merchant.getByTestId("product-name").fill(productName);
      await merchant.getByTestId("product-unit").fill("箱");
      await merchant.getByTestId("product-spec").fill("5斤装");
      await merchant.getByTestId("product-unitWeightG").fill("2600");
      await merchant.getByTestId("product-shelfLifeDays").fill("30");
      await merchant.getByTestId("product-cert-add").click();
      await merchant.getByTestId("product-cert-number-0").fill(`LB-${run}`);
      await merchant.getByTestId("product-cert-until-0").fill(shanghaiDay(Date.now() + 200 * 86_400_000));
      await merchant.getByTestId("product-save").click();
      await merchant.getByTestId("product-form-ok").waitFor({ state: "visible" });
      await merchant.getByTestId("panel-close").click();
      await merchant.locator(`[data-testid="product-row"][data-name="${productName}"]`).waitFor({ state: "visible" });
      await shot(merchant, "journey1-01-product");

      await merchant.getByTestId("nav-listings").click();
      await merchant.getByTestId("listing-new").click();
      await merchant.getByTestId("listing-product").selectOption({ label: `${productName} · 5斤装` });
      const option = merchant.getByTestId("listing-counter").locator("option", { hasText: counter!.name });
      await merchant.getByTestId("listing-counter").selectOption((await option.getAttribute("value")) ?? "");
      await merchant.getByTestId("listing-price").fill("58.00");
      await merchant.getByTestId("listing-stock").fill("20");
      await merchant.getByTestId("listing-min").fill("5");
      await merchant.getByTestId("listing-save").click();
      const panel = merchant.getByTestId("listing-panel");
      await panel.locator('[data-testid="listing-status"][data-status="DRAFT"]').waitFor({ state: "visible" });
      await merchant.getByTestId("listing-panel-submit").click();
      await panel.locator('[data-testid="listing-status"][data-status="PENDING_REVIEW"]').waitFor({ state: "visible" });
      await merchant.getByTestId("panel-close").click();
      const listingRow = merchant.locator(`[data-testid="listing-row"][data-product="${productName}"]`);
      await listingRow.waitFor({ state: "visible" });
      const listingId = (await listingRow.getAttribute("data-id")) ?? "";
      expect(await listingRow.getAttribute("data-status")).toBe("PENDING_REVIEW");
      await shot(merchant, "journey1-02-listing-submitted");

      // 2) The county manager approves it in the review queue.
      const manager = await suite.signedIn("manager", "manager123");
      await manager.getByTestId("nav-review").click();
      const item = manager.locator(`[data-testid="review-item"][data-id="${listingId}"]`);
      await item.waitFor({ state: "visible" });
      expect(await item.getByTestId("review-validity").getAttribute("data-valid")).toBe("true");
      await shot(manager, "journey1-03-review");
      await item.getByTestId("review-approve").click();
      await item.waitFor({ state: "detached" });
      await shot(manager, "journey1-04-approved");

      // 3) The counter's operator: the product is on the service area's shelf; a restock of 5 boxes from the merchant.
      const desk = await suite.signedIn("counter", "counter123");
      await desk.getByTestId("counter-name").waitFor({ state: "visible" });
      if ((await desk.getByTestId("counter-select").count()) > 0) await desk.getByTestId("counter-select").selectOption(counter!.id);
      await desk.getByTestId("counter-name").filter({ hasText: "GZ-C02" }).waitFor();
      await desk.locator(`[data-testid="shelf-row"][data-id="${listingId}"]`).waitFor({ state: "visible" });
      await desk.getByTestId("nav-restock").click();
      const form = desk.locator('[data-testid="restock-form"][data-merchant="盖州市高屯果蔬专业合作社"]');
      await form.waitFor({ state: "visible" });
      for (const line of await form.getByTestId("restock-line").all()) {
        const qty = (await line.getAttribute("data-product")) === productName ? "5" : "";
        await line.getByTestId("restock-qty").fill(qty);
      }
      await form.getByTestId("restock-note").fill("周末客流大，补 5 箱");
      await form.getByTestId("restock-create").click();
      const ok = form.getByTestId("restock-form-ok");
      await ok.waitFor({ state: "visible" });
      const order = desk.locator('[data-testid="restock-order"][data-status="DRAFT"]').filter({ hasText: productName });
      await order.waitFor({ state: "visible" });
      const orderNoShown = (await order.getAttribute("data-order")) ?? "";
      expect(await ok.textContent()).toContain(orderNoShown);
      await shot(desk, "journey1-05-restock-ordered");

      // 4) The merchant confirms; the parcel is created and routed from 高屯村 to the service area's station.
      await merchant.getByTestId("nav-restock").click();
      const mine = merchant.locator(`[data-testid="restock-order"][data-order="${orderNoShown}"]`);
      await mine.waitFor({ state: "visible" });
      await mine.getByTestId("restock-confirm").click();
      await merchant.locator(`[data-testid="restock-order"][data-order="${orderNoShown}"][data-status="CONFIRMED"]`).waitFor();
      await mine.getByTestId("restock-parcel").first().waitFor({ state: "visible" });
      await shot(merchant, "journey1-06-restock-confirmed");

      // 5) The operator sees the shipment with its route (leg by leg) and its light.
      await desk.reload();
      const confirmed = desk.locator(`[data-testid="restock-order"][data-order="${orderNoShown}"][data-status="CONFIRMED"]`);
      await confirmed.waitFor({ state: "visible" });
      const parcel = confirmed.getByTestId("restock-parcel");
      expect(await parcel.count()).toBe(1);
      const waybillNo = (await parcel.getAttribute("data-waybill")) ?? "";
      expect(waybillNo).toMatch(/^XD\d{13}$/);
      expect(await parcel.getAttribute("data-light")).toBe("GREEN");
      const route = confirmed.getByTestId("restock-route");
      await route.waitFor({ state: "visible" });
      const legs = route.getByTestId("leg");
      expect(await legs.count()).toBe(3);
      const nodes = await route.locator(".leg-node").allTextContents();
      expect(nodes).toEqual(["高屯村服务点", "高屯镇服务站", "盖州市县级物流配送中心", "团山街道服务站"]);
      await confirmed.scrollIntoViewIfNeeded();
      await shot(desk, "journey1-07-shipment-route-light");

      // Stored: one upward parcel from the merchant's village point to the counter's station, three planned legs whose
      // last arrival is its promise, GREEN, and the order confirmed.
      const [direction, origin, dest, light, promised, lastArrive, legCount, orderStatus] = psql(
        `SELECT s.direction, o.code, d.code, s.light, extract(epoch FROM s."promisedAt"), (SELECT extract(epoch FROM max(l."plannedArrive")) FROM "ShipmentLeg" l WHERE l."shipmentId" = s.id),
              (SELECT count(*) FROM "ShipmentLeg" l WHERE l."shipmentId" = s.id AND l.status = 'PLANNED'), r.status
         FROM "Shipment" s JOIN "Node" o ON o.id = s."originNodeId" JOIN "Node" d ON d.id = s."destNodeId"
         JOIN "RestockShipment" rs ON rs."shipmentId" = s.id JOIN "RestockOrder" r ON r.id = rs."orderId"
        WHERE s."waybillNo" = ${sqlText(waybillNo)}`,
      ).split("|");
      expect([direction, origin, dest, light, legCount, orderStatus]).toEqual(["UP", "GZ-102200", "GZ-005", "GREEN", "3", "CONFIRMED"]);
      expect(promised).toBe(lastArrive);

      // 6) The village point accepts the announced parcel under the three rules (the co-operative is registered with its
      //    credit code: no resident ID), it travels, is screened at the hub and delivered at the counter's station: the
      //    counter's shelf gains the 5 boxes and the order shows them received.
      const point = await suite.signedIn("point", "point123");
      // Its scanning console says a parcel waits to be accepted, and leads to the announced-parcel desk.
      await point.getByTestId("scan-awaiting").waitFor({ state: "visible" });
      await point.getByTestId("scan-awaiting-link").click();
      expect(await point.getByTestId("accept-mode-announced").getAttribute("aria-selected")).toBe("true");
      // The desk lists what it expects: the restock parcel, its order and the co-operative (no ID needed).
      const waitingRow = point.locator(`[data-testid="announced-waiting-row"][data-waybill="${waybillNo}"]`);
      await waitingRow.waitFor({ state: "visible" });
      expect(await waitingRow.textContent()).toContain(orderNoShown);
      await waitingRow.getByTestId("announced-pick").click();
      expect(await point.getByTestId("announced-waybill").inputValue()).toBe(waybillNo);
      for (const item of ["explosives", "flammables", "toxic", "radioactive", "weapons", "drugs", "live_animals", "cash"])
        await point.getByTestId(`announced-prohibited-${item}`).check();
      await point.getByTestId("announced-inspected").check();
      await point.getByTestId("announced-submit").click();
      await point.locator(`[data-testid="announced-result"][data-waybill="${waybillNo}"]`).waitFor({ state: "visible" });
      // Accepted now, so labelled now (#17 point 13): the result offers the parcel's label.
      const printHref = await point.getByTestId("announced-print").getAttribute("href");
      expect(printHref).toBe(`/labels.pdf?waybills=${waybillNo}&size=76x130`);
      const label = await point.request.get(`${suite.baseUrl}${printHref}`);
      expect(label.headers()["content-type"]).toContain("application/pdf");
      await shot(point, "journey1-08-announced-accepted");

      const [p200, s102, hub, s005] = await Promise.all(["GZ-102200", "GZ-102", "GZ-HUB", "GZ-005"].map(findNode));
      const scanAt = (action: string, nodeId: string) =>
        mutate<{ outcome: string; message: string }>("scan.record", {
          clientScanId: crypto.randomUUID(),
          code: waybillNo,
          action,
          nodeId,
          at: new Date().toISOString(),
        });
      for (const [action, node] of [
        ["DEPART", p200],
        ["ARRIVE", s102],
        ["DEPART", s102],
        ["ARRIVE", hub],
      ] as const)
        expect(await scanAt(action, node!.id), `${action} ${node!.code}`).toMatchObject({ outcome: "OK" });
      await mutate("shipments.screen", { nodeId: hub!.id, waybillNo, screened: true, device: "GZ-XR-01" });
      for (const [action, node] of [
        ["DEPART", hub],
        ["ARRIVE", s005],
      ] as const)
        expect(await scanAt(action, node!.id), `${action} ${node!.code}`).toMatchObject({ outcome: "OK" });
      // The counter's station keeps a pickup shelf: the boxes wait there and leave only against the pickup code sent to
      // the counter (issue #17 defect 3), never by a plain DELIVER.
      expect(await scanAt("DELIVER", s005!.id)).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "USE_PICKUP" });
      const pickupCode = psql(`SELECT "pickupCode" FROM "Shipment" WHERE "waybillNo" = ${sqlText(waybillNo)}`);
      expect(pickupCode).toMatch(/^\d{6}$/);
      expect(
        await mutate<{ outcome: string }>("scan.record", {
          clientScanId: crypto.randomUUID(),
          code: waybillNo,
          action: "PICKUP",
          nodeId: s005!.id,
          at: new Date().toISOString(),
          pickupCode,
        }),
      ).toMatchObject({ outcome: "OK" });

      const [stored] = psql(`SELECT stock FROM "Listing" WHERE id = ${sqlText(listingId)}`).split("|");
      expect(stored).toBe("25");
      await desk.getByTestId("nav-shelf").click();
      await desk.reload();
      const stock = desk.locator(`[data-testid="shelf-row"][data-id="${listingId}"] [data-testid="shelf-stock"]`);
      await stock.waitFor({ state: "visible" });
      expect(await stock.getAttribute("data-stock")).toBe("25");
      await desk.getByTestId("nav-restock").click();
      const received = desk.locator(`[data-testid="restock-order"][data-order="${orderNoShown}"] [data-testid="restock-received"]`);
      await received.waitFor({ state: "visible" });
      expect(await received.textContent()).toContain("5 / 5");
      await received.scrollIntoViewIfNeeded();
      await shot(desk, "journey1-09-restock-received");
    },
    scaled(240_000),
  );
});
