// Security headers on the HTML pages and every other answer, and no source maps served. Chromium checks the
// policy against the real app (every browser test fails on a CSP violation).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createHarness, type Harness } from "@xiangda/api/testing";
import { buildServer } from "./server.ts";

const quiet = pino({ level: "silent" });
const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
let h: Harness;
let webDist: string;
beforeAll(async () => {
  h = await createHarness();
  webDist = await mkdtemp(path.join(tmpdir(), "xd-web-"));
  await mkdir(path.join(webDist, "assets"));
  await writeFile(path.join(webDist, "index.html"), "<!doctype html><title>乡达</title><div id=root></div>");
  await writeFile(path.join(webDist, "assets/index-abc.js"), "console.log(1)\n//# sourceMappingURL=index-abc.js.map\n");
  await writeFile(path.join(webDist, "assets/index-abc.js.map"), '{"version":3,"sources":["../src/main.tsx"],"sourcesContent":["secret"]}');
});
afterAll(async () => {
  await h?.close();
  if (webDist) await rm(webDist, { recursive: true, force: true });
});

function directives(csp: unknown): Map<string, string[]> {
  return new Map(
    String(csp)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("security headers", () => {
  it("sends a strict policy, no framing, nosniff and no referrer with the app's pages and the API's answers", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist });
    for (const [url, headers] of [
      ["/", html],
      ["/station/console", html],
      ["/t/7K3M9Q2XW4HB8N5RT", html],
      ["/assets/index-abc.js", {}],
      ["/trpc/auth.me", {}],
      ["/trpc/county.list", {}],
      ["/health", {}],
      ["/nowhere", {}],
    ] as const) {
      const r = await app.inject({ url, headers });
      expect(r.statusCode, url).toBeLessThan(500);
      const csp = directives(r.headers["content-security-policy"]);
      expect(csp.get("default-src"), url).toEqual(["'self'"]);
      expect(csp.get("script-src"), url).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get("frame-ancestors"), url).toEqual(["'none'"]);
      expect(csp.get("object-src"), url).toEqual(["'none'"]);
      expect(csp.has("upgrade-insecure-requests"), url).toBe(false);
      expect(r.headers["x-frame-options"], url).toBe("DENY");
      expect(r.headers["x-content-type-options"], url).toBe("nosniff");
      expect(r.headers["referrer-policy"], url).toBe("no-referrer");
      expect(r.headers["strict-transport-security"], url).toBeUndefined();
    }
    await app.close();
  });

  it("over https, also HSTS and upgrade-insecure-requests", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist, publicUrl: "https://xd.example.cn" });
    const r = await app.inject({ url: "/", headers: html });
    expect(r.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(directives(r.headers["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
    await app.close();
  });

  it("lets a PDF open in the browser's viewer: only the framing rule", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist: null });
    app.get("/test.pdf", async (_req, reply) => reply.type("application/pdf").send(Buffer.from("%PDF-1.4\n%%EOF\n")));
    const r = await app.inject({ url: "/test.pdf" });
    expect(r.headers["content-security-policy"]).toBe("frame-ancestors 'none'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    await app.close();
  });
});

describe("source maps", () => {
  it("are never served, even when a build left some", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist });
    expect((await app.inject({ url: "/assets/index-abc.js" })).statusCode).toBe(200);
    const map = await app.inject({ url: "/assets/index-abc.js.map" });
    expect(map.statusCode).toBe(404);
    expect(map.body).not.toContain("sourcesContent");
    // A browser asking for HTML gets the app shell, not the map.
    expect((await app.inject({ url: "/assets/index-abc.js.map", headers: html })).body).not.toContain("sourcesContent");
    await app.close();
  });
});
