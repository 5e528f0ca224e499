// The classics over HTTP: bodies over the limit, wrong content types and broken JSON get a clear 4xx (never a
// 500); SQL and markup in the free-text fields the UI shows are stored and returned verbatim, with no extra
// rows; the web app renders text only (React escapes it), with one reviewed raw-HTML sink.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, errorOf, fingerprint, startProof, type Proof } from "./lib/http.ts";

let p: Proof;
beforeAll(async () => {
  p = await startProof();
}, 60_000);
afterAll(async () => p?.close());

describe("request bodies", () => {
  it("answers a body over the 8 MB limit with 413 and says so", async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/trpc/scan.recordBatch",
      headers: { "content-type": "application/json", authorization: `Bearer ${p.tokens.manager}` },
      payload: JSON.stringify({ scans: [{ code: "x".repeat(9 * 1024 * 1024) }] }),
    });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ statusCode: 413, error: "Payload Too Large", message: "Request body is too large" });
  });

  it("answers wrong content types with 415 and broken JSON with a 400 naming the input, never a 500", async () => {
    const send = (contentType: string | undefined, payload: string) =>
      p.app.inject({ method: "POST", url: "/trpc/auth.login", headers: contentType ? { "content-type": contentType } : {}, payload });
    const login = JSON.stringify({ username: "t_admin", password: "wrong-password" });
    for (const type of [
      "text/plain",
      "application/xml",
      "application/x-www-form-urlencoded",
      "application/octet-stream",
      "multipart/form-data; boundary=x",
      "image/png",
    ]) {
      const r = await send(
        type,
        type.startsWith("multipart") ? `--x\r\nContent-Disposition: form-data; name="username"\r\n\r\na\r\n--x--\r\n` : login,
      );
      expect(r.statusCode, `${type}: ${r.body}`).toBe(415);
      expect(r.body, type).toMatch(/Unsupported|content-type/i);
      expect(r.body).not.toMatch(/\.ts:\d+|circular/i);
    }
    for (const body of ["{not json", "", '{"username":', "\u0000"]) {
      const r = await send("application/json", body);
      expect(r.statusCode, body).toBe(400);
      expect(errorOf({ status: r.statusCode, body: r.json(), text: r.body })?.data.zodIssues).toEqual([
        { path: "input", message: "not valid JSON", key: "INVALID_JSON", params: {} },
      ]);
    }
    const query = await p.app.inject({ url: "/trpc/tracking.lookup?input=%7Bnot" });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ error: { data: { appCode: "INVALID_INPUT", zodIssues: [{ path: "input" }] } } });
  });

  it("refuses a NUL character in any text with a 400 naming the field (PostgreSQL cannot store it)", async () => {
    const r = await call(
      p.app,
      "users.create",
      { username: "nul_user", password: "password-123", displayName: "a\u0000b", role: "ADMIN" },
      p.tokens.admin,
    );
    expect(r.status).toBe(400);
    expect(errorOf(r)?.data.zodIssues).toEqual([{ path: "displayName", message: "must not contain NUL characters", key: "NUL_CHARACTERS", params: {} }]);
    const labels = await p.app.inject({ url: "/labels.pdf?waybills=XD%00", headers: { authorization: `Bearer ${p.tokens.manager}` } });
    expect(labels.statusCode).toBe(400);
    expect(labels.json()).toEqual({ error: "input: must not contain NUL characters", field: "input" });
  });
});

/// SQL and markup a user may type into a field that others see. Kept within every field's length and trim.
const HOSTILE = [
  `Robert'); DROP TABLE "User";--`,
  `x' OR '1'='1`,
  `1; DELETE FROM "Node" WHERE 1=1`,
  `<script>alert("xss")</script>`,
  `"><img src=x onerror=alert(1)>`,
  `%_\\'"\`\${7*7}{{7*7}}`,
];

describe("free text shown back in the UI", () => {
  it("stores SQL and markup verbatim, returns it intact and adds no rows but its own", async () => {
    const county = p.w.home.countyCode;
    const counts = async () => fingerprint(p.h.deps.db, []);
    for (const [i, s] of HOSTILE.entries()) {
      const before = await counts();
      // A node's name and contact (the network pages), a user's display name (users page), a merchant's name (merchants
      // page, searched with LIKE), a parcel's address and contents (parcel pages, labels).
      const node = await call(
        p.app,
        "network.nodes.upsert",
        {
          countyCode: county,
          code: `INJ-${i}`,
          name: s,
          tier: "VILLAGE_POINT",
          areaCode: `${county}101201`,
          parentCode: `${county}-S1`,
          contactName: s.slice(0, 40),
        },
        p.tokens.manager,
      );
      expect(node.status, node.text).toBe(200);
      const user = await call(
        p.app,
        "users.create",
        { username: `inj_${i}`, password: "password-123", displayName: s, role: "ADMIN" },
        p.tokens.admin,
      );
      expect(user.status, user.text).toBe(200);
      const merchant = await call(
        p.app,
        "catalog.merchants.upsert",
        { countyCode: county, name: s, type: "COOPERATIVE", originAreaCode: `${county}101201` },
        p.tokens.manager,
      );
      expect(merchant.status, merchant.text).toBe(200);
      const parcel = await call(
        p.app,
        "shipments.create",
        {
          countyCode: county,
          direction: "DOWN",
          fromCode: `${county}-HUB`,
          to: `${county}-S1`,
          recipientName: "王小明",
          recipientPhone: "13812345678",
          recipientAddress: s,
          weightG: 1000,
          contentsCategory: s.slice(0, 40),
        },
        p.tokens.manager,
      );
      expect(parcel.status, parcel.text).toBe(200);
      // Exactly one row more in each of those tables, none anywhere else (AuditLog aside) and nothing dropped.
      const delta = diffCounts(before, await counts());
      expect(delta).toMatchObject({ Node: 1, User: 1, Merchant: 1, Shipment: 1 });
      expect(Object.values(delta).every((d) => d >= 0)).toBe(true);

      // Read back as the pages read them.
      const nodes = (await call(p.app, "network.nodes.list", { countyCode: county }, p.tokens.manager, { query: true })).body as {
        result: { data: { code: string; name: string; contactName?: string | null }[] };
      };
      expect(nodes.result.data.find((n) => n.code === `INJ-${i}`)).toMatchObject({ name: s });
      const users = (await call(p.app, "users.list", {}, p.tokens.admin, { query: true })).body as {
        result: { data: { username: string; displayName: string }[] };
      };
      expect(users.result.data.find((u) => u.username === `inj_${i}`)?.displayName).toBe(s);
      const found = (await call(p.app, "catalog.merchants.list", { countyCode: county, q: s }, p.tokens.manager, { query: true })).body as {
        result: { data: { name: string }[] };
      };
      expect(found.result.data.map((m) => m.name)).toEqual([s]);
      const waybillNo = (parcel.body as { result: { data: { waybillNo: string } } }).result.data.waybillNo;
      const got = await call(p.app, "shipments.get", { countyCode: county, waybillNo }, p.tokens.manager, { query: true });
      expect(got.text).toContain(JSON.stringify(s).slice(1, -1));
    }
    // A LIKE wildcard searches for itself, not for everything.
    const pct = (
      await call(p.app, "catalog.merchants.list", { countyCode: p.w.home.countyCode, q: "%" }, p.tokens.manager, { query: true })
    ).body as { result: { data: { name: string }[] } };
    expect(pct.result.data.map((m) => m.name)).toEqual([HOSTILE[5]]);
    expect(await p.h.deps.db.user.count({ where: { username: { startsWith: "inj_" } } })).toBe(HOSTILE.length);
  });

  it("has no raw-HTML sink in the web app but the reviewed barcode SVG (React escapes every text it renders)", () => {
    const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/src");
    const sinks: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const f = path.join(dir, name);
        if (statSync(f).isDirectory()) walk(f);
        else if (/\.(tsx?|jsx?)$/.test(name) && !/\.test\./.test(name)) {
          readFileSync(f, "utf8")
            .split("\n")
            .forEach((line, n) => {
              if (/dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write|new Function\(|\beval\(/.test(line))
                sinks.push(`${path.relative(web, f)}:${n + 1}`);
            });
        }
      }
    };
    walk(web);
    // load-bits.tsx draws zxing's SVG of our own load code (LD + 11 digits), never user input.
    expect(sinks.map((s) => s.replace(/:\d+$/, ""))).toEqual(["pages/county/loads/load-bits.tsx"]);
  });
});

function diffCounts(a: string, b: string): Record<string, number> {
  const parse = (f: string) =>
    Object.fromEntries(
      f
        .split(";")
        .map((kv) => kv.split("=") as [string, string])
        .map(([k, v]) => [k, Number(v)]),
    );
  const x = parse(a);
  const y = parse(b);
  return Object.fromEntries(
    Object.keys(y)
      .filter((k) => y[k] !== x[k])
      .map((k) => [k, y[k]! - x[k]!]),
  );
}
