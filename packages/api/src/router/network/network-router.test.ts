// The network procedures as the UI calls them: field errors point at the form field,
// status changes need reasons, and contact phones are shown only to those who may see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@xiangda/domain";
import { importDivisions } from "../../services/areas/import-divisions.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { scaled } from "@xiangda/config/testing";

let h: Harness;
const manager: Actor = {
  userId: "00000000-0000-4000-8000-000000000001",
  username: "m",
  role: "COUNTY_MANAGER",
  countyCode: "210881",
  nodeId: null,
  merchantId: null,
};
const admin: Actor = { ...manager, userId: "00000000-0000-4000-8000-000000000002", username: "a", role: "ADMIN", countyCode: null };
const countyCode = "210881";

beforeAll(async () => {
  h = await createHarness();
  await importDivisions(h.deps.db, countyCode);
}, scaled(60_000));
afterAll(async () => h?.close());

const issuesOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    const cause = (e as { cause?: { issues?: { path: string }[] } }).cause;
    return { code: (e as { code: string }).code, paths: (cause?.issues ?? []).map((i) => i.path) };
  }
  throw new Error("expected a rejection");
};

describe("network procedures", () => {
  it("creates the hierarchy through the forms and points at the wrong field", async () => {
    const c = h.callerAs(manager);
    await c.network.nodes.upsert({
      countyCode,
      code: "HUB",
      name: "中心",
      tier: "COUNTY_HUB",
      areaCode: "210881000000",
      coldChilled: true,
      contactPhone: "13812345678",
    });
    await c.network.nodes.upsert({
      countyCode,
      code: "S102",
      name: "高屯站",
      tier: "TOWNSHIP_STATION",
      areaCode: "210881102000",
      parentCode: "HUB",
    });
    expect(
      await issuesOf(
        c.network.nodes.upsert({
          countyCode,
          code: "S9",
          name: "x",
          tier: "TOWNSHIP_STATION",
          areaCode: "210881102200",
          parentCode: "HUB",
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", paths: ["areaCode"] });
    expect(
      await issuesOf(
        c.network.nodes.upsert({ countyCode, code: "S9", name: "x", tier: "TOWNSHIP_STATION", areaCode: "2108", parentCode: "HUB" }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await issuesOf(
        c.network.nodes.upsert({ countyCode, code: "P1", name: "x", tier: "VILLAGE_POINT", areaCode: "210881102200", parentCode: "NOPE" }),
      ),
    ).toEqual({ code: "BAD_REQUEST", paths: ["parentCode"] });
    const p = await c.network.nodes.upsert({
      countyCode,
      code: "P200",
      name: "高屯村点",
      tier: "VILLAGE_POINT",
      areaCode: "210881102200",
      parentCode: "S102",
      openingHours: "08:00-18:00",
    });
    expect(p).toMatchObject({ parentCode: "S102", status: "ACTIVE" });
    expect(
      await issuesOf(
        c.network.nodes.upsert({
          countyCode,
          code: "P200",
          name: "x",
          tier: "VILLAGE_POINT",
          areaCode: "210881102200",
          parentCode: "S102",
          openingHours: "8 to 6",
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", paths: ["openingHours"] });
  });

  it("sets a self-pickup node's pickup check and hold days from the form, validated (issue #17)", async () => {
    const c = h.callerAs(manager);
    const base = { countyCode, code: "P200", name: "高屯村点", tier: "VILLAGE_POINT", areaCode: "210881102200", parentCode: "S102" } as const;
    const before = await c.network.nodes.upsert({ ...base, selfPickup: true });
    expect(before).toMatchObject({ pickupCheck: "CODE_OR_PHONE", pickupHoldDays: 7 });
    const p = await c.network.nodes.upsert({ ...base, selfPickup: true, pickupCheck: "CODE_PHONE_OR_ID", pickupHoldDays: 10 });
    expect(p).toMatchObject({ selfPickup: true, pickupCheck: "CODE_PHONE_OR_ID", pickupHoldDays: 10 });
    expect(await h.deps.db.node.findFirstOrThrow({ where: { code: "P200" } })).toMatchObject({ pickupCheck: "CODE_PHONE_OR_ID", pickupHoldDays: 10 });
    // Listed as saved; an edit that leaves them out keeps them.
    const listed = (await c.network.nodes.list({ countyCode })).find((n) => n.code === "P200");
    expect(listed).toMatchObject({ pickupCheck: "CODE_PHONE_OR_ID", pickupHoldDays: 10 });
    expect(await c.network.nodes.upsert({ ...base, selfPickup: true })).toMatchObject({ pickupCheck: "CODE_PHONE_OR_ID", pickupHoldDays: 10 });
    // Bad values name their field and change nothing.
    for (const bad of [{ pickupHoldDays: 0 }, { pickupHoldDays: 61 }, { pickupHoldDays: 2.5 }, { pickupCheck: "PHONE" }]) {
      const r = await issuesOf(c.network.nodes.upsert({ ...base, ...bad } as never));
      expect({ code: r.code, paths: r.paths.map(String) }, JSON.stringify(bad)).toEqual({ code: "BAD_REQUEST", paths: [Object.keys(bad)[0]] });
    }
    expect(await h.deps.db.node.findFirstOrThrow({ where: { code: "P200" } })).toMatchObject({ pickupCheck: "CODE_PHONE_OR_ID", pickupHoldDays: 10 });
  });

  it("validates lanes with form field names", async () => {
    const c = h.callerAs(manager);
    const base = { countyCode, departures: ["08:00"], weekdays: [1, 2, 3], cutoffMinutes: 30, transitMinutes: 45, cold: false };
    expect(await issuesOf(c.network.lanes.upsert({ ...base, code: "L1", fromCode: "HUB", toCode: "NOPE", mode: "TRUNK" }))).toEqual({
      code: "BAD_REQUEST",
      paths: ["toCode"],
    });
    expect(await issuesOf(c.network.lanes.upsert({ ...base, code: "L1", fromCode: "HUB", toCode: "P200", mode: "TRUNK" }))).toEqual({
      code: "BAD_REQUEST",
      paths: ["mode"],
    });
    const l = await c.network.lanes.upsert({
      ...base,
      code: "L1",
      fromCode: "HUB",
      toCode: "S102",
      mode: "TRUNK",
      departures: ["14:00", "08:00", "08:00"],
    });
    expect(l).toMatchObject({ fromCode: "HUB", toCode: "S102", departures: ["08:00", "14:00"] });
    await expect(c.network.lanes.setStatus({ countyCode, code: "L1", status: "SUSPENDED" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await c.network.lanes.setStatus({ countyCode, code: "L1", status: "SUSPENDED", reason: "道路施工" })).toMatchObject({
      status: "SUSPENDED",
      suspendedReason: "道路施工",
    });
  });

  it("suspends and reactivates a node; a suspension needs a reason", async () => {
    const c = h.callerAs(manager);
    await expect(c.network.nodes.setStatus({ countyCode, code: "S102", status: "SUSPENDED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const until = "2026-12-01T00:00:00+08:00";
    expect(await c.network.nodes.setStatus({ countyCode, code: "S102", status: "SUSPENDED", reason: "大雪", until })).toMatchObject({
      status: "SUSPENDED",
      suspendedReason: "大雪",
      suspendedUntil: "2026-11-30T16:00:00.000Z",
    });
    expect((await c.network.coverage({ countyCode })).townshipsWithStation).toBe(0);
    expect(await c.network.nodes.setStatus({ countyCode, code: "S102", status: "ACTIVE" })).toMatchObject({
      status: "ACTIVE",
      suspendedReason: null,
    });
    expect((await c.network.coverage({ countyCode })).townshipsWithStation).toBe(1);
  });

  it("builds the tree with coverage per village", async () => {
    const t = await h.callerAs(manager).network.tree({ countyCode });
    expect(t.townships).toHaveLength(27);
    const gaotun = t.townships.find((x) => x.code === "210881102000")!;
    expect(gaotun.station?.code).toBe("S102");
    const v = gaotun.villages.find((x) => x.code === "210881102200")!;
    expect(v).toMatchObject({ coveredBy: "POINT", point: { code: "P200" } });
    expect(t.hubs[0]?.contactPhone).toBe("13812345678");
  });

  it("lets only ADMIN edit carriers and needs a reason to blacklist", async () => {
    await expect(
      h.callerAs(manager).network.carriers.upsert({ code: "ZTO", name: "中通", creditGrade: "A", blacklisted: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await issuesOf(h.callerAs(admin).network.carriers.upsert({ code: "ZTO", name: "中通", creditGrade: "A", blacklisted: true })),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await h
        .callerAs(admin)
        .network.carriers.upsert({ code: "ZTO", name: "中通", creditGrade: "D", blacklisted: true, blacklistReason: "多次违规" }),
    ).toMatchObject({ blacklisted: true });
  });

  it("previews an import without writing, and queues a run through the outbox", async () => {
    const c = h.callerAs(manager);
    const content = Buffer.from(
      "code,name,tier,areaCode,parentCode\nP202,和美村点,VILLAGE_POINT,210881102202,S102\nP204,x,VILLAGE_POINT,999,S102\n",
    ).toString("base64");
    const pv = await c.network.imports.preview({ countyCode, kind: "nodes", fileName: "n.csv", contentBase64: content });
    expect(pv).toMatchObject({ rows: 2, errors: [{ row: 3, column: "areaCode" }] });
    expect(await h.deps.db.node.count({ where: { code: "P202" } })).toBe(0);
    const { importId } = await c.network.imports.start({ countyCode, kind: "nodes", fileName: "n.csv", contentBase64: content });
    expect(await h.deps.db.outboxEvent.count({ where: { jobId: `network.import-${importId}` } })).toBe(1);
    expect(await c.network.imports.get({ countyCode, importId })).toMatchObject({ status: "PENDING", kind: "nodes" });
    await expect(c.network.imports.start({ countyCode, kind: "nodes" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
