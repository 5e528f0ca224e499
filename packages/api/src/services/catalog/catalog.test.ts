// The catalog procedures as the UI calls them: each tenant sees only its own rows, bad input names
// the field and writes nothing, and saving the same form twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckChar } from "@xiangda/domain";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { catalogCounts, rejection } from "../../test-utils/catalog.ts";

let h: Harness;
let w: World;
const HOME = "210881";
const VILLAGE = `${HOME}101201`;
const as = (role: keyof World["actors"]) => h.callerAs(w.actors[role]);

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
});
afterAll(async () => h?.close());

const merchantForm = {
  countyCode: HOME,
  name: "盖州市鲜果专业合作社",
  type: "COOPERATIVE" as const,
  originAreaCode: VILLAGE,
  recognitionNo: "辽扶认字〔2026〕015号",
  recognitionValidUntil: "2027-12-31",
  // A co-operative registered in the county (93 + division code), with its computed check character.
  creditCode: `93210881MA0Q5XXX1${creditCodeCheckChar("93210881MA0Q5XXX1")}`,
  contactName: "李春华",
  contactPhone: "13904171234",
};

describe("catalog.merchants", () => {
  it("the manager creates a merchant; the same form again is the same row, a rename by id updates it", async () => {
    const form = merchantForm;
    const a = await as("manager").catalog.merchants.upsert(form);
    const before = await catalogCounts(h.deps.db);
    const b = await as("manager").catalog.merchants.upsert(form);
    expect(b.id).toBe(a.id);
    expect(await catalogCounts(h.deps.db)).toEqual(before);
    expect(b).toMatchObject({
      originAreaCode: VILLAGE,
      originAreaName: "盖州一村委会",
      recognitionValidUntil: "2027-12-31",
      contactPhone: "13904171234",
    });
    const renamed = await as("admin").catalog.merchants.upsert({ ...form, id: a.id, name: "盖州鲜果合作社" });
    expect(renamed).toMatchObject({ id: a.id, name: "盖州鲜果合作社" });
    // Renaming onto another merchant's name is a conflict on the name field.
    const other = await as("manager").catalog.merchants.upsert({ ...form, name: "另一合作社", creditCode: null });
    expect(await rejection(as("manager").catalog.merchants.upsert({ ...form, id: other.id, name: "盖州鲜果合作社" }))).toMatchObject({
      code: "CONFLICT",
      paths: ["name"],
    });
  });

  it("lists mask contacts; the merchant's own page shows them", async () => {
    await as("manager").catalog.merchants.upsert({ ...merchantForm, name: "掩码合作社", creditCode: null });
    const list = await as("manager").catalog.merchants.list({ countyCode: HOME });
    const row = list.find((m) => m.name === "掩码合作社")!;
    expect(row).toMatchObject({ contactPhone: "139****1234", contactName: "李**" });
    await as("merchant").catalog.merchants.setContact({ merchantId: w.home.merchantId, contactName: "赵六", contactPhone: "15012345678" });
    expect(await as("merchant").catalog.merchants.get({ merchantId: w.home.merchantId })).toMatchObject({
      contactName: "赵六",
      contactPhone: "15012345678",
    });
  });

  it("a merchant edits only its own contact; another county's manager sees nothing", async () => {
    expect((await rejection(as("merchant").catalog.merchants.upsert(merchantForm))).code).toBe("FORBIDDEN");
    expect(
      (await rejection(as("merchant").catalog.merchants.setContact({ merchantId: w.home.otherMerchantId, contactName: "x" }))).code,
    ).toBe("FORBIDDEN");
    const away = as("otherManager");
    expect((await rejection(away.catalog.merchants.list({ countyCode: HOME }))).code).toBe("FORBIDDEN");
    expect((await rejection(away.catalog.merchants.get({ merchantId: w.home.merchantId }))).code).toBe("FORBIDDEN");
    expect((await rejection(away.catalog.merchants.upsert(merchantForm))).code).toBe("FORBIDDEN");
    const theirs = await away.catalog.merchants.list({ countyCode: w.away.countyCode });
    expect(theirs.every((m) => m.countyCode === w.away.countyCode)).toBe(true);
  });

  it("bad input names the field and writes nothing", async () => {
    const before = await catalogCounts(h.deps.db);
    const m = as("manager").catalog.merchants;
    const cases: [Record<string, unknown>, string][] = [
      [{ originAreaCode: `${HOME}101000` }, "originAreaCode"], // a township
      [{ originAreaCode: `${w.away.countyCode}101201` }, "originAreaCode"], // another county's village
      [{ originAreaCode: "21088110120" }, "originAreaCode"],
      [{ creditCode: "91350100M000100Y44" }, "creditCode"],
      [{ type: "FARM" }, "type"],
      [{ contactPhone: "12345678901" }, "contactPhone"],
      [{ recognitionValidUntil: null }, "recognitionValidUntil"],
      [{ recognitionValidUntil: "2027-02-30" }, "recognitionValidUntil"],
      [{ name: " " }, "name"],
    ];
    for (const [patch, field] of cases) {
      const r = await rejection(m.upsert({ ...merchantForm, name: "坏数据合作社", ...patch }));
      expect(r.code, field).toBe("BAD_REQUEST");
      expect(r.paths, JSON.stringify(patch)).toEqual([field]);
    }
    expect(
      (await rejection(as("merchant").catalog.merchants.setContact({ merchantId: w.home.merchantId, contactPhone: "1391234" }))).paths,
    ).toEqual(["contactPhone"]);
    expect(await catalogCounts(h.deps.db)).toEqual(before);
  });
});

const productForm = (merchantId: string) => ({
  merchantId,
  name: "盖州苹果",
  category: "FRUIT" as const,
  unit: "箱",
  spec: "5kg/箱",
  unitWeightG: 5400,
  temp: "AMBIENT" as const,
  shelfLifeDays: 60,
  regionalBrand: "盖州苹果",
  description: "高山红富士",
  certifications: [
    { kind: "GREEN_FOOD" as const, number: "LB-18-21080612345A", validUntil: "2028-06-30" },
    { kind: "GEO_INDICATION" as const, number: "AGI02345", validUntil: "2030-12-31" },
  ],
});

describe("catalog.products", () => {
  it("the merchant saves a product with certifications; the same form twice is one product; the list of certifications is set whole", async () => {
    const c = as("merchant").catalog.products;
    const a = await c.upsert(productForm(w.home.merchantId));
    const before = await catalogCounts(h.deps.db);
    const b = await c.upsert(productForm(w.home.merchantId));
    expect(b.id).toBe(a.id);
    expect(await catalogCounts(h.deps.db)).toEqual(before);
    expect(b.certifications.map((x) => x.kind)).toEqual(["GREEN_FOOD", "GEO_INDICATION"]);
    const one = await c.upsert({
      ...productForm(w.home.merchantId),
      id: a.id,
      certifications: [{ kind: "ORGANIC", number: "ORG-1", validUntil: "2027-01-01" }],
    });
    expect(one.certifications).toEqual([{ kind: "ORGANIC", number: "ORG-1", validUntil: "2027-01-01" }]);
    // Omitting the list keeps it.
    const { certifications: _c, ...noCerts } = productForm(w.home.merchantId);
    expect((await c.upsert({ ...noCerts, id: a.id, description: "改" })).certifications).toHaveLength(1);
    expect(await c.get({ merchantId: w.home.merchantId, productId: a.id })).toMatchObject({ id: a.id, description: "改" });
  });

  it("one product per name without a spec too: sent twice at once it is stored once, and the database refuses a second", async () => {
    const c = as("merchant").catalog.products;
    const { spec: _spec, ...form } = { ...productForm(w.home.merchantId), name: "散装小米" };
    const before = await h.deps.db.product.count({ where: { merchantId: w.home.merchantId, name: "散装小米" } });
    const [a, b] = await Promise.all([c.upsert(form), c.upsert(form)]);
    expect(b.id).toBe(a.id);
    expect(await h.deps.db.product.count({ where: { merchantId: w.home.merchantId, name: "散装小米" } })).toBe(before + 1);
    // The key holds below the service as well: NULL specs are not distinct.
    await expect(
      h.deps.db.product.create({
        data: { merchantId: w.home.merchantId, name: "散装小米", category: "GRAIN", unit: "斤", unitWeightG: 500, shelfLifeDays: 180 },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("merchant B sees nothing of merchant A's products; the manager reads but does not write", async () => {
    const mine = await as("merchant").catalog.products.upsert({ ...productForm(w.home.merchantId), name: "私有产品" });
    const b = as("otherMerchant").catalog.products;
    expect((await rejection(b.list({ merchantId: w.home.merchantId }))).code).toBe("FORBIDDEN");
    const viaOwn = await rejection(b.get({ merchantId: w.home.otherMerchantId, productId: mine.id }));
    const unknown = await rejection(b.get({ merchantId: w.home.otherMerchantId, productId: "00000000-0000-4000-8000-000000000000" }));
    expect(viaOwn).toEqual(unknown);
    expect(viaOwn.code).toBe("FORBIDDEN");
    expect((await rejection(b.upsert({ ...productForm(w.home.otherMerchantId), id: mine.id }))).code).toBe("FORBIDDEN");
    expect((await rejection(b.deactivate({ merchantId: w.home.otherMerchantId, productId: mine.id }))).code).toBe("FORBIDDEN");
    expect((await b.list({ merchantId: w.home.otherMerchantId })).some((p) => p.id === mine.id)).toBe(false);

    const m = as("manager").catalog.products;
    expect((await m.list({ merchantId: w.home.merchantId })).some((p) => p.id === mine.id)).toBe(true);
    expect((await rejection(m.upsert({ ...productForm(w.home.merchantId), name: "经理写" }))).code).toBe("FORBIDDEN");
    expect((await rejection(as("otherManager").catalog.products.list({ merchantId: w.home.merchantId }))).code).toBe("FORBIDDEN");
    expect((await rejection(as("otherManager").catalog.products.get({ merchantId: w.home.merchantId, productId: mine.id }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("bad input names the field and writes nothing", async () => {
    const before = await catalogCounts(h.deps.db);
    const c = as("merchant").catalog.products;
    const form = { ...productForm(w.home.merchantId), name: "坏产品" };
    const cert = form.certifications[0]!;
    const cases: [Record<string, unknown>, string][] = [
      [{ unitWeightG: -5 }, "unitWeightG"],
      [{ unitWeightG: 0 }, "unitWeightG"],
      [{ unitWeightG: 1.5 }, "unitWeightG"],
      [{ category: "FRUITS" }, "category"],
      [{ temp: "WARM" }, "temp"],
      [{ shelfLifeDays: 0 }, "shelfLifeDays"],
      [{ unit: "" }, "unit"],
      [{ certifications: [cert, { ...cert, number: "again" }] }, "certifications.1.kind"],
      [{ certifications: [{ ...cert, validUntil: "2026-02-30" }] }, "certifications.0.validUntil"],
      [{ certifications: [{ ...cert, kind: "HALAL" }] }, "certifications.0.kind"],
    ];
    for (const [patch, field] of cases) {
      const r = await rejection(c.upsert({ ...form, ...patch }));
      expect(r.code, field).toBe("BAD_REQUEST");
      expect(r.paths, JSON.stringify(patch)).toEqual([field]);
    }
    expect(await catalogCounts(h.deps.db)).toEqual(before);
  });

  it("a deactivated product leaves the list unless asked for", async () => {
    const c = as("merchant").catalog.products;
    const p = await c.upsert({ ...productForm(w.home.merchantId), name: "下架产品" });
    expect((await c.deactivate({ merchantId: w.home.merchantId, productId: p.id })).active).toBe(false);
    expect((await c.list({ merchantId: w.home.merchantId })).some((x) => x.id === p.id)).toBe(false);
    expect((await c.list({ merchantId: w.home.merchantId, includeInactive: true })).some((x) => x.id === p.id)).toBe(true);
  });
});

const counterForm = {
  countyCode: HOME,
  code: "GZ-HWY-01",
  name: "熊岳服务区扶贫专区",
  venueType: "HIGHWAY_SERVICE_AREA" as const,
  operatorName: "辽宁高速服务区管理公司",
  address: "沈大高速熊岳服务区",
  areaCode: `${HOME}101000`,
  nodeId: "",
};

describe("catalog.counters", () => {
  it("the manager saves a counter (the same form twice is one counter) and links its operators", async () => {
    const form = { ...counterForm, nodeId: w.home.stationId };
    const a = await as("manager").catalog.counters.upsert(form);
    const before = await catalogCounts(h.deps.db);
    const b = await as("manager").catalog.counters.upsert(form);
    expect(b.id).toBe(a.id);
    expect(await catalogCounts(h.deps.db)).toEqual(before);
    expect(b).toMatchObject({ areaName: "盖州一镇", city: null, node: { id: w.home.stationId }, operators: [] });
    // Outside the county: a city, no area.
    const outside = await as("manager").catalog.counters.upsert({
      ...form,
      code: "GZ-SY-01",
      areaCode: null,
      city: "沈阳市",
      venueType: "SUPERMARKET",
    });
    expect(outside).toMatchObject({ areaCode: null, city: "沈阳市" });

    const op = await as("admin").users.create({
      username: "op_hwy",
      password: "password-123",
      displayName: "服务区运营",
      role: "COUNTER_OPERATOR",
      counterIds: [outside.id],
    });
    const linked = await as("manager").catalog.counters.setOperators({
      countyCode: HOME,
      counterId: a.id,
      userIds: [op.id, w.actors.counter!.userId],
    });
    expect(linked.operators.map((o) => o.username).sort()).toEqual(["op_hwy", "t_counter"]);
    const again = await as("manager").catalog.counters.setOperators({ countyCode: HOME, counterId: a.id, userIds: [op.id] });
    expect(again.operators.map((o) => o.username)).toEqual(["op_hwy"]);

    // The operator sees the counters they run, and no other.
    const mine = await h
      .callerAs({ userId: op.id, username: "op_hwy", role: "COUNTER_OPERATOR", countyCode: HOME, nodeId: null, merchantId: null })
      .catalog.counters.list({});
    expect(mine.map((c) => c.code).sort()).toEqual(["GZ-HWY-01", "GZ-SY-01"]);
  });

  it("operators see only their own counters; another county's manager nothing", async () => {
    const list = await as("counter").catalog.counters.list({ countyCode: HOME });
    expect(list.map((c) => c.id)).toEqual([w.home.counterId]);
    expect((await rejection(as("counter").catalog.counters.get({ counterId: w.home.otherCounterId }))).code).toBe("FORBIDDEN");
    const away = as("otherManager").catalog.counters;
    expect((await rejection(away.list({ countyCode: HOME }))).code).toBe("FORBIDDEN");
    expect((await rejection(away.get({ counterId: w.home.counterId }))).code).toBe("FORBIDDEN");
    expect((await rejection(away.upsert({ ...counterForm, nodeId: w.home.stationId }))).code).toBe("FORBIDDEN");
    expect((await away.list({})).every((c) => c.countyCode === w.away.countyCode)).toBe(true);
  });

  it("a merchant sees its county's active counters (to list products on), without who runs them, and no other county's", async () => {
    const list = await as("merchant").catalog.counters.list({});
    expect(list.map((c) => c.id)).toEqual(expect.arrayContaining([w.home.counterId, w.home.otherCounterId]));
    expect(list.every((c) => c.countyCode === HOME && c.operators.length === 0)).toBe(true);
    expect((await rejection(as("merchant").catalog.counters.list({ countyCode: w.away.countyCode }))).code).toBe("FORBIDDEN");
  });

  it("bad input names the field and writes nothing", async () => {
    await h.deps.db.node.update({ where: { id: w.home.otherStationId }, data: { status: "SUSPENDED", suspendedReason: "修缮" } });
    const before = await catalogCounts(h.deps.db);
    const c = as("manager").catalog.counters;
    const form = { ...counterForm, code: "BAD-1", nodeId: w.home.stationId };
    const cases: [Record<string, unknown>, string][] = [
      [{ nodeId: w.away.stationId }, "nodeId"],
      [{ nodeId: w.home.otherStationId }, "nodeId"],
      [{ areaCode: `${w.away.countyCode}101000` }, "areaCode"],
      [{ areaCode: `${HOME}000000` }, "areaCode"],
      [{ city: "沈阳市" }, "city"],
      [{ venueType: "KIOSK" }, "venueType"],
      [{ code: "坏 code" }, "code"],
    ];
    for (const [patch, field] of cases) {
      const r = await rejection(c.upsert({ ...form, ...patch }));
      expect(r.code, field).toBe("BAD_REQUEST");
      expect(r.paths, JSON.stringify(patch)).toEqual([field]);
    }
    const merchantUser = w.actors.merchant!.userId;
    expect(
      (
        await rejection(
          c.setOperators({ countyCode: HOME, counterId: w.home.counterId, userIds: [w.actors.counter!.userId, merchantUser] }),
        )
      ).paths,
    ).toEqual(["userIds.1"]);
    expect((await rejection(c.setOperators({ countyCode: HOME, counterId: w.away.counterId, userIds: [] }))).paths).toEqual(["counterId"]);
    expect(await catalogCounts(h.deps.db)).toEqual(before);
    await h.deps.db.node.update({ where: { id: w.home.otherStationId }, data: { status: "ACTIVE", suspendedReason: null } });
  });
});
