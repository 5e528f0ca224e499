// The API's security headers as the browser gets them with the built app, no source maps in the production build or
// served, and the page that asks most of the Content-Security-Policy working under it: the station's camera scanner
// reads a parcel's barcode from a camera (Chromium's fake camera playing a video of the label: getUserMedia, then
// zxing-wasm compiling its WebAssembly). The county map runs under the policy in dashboard.test.ts; every page of
// every browser test is watched for CSP violations (harness.ts, setup.ts).
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOWN_PARCEL, launchBrowser, openPage, requireBaseUrl, screenshotPath, submitLogin, trpc } from "./harness.ts";

// The build the API serves: scripts/e2e.sh builds into a folder of its run's own.
const DIST = process.env.XD_WEB_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const require = createRequire(import.meta.url);
const cameraVideo = path.join(tmpdir(), `xd-camera-${process.pid}.y4m`);
let baseUrl = "";
let browser: Browser | undefined;

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { result: { data: { token: string } } }).result.data.token;
}

/// A Code 128 barcode of `text` as a camera would film it: a .y4m video (grey, 640×480, two still frames).
async function barcodeVideo(text: string, file: string): Promise<void> {
  const zxing = await import("zxing-wasm/writer");
  const wasm = readFileSync(require.resolve("zxing-wasm/writer/zxing_writer.wasm"));
  zxing.prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) } });
  const r = await zxing.writeBarcode(text, { format: "Code128", scale: 3, withQuietZones: true });
  if (r.error) throw new Error(r.error);
  const [W, H] = [640, 480];
  const y = Buffer.alloc(W * H, 235);
  const width = Number(/<svg width="(\d+)"/.exec(r.svg)?.[1]);
  const left = Math.floor((W - width) / 2);
  for (const [, x, w] of r.svg.matchAll(/M(\d+) \d+h(\d+)v/g)) {
    for (let row = 120; row < 360; row++) y.fill(16, row * W + left + Number(x), row * W + left + Number(x) + Number(w));
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}

describe("security as the browser sees it", () => {
  beforeAll(() => {
    baseUrl = requireBaseUrl();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(cameraVideo, { force: true });
  });

  it("serves the built app with the security headers, and no source maps: none built, none served", async () => {
    const page = await fetch(`${baseUrl}/station`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");

    const files = readdirSync(DIST, { recursive: true, encoding: "utf8" });
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeTruthy();
    const js = await fetch(`${baseUrl}${script}`);
    expect(js.status).toBe(200);
    expect(await js.text()).not.toContain("sourceMappingURL");
    expect((await fetch(`${baseUrl}${script}.map`)).status).toBe(404);
  });

  it("the station's camera scanner reads a parcel's barcode under the policy", async () => {
    const managerToken = await login("manager", "manager123");
    const { waybillNo } = await trpc<{ waybillNo: string }>(baseUrl, managerToken, "shipments.create", DEMO_DOWN_PARCEL);
    await barcodeVideo(waybillNo, cameraVideo);
    browser = await launchBrowser({ fakeCamera: cameraVideo });
    const page = await openPage(browser, { permissions: ["camera"] });
    await submitLogin(page, baseUrl, "station", "station123");
    await page.getByTestId("scan-input").waitFor({ state: "visible", timeout: 30_000 });
    await page.getByTestId("scan-mode-ARRIVE").click();
    const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"), { timeout: 30_000 });
    await page.getByTestId("scan-camera-open").click();
    expect((await wasm).status()).toBe(200);
    await page.waitForFunction(
      (code) => {
        const el = document.querySelector('[data-testid="scan-feedback"]');
        return el?.getAttribute("data-outcome") === "OK" && el.textContent?.includes(code);
      },
      waybillNo,
      { timeout: 30_000 },
    );
    expect(await page.getByTestId("scan-camera-error").count()).toBe(0);
    await page.screenshot({ path: screenshotPath("security-camera-scan"), fullPage: true });
    await page.getByTestId("scan-camera-close").click();
    await page.context().close();
  });
});
