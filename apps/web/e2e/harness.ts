// Shared set-up for the browser tests: base URL, Chromium launch, sign-in helper, and the API, database and polling
// helpers the tests use to set up and check what the pages did.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../test-results");

/** The running app (API + built web). Never default: a missing URL must fail, not skip. */
/** A downward parcel of the demo county from the hub to 高屯村 (the demo's village point), for scanning tests. */
export const DEMO_DOWN_PARCEL = {
  countyCode: "210881",
  direction: "DOWN",
  fromCode: "GZ-HUB",
  to: "210881102200",
  recipientName: "测试",
  recipientPhone: "13812345678",
  weightG: 500,
  contentsCategory: "日用品",
} as const;

export function requireBaseUrl(): string {
  const url = process.env.XD_E2E_BASE_URL;
  if (!url) {
    throw new Error(
      "XD_E2E_BASE_URL is not set. Start the API with the built web app and the demo users seeded, " +
        "then run e.g. XD_E2E_BASE_URL=http://127.0.0.1:4310 pnpm --filter @xiangda/web e2e",
    );
  }
  return url.replace(/\/+$/, "");
}

/** `fakeCamera`: a .y4m video that Chromium's camera shows (allowed without asking), for the camera scanner. */
export async function launchBrowser(opts: { fakeCamera?: string } = {}): Promise<Browser> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      ...(opts.fakeCamera
        ? ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${opts.fakeCamera}`]
        : []),
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Content-Security-Policy violations any page of this test file reported (the `securitypolicyviolation` event and
 * Chromium's console message, which also covers workers). e2e/setup.ts fails each test that leaves one here.
 */
export const cspViolations: string[] = [];

/** A fresh context (own cookies and localStorage) and page, watched for CSP violations. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...options });
  await context.exposeBinding("__xdCspViolation", (_source, text: string) => void cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __xdCspViolation?: (text: string) => void }).__xdCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} on ${location.pathname} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspViolations.push(`console on ${page.url()}: ${m.text()}`);
  });
  page.setDefaultTimeout(15_000);
  return page;
}

export async function submitLogin(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
}

export async function areaHeading(page: Page): Promise<string> {
  const heading = page.getByTestId("area-heading");
  await heading.waitFor({ state: "visible" });
  return (await heading.textContent())?.trim() ?? "";
}

export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

export function screenshotPath(name: string): string {
  return path.join(RESULTS_DIR, `${name}.png`);
}

/** Waits until the element with this test id has focus (focus often moves on the next animation frame); throws after 5 s. */
export async function waitForFocus(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-testid") === id, testId, { timeout: 5000 });
}

/** A tRPC call with a bearer token: GET for a query, POST for a mutation; throws with the server's error. */
export async function trpc<T>(
  baseUrl: string,
  token: string,
  proc: string,
  input: unknown,
  kind: "query" | "mutation" = "mutation",
): Promise<T> {
  const url = kind === "query" ? `${baseUrl}/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}` : `${baseUrl}/trpc/${proc}`;
  const res = await fetch(url, {
    method: kind === "query" ? "GET" : "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    ...(kind === "mutation" ? { body: JSON.stringify(input) } : {}),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${proc}: ${res.status} ${JSON.stringify(body.error ?? body)}`);
  return body.result.data;
}

/** One SQL statement against the test database (DATABASE_URL, as scripts/e2e.sh sets it): rows as `a|b` lines. */
export function psql(sql: string): string {
  const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:55432/xiangda";
  return execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "|"], { input: sql }).toString().trim();
}

/** Reads until `ok`, every `every` ms, failing after `ms` with the last value. */
export async function until<T>(what: string, read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 45_000, every = 500): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)} after ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** What a browser test file shares: the app's base URL, one Chromium, and pages that are closed with it. */
export interface TBrowserSuite {
  /** The running app's URL (set before the first test). */
  readonly baseUrl: string;
  /** The browser (started before the first test). */
  readonly browser: Browser;
  /** A fresh page in a context of its own, closed after the file's tests. */
  page(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh page signed in as this user and showing their area. */
  signedIn(username: string, password: string, options?: BrowserContextOptions): Promise<Page>;
  /** A tRPC call: GET for a query, POST for a mutation, with a bearer token when given; throws with the server's error. */
  api<T>(method: "GET" | "POST", proc: string, input: unknown, token?: string): Promise<T>;
  /** A session token of this user (auth.login). */
  login(username: string, password: string): Promise<string>;
}

/** Registers the file's before/after hooks (base URL, Chromium start and close) and returns what the tests use. */
export function browserSuite(opts: { fakeCamera?: string } = {}): TBrowserSuite {
  let baseUrl = "";
  let browser: Browser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    baseUrl = requireBaseUrl();
    browser = await launchBrowser(opts);
  });
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
  });
  const suite: TBrowserSuite = {
    get baseUrl() {
      return baseUrl;
    },
    get browser() {
      if (!browser) throw new Error("browser did not start");
      return browser;
    },
    async page(options) {
      const page = await openPage(suite.browser, options);
      pages.push(page);
      return page;
    },
    async signedIn(username, password, options) {
      const page = await suite.page(options);
      await submitLogin(page, baseUrl, username, password);
      await areaHeading(page);
      return page;
    },
    async api<T>(method: "GET" | "POST", proc: string, input: unknown, token?: string): Promise<T> {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (token) headers.authorization = `Bearer ${token}`;
      const query = method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
      const res = await fetch(`${baseUrl}/trpc/${proc}${query}`, {
        method,
        headers,
        body: method === "POST" ? JSON.stringify(input) : undefined,
      });
      const body = (await res.json()) as { result?: { data: T }; error?: unknown };
      if (!res.ok || !body.result) throw new Error(`${proc}: ${res.status} ${JSON.stringify(body.error ?? body)}`);
      return body.result.data;
    },
    async login(username, password) {
      return (await suite.api<{ token: string }>("POST", "auth.login", { username, password })).token;
    },
  };
  return suite;
}
