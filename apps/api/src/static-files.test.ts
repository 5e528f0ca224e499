// The built web app as the API serves it: content-named chunks kept by the browser for a year, the app shell checked
// each time, and the build's pre-compressed copies sent to browsers that take them.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "@xiangda/api/testing";
import { buildServer, staticCacheControl } from "./server.ts";

const CHUNK = `export const text = ${JSON.stringify("乡达 ".repeat(2000))};\n`;
let h: Harness;
let webDist: string;
let app: Awaited<ReturnType<typeof buildServer>>;

beforeAll(async () => {
  h = await createHarness();
  webDist = await mkdtemp(path.join(tmpdir(), "xd-web-"));
  await mkdir(path.join(webDist, "assets"));
  await writeFile(path.join(webDist, "index.html"), "<!doctype html><title>乡达</title><div id=root></div>");
  await writeFile(path.join(webDist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  await writeFile(path.join(webDist, "assets/dashboard-page-C-qSx246.js"), CHUNK);
  await writeFile(path.join(webDist, "assets/dashboard-page-C-qSx246.js.br"), brotliCompressSync(CHUNK));
  await writeFile(path.join(webDist, "assets/dashboard-page-C-qSx246.js.gz"), gzipSync(CHUNK));
  // A chunk the build left uncompressed (under its threshold).
  await writeFile(path.join(webDist, "assets/time-CBJqiALR.js"), "export const t = 1;\n");
  app = await buildServer(h.deps, { logger: pino({ level: "silent" }), webDist });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
  if (webDist) await rm(webDist, { recursive: true, force: true });
});

describe("static files", () => {
  it("keeps content-named chunks a year and checks the app shell and unnamed files each time", async () => {
    const chunk = await app.inject({ url: "/assets/dashboard-page-C-qSx246.js" });
    expect(chunk.statusCode).toBe(200);
    expect(chunk.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const url of ["/", "/index.html", "/favicon.svg"]) {
      const r = await app.inject({ url, headers: { accept: "text/html" } });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers["cache-control"], url).toBe("no-cache");
    }
    // A client-side route falls back to the shell, which must not be kept either.
    const route = await app.inject({ url: "/county/loads", headers: { accept: "text/html" } });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain("<div id=root>");
    expect(route.headers["cache-control"]).toBe("no-cache");
  });

  it("sends the brotli or gzip copy to a browser that takes it, the plain file to one that does not", async () => {
    const br = await app.inject({ url: "/assets/dashboard-page-C-qSx246.js", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(String(br.headers["content-type"])).toMatch(/javascript/);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(CHUNK) / 4);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(CHUNK);

    const gz = await app.inject({ url: "/assets/dashboard-page-C-qSx246.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");

    const plain = await app.inject({ url: "/assets/dashboard-page-C-qSx246.js", headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(CHUNK);

    // No compressed copy: the plain file, whatever the browser takes.
    const small = await app.inject({ url: "/assets/time-CBJqiALR.js", headers: { "accept-encoding": "br" } });
    expect(small.statusCode).toBe(200);
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body).toBe("export const t = 1;\n");
  });

  it("tells content-named build files from the rest", () => {
    expect(staticCacheControl("/srv/web/dist/assets/index-B-ApuQby.js")).toMatch(/immutable/);
    expect(staticCacheControl("/srv/web/dist/assets/maplibre-gl-worker-CZtFQQIV.mjs")).toMatch(/immutable/);
    expect(staticCacheControl("/srv/web/dist/assets/index-CfD1V1Am.css")).toMatch(/immutable/);
    expect(staticCacheControl("/srv/web/dist/index.html")).toBe("no-cache");
    expect(staticCacheControl("/srv/web/dist/zod-jitless.js")).toBe("no-cache");
    expect(staticCacheControl("/srv/assets/dist/index.html")).toBe("no-cache");
  });
});
