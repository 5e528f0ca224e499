// One webhook POST against a real local server: 2xx only, redirects not followed, the answer's size and time limited,
// the connection made to the address the guard checked (not looked up again); and the docs' recipes verify it.
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./send.ts";
import { signWebhook } from "./signature.ts";

let server: Server;
let base: string;
const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const pending = new Set<() => void>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (req.url === "/ok") res.writeHead(204).end();
      else if (req.url === "/redirect") res.writeHead(302, { location: "/ok" }).end();
      else if (req.url === "/big") res.writeHead(200).end(Buffer.alloc(70 * 1024, 97));
      else if (req.url === "/slow") pending.add(() => res.writeHead(200).end());
      else res.writeHead(500).end("no");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
});
afterAll(async () => {
  for (const f of pending) f();
  await new Promise((r) => server.close(r));
});

const post = (p: string, opts: { timeoutMs?: number } = {}) =>
  postWebhook(`${base}${p}`, '{"a":1}', { "content-type": "application/json" }, { allowPrivate: true, ...opts });

describe("postWebhook", () => {
  it("counts 2xx only; a redirect is not followed, a large answer and a slow one fail", async () => {
    expect(await post("/ok")).toMatchObject({ ok: true, status: 204, error: null });
    expect(await post("/fail")).toMatchObject({ ok: false, status: 500, error: "HTTP_STATUS" });
    const before = seen.length;
    expect(await post("/redirect")).toMatchObject({ ok: false, status: 302 });
    expect(seen.slice(before).map((s) => s.url)).toEqual(["/redirect"]);
    expect(await post("/big")).toMatchObject({ ok: false, status: 200, error: "TOO_LARGE" });
    const slow = await post("/slow", { timeoutMs: 300 });
    expect(slow).toMatchObject({ ok: false, status: null, error: "TIMEOUT" });
    expect(slow.latencyMs).toBeGreaterThanOrEqual(250);
  });

  it("refuses a private address without the flag, before connecting", async () => {
    const before = seen.length;
    const r = await postWebhook(`${base}/ok`, "{}", {}, { allowPrivate: false });
    expect(r).toMatchObject({ ok: false, status: null, error: "REFUSED:WEBHOOK_URL_PRIVATE" });
    expect(seen.length).toBe(before);
  });

  it("connects to the address the guard checked: a name only the guard's lookup knows still reaches it", async () => {
    const port = new URL(base).port;
    let lookups = 0;
    const lookup = async () => {
      lookups++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const r = await postWebhook(`http://hooks.invalid:${port}/ok`, "{}", {}, { allowPrivate: true, lookup });
    expect(r).toMatchObject({ ok: true, status: 204 });
    expect(lookups).toBe(1);
    expect(seen[seen.length - 1]!.headers.host).toBe(`hooks.invalid:${port}`);
  });
});

describe("the recipes in docs/webhooks.md", () => {
  it("verify the server's signature in Node and in Python, and refuse a changed body", async () => {
    const doc = readFileSync(path.join(import.meta.dirname, "../../../../../../docs/webhooks.md"), "utf8");
    const js = /```js\n([\s\S]*?)```/.exec(doc)![1]!;
    const py = /```python\n([\s\S]*?)```/.exec(doc)![1]!;
    const dir = mkdtempSync(path.join(tmpdir(), "xd-recipe-"));
    try {
      writeFileSync(path.join(dir, "v.mjs"), js);
      writeFileSync(path.join(dir, "v.py"), py);
      const secret = "whsec_" + "x".repeat(43);
      const body = JSON.stringify({ id: "12", data: { node: { name: "高屯村点" } } });
      const header = signWebhook(secret, body, Math.floor(Date.now() / 1000));
      // The recipe is the documented HMAC, not whatever signWebhook does: recomputed here by hand.
      const t = Number(/t=(\d+)/.exec(header)![1]);
      expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
      const { verifyXiangda } = (await import(path.join(dir, "v.mjs"))) as { verifyXiangda: (s: string, b: string, h: string) => boolean };
      expect([
        verifyXiangda(secret, body, header),
        verifyXiangda(secret, `${body} `, header),
        verifyXiangda(`${secret}y`, body, header),
      ]).toEqual([true, false, false]);
      writeFileSync(path.join(dir, "body.bin"), body);
      const script = `import sys; sys.path.insert(0, ${JSON.stringify(dir)}); from v import verify_xiangda
b = open(${JSON.stringify(path.join(dir, "body.bin"))}, "rb").read()
print(verify_xiangda(${JSON.stringify(secret)}, b, ${JSON.stringify(header)}), verify_xiangda(${JSON.stringify(secret)}, b + b" ", ${JSON.stringify(header)}))`;
      let out: string | null = null;
      try {
        out = execFileSync("python3", ["-c", script], { encoding: "utf8" }).trim();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
      // python3 is on the project's machines; where it is not, only the Node recipe is checked.
      if (out !== null) expect(out).toBe("True False");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
