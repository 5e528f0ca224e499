// Property tests over HTTP (the real Fastify host, app.inject) for the scan API and sign-in: thousands of
// generated inputs, good, broken and hostile. Never a 5xx; a refusal changes nothing stored; an input error
// names its field. Seed: XD_FC_SEED (printed with the counterexample on a failure).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCAN_ACTIONS } from "@xiangda/domain";
import { call, errorProblems, fingerprint, NASTY, runs, startProof, type Proof } from "./lib/http.ts";

let p: Proof;
const waybills: string[] = [];
let nodeIds: string[] = [];
const OUTCOMES = ["OK", "DUPLICATE", "MISROUTED", "INVALID_TRANSITION", "UNKNOWN_CODE", "FORBIDDEN"];
/// What a scan may change; a refused one changes none of it (its own ScanEvent row aside).
const SCAN_TABLES = ["Shipment", "ShipmentLeg", "Load", "LoadItem", "OutboxEvent"];

beforeAll(async () => {
  // Behind a trusted proxy (the inject socket is 127.0.0.1), so the sign-in property's X-Forwarded-For spreads its
  // attempts over many client addresses instead of running into one address's limit.
  p = await startProof({ trustedProxies: ["127.0.0.1"] });
  for (let i = 0; i < 6; i++) {
    const r = await call(
      p.app,
      "shipments.create",
      {
        countyCode: p.w.home.countyCode,
        direction: "DOWN",
        fromCode: `${p.w.home.countyCode}-HUB`,
        to: `${p.w.home.countyCode}-S1`,
        recipientName: "王小明",
        recipientPhone: "13812345678",
        weightG: 1000,
        contentsCategory: "日用品",
      },
      p.tokens.manager,
    );
    expect(r.status, r.text).toBe(200);
    waybills.push((r.body as { result: { data: { waybillNo: string } } }).result.data.waybillNo);
  }
  // Half of them received at the station, so the station's own scans of parcels it holds are among those generated
  // (a scan changes only parcels at its node: #16).
  for (const code of waybills.slice(0, 3)) {
    const at = new Date().toISOString();
    const scan = { clientScanId: crypto.randomUUID(), code, action: "ARRIVE", nodeId: p.w.home.stationId, at };
    const r = await call(p.app, "scan.record", scan, p.tokens.manager);
    expect(r.status, r.text).toBe(200);
  }
  nodeIds = [p.w.home.hubId, p.w.home.stationId, p.w.home.otherStationId, p.w.away.stationId];
}, 60_000);
afterAll(async () => p?.close());

/// Mostly well-formed values, now and then any JSON at all in the field's place.
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: max }), fc.string({ unit: "grapheme", maxLength: max }), fc.constantFrom(...NASTY));

/// Scans as a scanner sends them (hostile only in the free text), and broken ones: any field missing or anything.
const goodScan = () =>
  fc.record(
    {
      clientScanId: fc.uuid(),
      code: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...waybills) },
        fc.stringMatching(/^XD\d{13}$/),
        fc.stringMatching(/^[A-Z]-\d{2}-\d{2}$/),
        fc.stringMatching(/^LD\d{11}$/),
        text(64),
      ),
      action: fc.constantFrom(...SCAN_ACTIONS),
      nodeId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...nodeIds) }, fc.uuid()),
      at: fc
        .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true })
        .map((d) => d.toISOString()),
      vehicleId: fc.uuid(),
      exceptionReason: text(200),
      pickupCode: fc.stringMatching(/^\d{6}$/),
      phoneLast4: fc.stringMatching(/^\d{4}$/),
    },
    { requiredKeys: ["clientScanId", "code", "action", "nodeId", "at"] },
  );
const brokenScan = () =>
  fc.record(
    {
      clientScanId: field(fc.oneof({ weight: 5, arbitrary: fc.uuid() }, text(40))),
      code: field(fc.oneof(fc.constantFrom(...waybills), text(80))),
      action: field(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SCAN_ACTIONS) }, text(12))),
      nodeId: field(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...nodeIds) }, fc.uuid(), text(40))),
      at: field(
        fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constantFrom("2026-11-23T08:00:00+08:00", "2026-13-40T99:99:99Z", "yesterday"),
          text(30),
        ),
      ),
      vehicleId: field(fc.oneof(fc.uuid(), text(40))),
      exceptionReason: field(text(250)),
      pickupCode: field(fc.oneof(fc.stringMatching(/^\d{6}$/), text(8))),
      phoneLast4: field(fc.oneof(fc.stringMatching(/^\d{4}$/), text(6))),
    },
    { requiredKeys: [] },
  );
const scanArb = () => fc.oneof({ weight: 3, arbitrary: goodScan() }, { weight: 1, arbitrary: brokenScan() });

describe("scan.record", () => {
  it("answers every generated scan with a result or a named 4xx; refusals change nothing", async () => {
    let before = await fingerprint(p.h.deps.db, SCAN_TABLES);
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(scanArb(), fc.constantFrom("manager", "station", "merchant"), async (scan, who) => {
        const events = await p.h.deps.db.scanEvent.count();
        const r = await call(p.app, "scan.record", scan, p.tokens[who as "manager"]);
        const after = await fingerprint(p.h.deps.db, SCAN_TABLES);
        if (r.status === 200) {
          const res = (r.body as { result: { data: { clientScanId: string; outcome: string; message: string } } }).result.data;
          expect(OUTCOMES).toContain(res.outcome);
          seen.set(res.outcome, (seen.get(res.outcome) ?? 0) + 1);
          expect(res.clientScanId).toBe(scan.clientScanId);
          expect(typeof res.message).toBe("string");
          // MISROUTED is no refusal: the parcel is recorded where it is and planned again (README, Scan API).
          if (res.outcome !== "OK" && res.outcome !== "MISROUTED") {
            // Every attempt is stored, a refused one changes nothing else.
            const without = (f: string) => f.replace(/ScanEvent=\d+;?/, "");
            expect(without(after)).toBe(without(before));
            expect(await p.h.deps.db.scanEvent.count()).toBeLessThanOrEqual(events + 1);
          }
        } else {
          expect(errorProblems(r)).toEqual([]);
          expect(r.status).toBeGreaterThanOrEqual(400);
          seen.set(String(r.status), (seen.get(String(r.status)) ?? 0) + 1);
          expect(after).toBe(before);
        }
        before = after;
      }),
      runs(400),
    );
    // The generated scans reached every part: validation, refusals of the service, and accepted scans.
    for (const k of ["400", "OK", "UNKNOWN_CODE", "FORBIDDEN"]) expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
  }, 120_000);
});

describe("scan.recordBatch", () => {
  it("answers every generated batch with a result per scan, in order, or a named 4xx that stores nothing", async () => {
    let before = await fingerprint(p.h.deps.db, SCAN_TABLES);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: fc.record({ scans: fc.array(goodScan(), { minLength: 1, maxLength: 12 }) }) },
          { weight: 1, arbitrary: field(fc.record({ scans: field(fc.array(scanArb(), { maxLength: 12 })) }, { requiredKeys: [] })) },
        ),
        async (input) => {
          const r = await call(p.app, "scan.recordBatch", input, p.tokens.manager);
          const after = await fingerprint(p.h.deps.db, SCAN_TABLES);
          if (r.status === 200) {
            const sent = (input as { scans: { clientScanId: string }[] }).scans;
            const results = (r.body as { result: { data: { results: { clientScanId: string; outcome: string }[] } } }).result.data.results;
            expect(results.map((x) => x.clientScanId)).toEqual(sent.map((s) => s.clientScanId));
            for (const x of results) expect(OUTCOMES).toContain(x.outcome);
          } else {
            expect(errorProblems(r)).toEqual([]);
            expect(after).toBe(before);
          }
          before = after;
        },
      ),
      runs(150),
    );
  }, 120_000);
});

describe("auth.login", () => {
  it("signs in only with the right password; every other answer is a clean refusal that stores nothing", async () => {
    const users = ["t_admin", "t_station", "fc_nobody"];
    let before = await fingerprint(p.h.deps.db, ["User", "Session"]);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            username: field(fc.oneof(fc.constantFrom(...users), text(80))),
            password: field(fc.oneof(fc.constant(p.w.password), text(300))),
          },
          { requiredKeys: [] },
        ),
        fc.ipV4(),
        async (input, ip) => {
          const r = await call(p.app, "auth.login", input, undefined, { headers: { "x-forwarded-for": ip } });
          const after = await fingerprint(p.h.deps.db, ["User", "Session"]);
          if (r.status === 200) {
            expect(users.slice(0, 2)).toContain(input.username);
            expect(input.password).toBe(p.w.password);
          } else {
            expect(errorProblems(r)).toEqual([]);
            expect([400, 401, 429]).toContain(r.status);
            expect(after).toBe(before);
          }
          before = after;
        },
      ),
      runs(300),
    );
  }, 120_000);
});
