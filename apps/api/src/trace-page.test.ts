// The traceability QR label opens /t/<code>: the host answers it with the web app's shell (the SPA renders
// the page), while the data comes from the public trace.get procedure, which answers JSON.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "@xiangda/api/testing";
import { pino } from "pino";
import { buildServer } from "./server.ts";

const quiet = pino({ level: "silent" });
let h: Harness;
let webDist: string;
beforeAll(async () => {
  h = await createHarness();
  webDist = await mkdtemp(path.join(tmpdir(), "xd-web-"));
  await writeFile(path.join(webDist, "index.html"), "<!doctype html><title>乡达</title><div id=root></div>");
});
afterAll(async () => {
  await h?.close();
  if (webDist) await rm(webDist, { recursive: true, force: true });
});

describe("/t/:code", () => {
  it("serves the app shell to a browser opening a label's link, like /track", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist });
    const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
    for (const url of ["/t/7K3M9Q2XW4HB8N5RT", "/t/7k3m-9q2x?from=qr", "/t", "/track"]) {
      const r = await app.inject({ url, headers: html });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers["content-type"], url).toMatch(/text\/html/);
      expect(r.body, url).toContain("<div id=root>");
    }
    const api = await app.inject({ url: `/trpc/trace.get?input=${encodeURIComponent(JSON.stringify({ code: "7K3M9Q2XW4HB8N5RT" }))}` });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { data: { code: "NOT_FOUND" } } });
    await app.close();
  });
});
