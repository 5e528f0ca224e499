// Every procedure × every role: who is let through and who is denied. A new procedure
// without a row here fails the test, so access is decided on purpose, never by accident.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createUser as createUserRow } from "@xiangda/db/factories";
import { makeLoadCode, type Actor } from "@xiangda/domain";
import { appRouter } from "./root.ts";
import { createHarness, type Harness } from "./test-utils/harness.ts";
import { FULL_INSPECTION } from "./test-utils/three-rules.ts";
import { buildWorld, ROLE_NAMES as WORLD_ROLES, type World as BaseWorld } from "./test-utils/fixtures.ts";
import { makeListing as makeListingRow, makeProduct as makeProductRow, recognise } from "./test-utils/listings.ts";

/// The world's roles and the carrier portal's (issue #19): a user of ZTO's organisation in the home county and one of
/// YTO's in the same county. Neither is let into anything but its own organisation's portal.
const ROLE_NAMES = [...WORLD_ROLES, "carrier", "otherCarrier"] as const;
type RoleName = (typeof ROLE_NAMES)[number];
interface World extends BaseWorld {
  actors: Record<RoleName, Actor | null>;
  /// ZTO's organisation in the home county (the `carrier` actor's) and YTO's (`otherCarrier`'s).
  carrierClientId: string;
  otherCarrierClientId: string;
}

/// Adds the carrier users and their organisations to the two-county world.
async function withCarriers(h: Harness, base: BaseWorld): Promise<World> {
  const db = h.deps.db;
  const org = async (code: string, name: string) => {
    const carrier = await db.carrier.upsert({ where: { code }, update: {}, create: { code, name } });
    return db.apiClient.create({ data: { countyCode: base.home.countyCode, kind: "CARRIER", name: `${name}盖州`, carrierId: carrier.id } });
  };
  const user = async (username: string, apiClientId: string): Promise<Actor> => {
    const u = await createUserRow(db, { username, passwordHash: "x", role: "CARRIER_USER", apiClientId, countyCode: base.home.countyCode });
    return { userId: u.id, username, role: "CARRIER_USER", countyCode: u.countyCode, nodeId: null, merchantId: null, apiClientId };
  };
  const zto = await org("ZTO", "中通快递");
  const yto = await org("YTO", "圆通");
  return {
    ...base,
    actors: { ...base.actors, carrier: await user("t_carrier", zto.id), otherCarrier: await user("t_carrier_other", yto.id) },
    carrierClientId: zto.id,
    otherCarrierClientId: yto.id,
  };
}

type Input = (w: World, h: Harness) => unknown;
interface Row {
  allowed: readonly RoleName[];
  input?: Input;
}

const ALL = ROLE_NAMES;
const SIGNED_IN = ROLE_NAMES.filter((r) => r !== "anonymous");
// Webhook targets on the loopback address: allowed here (XD_WEBHOOK_ALLOW_PRIVATE), refused in production.
process.env.XD_WEBHOOK_ALLOW_PRIVATE = "1";

/// A live webhook subscription of the carrier's organisation (written directly: the limit per organisation is the
/// create procedure's business, not the matrix's).
async function webhookOf(w: World, h: Harness): Promise<string> {
  const sub = await h.deps.db.webhookSubscription.create({
    data: { clientId: w.carrierClientId, url: "http://127.0.0.1:9/hook", events: ["shipment.delivered"], secretEnc: Buffer.from("x") },
  });
  return sub.id;
}

/// A live API key of the carrier's organisation (its hash only: the key itself is never needed here).
async function apiKeyOf(w: World, h: Harness): Promise<string> {
  const n = ++seq;
  const key = await h.deps.db.apiKey.create({
    data: {
      clientId: w.carrierClientId,
      prefix: `matrix${String(n).padStart(6, "0")}`,
      secretHash: `matrix-${n}`,
      scopes: ["shipments:read"],
    },
  });
  return key.id;
}

/// The county's own manager and ADMIN: a manager of another county sees nothing of this one.
const COUNTY: RoleName[] = ["admin", "manager"];
/// An organisation of the home county: its own user, the county's manager, ADMIN.
const CARRIER: RoleName[] = ["admin", "manager", "carrier"];
let seq = 0;

const MATRIX: Record<string, Row> = {
  "auth.login": { allowed: ALL, input: (w) => ({ username: "t_admin", password: w.password }) },
  "auth.logout": { allowed: ALL },
  "auth.me": { allowed: ALL },
  "auth.logoutAll": { allowed: SIGNED_IN },
  "auth.sessions": { allowed: SIGNED_IN },
  "users.list": { allowed: ["admin", "manager"], input: (w) => ({ countyCode: w.home.countyCode }) },
  // A manager creates and manages station staff of their own county only (manage-users.test.ts has the rest).
  "users.create": {
    allowed: ["admin", "manager"],
    input: (w) => ({
      username: `matrix_${++seq}`,
      password: "password-123",
      displayName: "M",
      role: "STATION_STAFF",
      nodeId: w.home.stationId,
    }),
  },
  "users.setActive": {
    allowed: ["admin", "manager"],
    input: async (w, h) => ({
      userId: (
        await createUserRow(h.deps.db, {
          passwordHash: "x",
          username: `victim_${++seq}`,
          role: "STATION_STAFF",
          nodeId: w.home.stationId,
          countyCode: w.home.countyCode,
        })
      ).id,
      active: false,
    }),
  },
  "users.resetPassword": {
    allowed: ["admin", "manager"],
    input: async (w, h) => ({
      userId: (
        await createUserRow(h.deps.db, {
          passwordHash: "x",
          username: `reset_${++seq}`,
          role: "STATION_STAFF",
          nodeId: w.home.stationId,
          countyCode: w.home.countyCode,
        })
      ).id,
    }),
  },
  "users.loginThrottles": { allowed: ["admin"] },
  "users.clearLoginThrottle": { allowed: ["admin"], input: () => ({ username: `throttled_${++seq}` }) },
  // The carrier portal: the organisation's own users, its county's manager, ADMIN; never another organisation's user.
  "carrier.client": { allowed: CARRIER, input: (w) => ({ clientId: w.carrierClientId }) },
  "carrier.parcels": { allowed: CARRIER, input: (w) => ({ clientId: w.carrierClientId, status: "CREATED" }) },
  "carrier.parcel": {
    allowed: CARRIER,
    input: async (w, h) => {
      const waybillNo = await makeShipment(w, h);
      const client = await h.deps.db.apiClient.findUniqueOrThrow({ where: { id: w.carrierClientId } });
      await h.deps.db.shipment.update({ where: { waybillNo }, data: { carrierId: client.carrierId } });
      return { clientId: w.carrierClientId, waybillNo };
    },
  },
  "carrier.loads": { allowed: CARRIER, input: (w) => ({ clientId: w.carrierClientId, day: "2026-12-01" }) },
  "carrier.summary": { allowed: CARRIER, input: (w) => ({ clientId: w.carrierClientId, day: "2026-12-01" }) },
  "carrier.keys.list": { allowed: CARRIER, input: (w) => ({ clientId: w.carrierClientId }) },
  "carrier.keys.create": { allowed: CARRIER, input: (w) => ({ clientId: w.carrierClientId, label: "matrix" }) },
  "carrier.keys.rotate": { allowed: CARRIER, input: async (w, h) => ({ clientId: w.carrierClientId, id: await apiKeyOf(w, h) }) },
  "carrier.keys.revoke": { allowed: CARRIER, input: async (w, h) => ({ clientId: w.carrierClientId, id: await apiKeyOf(w, h) }) },
  "carrier.webhooks.list": { allowed: CARRIER, input: (w) => ({ clientId: w.carrierClientId }) },
  "carrier.webhooks.create": {
    allowed: CARRIER,
    input: async (w, h) => {
      // Under the limit of webhooks per organisation whatever ran before.
      await h.deps.db.webhookSubscription.deleteMany({ where: { clientId: w.carrierClientId } });
      return { clientId: w.carrierClientId, url: "http://127.0.0.1:9/hook", events: ["shipment.delivered"] };
    },
  },
  "carrier.webhooks.delete": { allowed: CARRIER, input: async (w, h) => ({ clientId: w.carrierClientId, id: await webhookOf(w, h) }) },
  "carrier.webhooks.enable": { allowed: CARRIER, input: async (w, h) => ({ clientId: w.carrierClientId, id: await webhookOf(w, h) }) },
  "carrier.webhooks.deliveries": { allowed: CARRIER, input: async (w, h) => ({ clientId: w.carrierClientId, id: await webhookOf(w, h) }) },
  "carrier.webhooks.redeliver": {
    allowed: CARRIER,
    input: async (w, h) => ({
      clientId: w.carrierClientId,
      id: await webhookOf(w, h),
      from: "2026-12-01T00:00:00Z",
      to: "2026-12-02T00:00:00Z",
    }),
  },
  "audit.list": { allowed: ["admin", "manager", "otherManager"], input: () => ({ limit: 5 }) },
  "county.list": { allowed: ["admin", "manager", "otherManager"] },
  "county.overview": { allowed: ["admin", "manager"], input: (w) => ({ countyCode: w.home.countyCode }) },
  "station.overview": { allowed: ["admin", "manager", "station"], input: (w) => ({ nodeId: w.home.stationId }) },
  "station.expected": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => {
      const carrier = await h.deps.db.carrier.upsert({ where: { code: "YTO" }, update: {}, create: { code: "YTO", name: "圆通" } });
      const m = await h.deps.db.arrivalManifest.create({
        data: { countyCode: w.home.countyCode, carrierId: carrier.id, nodeId: w.home.stationId, fileName: "m.csv", rows: 0, created: 0 },
      });
      return { nodeId: w.home.stationId, manifestId: m.id };
    },
  },
  "merchant.overview": { allowed: ["admin", "manager", "merchant"], input: (w) => ({ merchantId: w.home.merchantId }) },
  "network.coverage": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "network.tree": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "network.nodes.list": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "network.nodes.upsert": {
    allowed: COUNTY,
    input: (w) => ({
      countyCode: w.home.countyCode,
      code: `${w.home.countyCode}-S1`,
      name: `站${++seq}`,
      tier: "TOWNSHIP_STATION",
      areaCode: `${w.home.countyCode}101000`,
      parentCode: `${w.home.countyCode}-HUB`,
    }),
  },
  "network.nodes.setStatus": {
    allowed: COUNTY,
    input: (w) => ({ countyCode: w.home.countyCode, code: `${w.home.countyCode}-S2`, status: "ACTIVE" }),
  },
  "network.lanes.list": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "network.lanes.upsert": {
    allowed: COUNTY,
    input: (w) => ({
      countyCode: w.home.countyCode,
      code: "L1",
      fromCode: `${w.home.countyCode}-HUB`,
      toCode: `${w.home.countyCode}-S1`,
      mode: "TRUNK",
      departures: ["08:00"],
      weekdays: [1, 2, 3, 4, 5],
      cutoffMinutes: 30,
      transitMinutes: 60,
      cold: false,
    }),
  },
  "network.lanes.setStatus": {
    allowed: COUNTY,
    input: async (w, h) => {
      await h.deps.db.lane.upsert({
        where: { countyCode_code: { countyCode: w.home.countyCode, code: "L0" } },
        update: {},
        create: {
          countyCode: w.home.countyCode,
          code: "L0",
          fromNodeId: w.home.hubId,
          toNodeId: w.home.stationId,
          mode: "TRUNK",
          departures: ["08:00"],
          weekdays: [1],
          transitMinutes: 30,
        },
      });
      return { countyCode: w.home.countyCode, code: "L0", status: "ACTIVE" };
    },
  },
  "network.vehicles.list": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "network.vehicles.upsert": {
    allowed: COUNTY,
    input: (w) => ({
      countyCode: w.home.countyCode,
      number: "V1",
      plate: "辽H12345",
      homeNodeCode: `${w.home.countyCode}-HUB`,
      capacityKg: 1000,
      capacityM3: 6,
      cold: "NONE",
      energy: "FUEL",
    }),
  },
  "network.carriers.list": { allowed: ["admin", "manager", "otherManager", "station", "otherStation"] },
  "network.carriers.upsert": { allowed: ["admin"], input: () => ({ code: "ZTO", name: "中通快递", creditGrade: "A", blacklisted: false }) },
  "network.areas.setPoor": {
    allowed: COUNTY,
    input: (w) => ({ countyCode: w.home.countyCode, codes: [`${w.home.countyCode}101201`], isPoor: true }),
  },
  "network.imports.preview": {
    allowed: COUNTY,
    input: (w) => ({
      countyCode: w.home.countyCode,
      kind: "poor",
      fileName: "poor.csv",
      contentBase64: Buffer.from(`code\n${w.home.countyCode}101201\n`).toString("base64"),
    }),
  },
  "network.imports.start": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, kind: "divisions" }) },
  "shipments.list": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "shipments.get": { allowed: COUNTY, input: async (w, h) => ({ countyCode: w.home.countyCode, waybillNo: await makeShipment(w, h) }) },
  "shipments.create": { allowed: COUNTY, input: (w) => shipmentInput(w) },
  "shipments.accept": { allowed: ["admin", "manager", "station"], input: (w) => acceptInput(w.home.stationId) },
  "shipments.acceptAnnounced": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => {
      const up = { ...shipmentInput(w), direction: "UP", fromCode: `${w.home.countyCode}-S1`, to: `${w.home.countyCode}-HUB` };
      const s = await h.callerAs(w.actors.admin).shipments.create(up as never);
      return {
        nodeId: w.home.stationId,
        waybillNo: s.waybillNo,
        senderName: "李大山",
        senderIdNumber: "11010519491231002X",
        inspection: FULL_INSPECTION,
      };
    },
  },
  "shipments.awaitingAcceptance": { allowed: ["admin", "manager", "station"], input: (w) => ({ nodeId: w.home.stationId }) },
  // A parcel held at S1, screened at S1 (what other nodes may screen: "node-level scope" below).
  "shipments.screen": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => ({ nodeId: w.home.stationId, waybillNo: await parcelAt(w, h, w.home.stationId), screened: true }),
  },
  "shipments.importManifest": {
    allowed: COUNTY,
    input: async (w, h) => {
      await h.deps.db.carrier.upsert({ where: { code: "YTO" }, update: {}, create: { code: "YTO", name: "圆通" } });
      return {
        countyCode: w.home.countyCode,
        carrierCode: "YTO",
        fileName: "m.csv",
        contentBase64: Buffer.from("waybillNo,recipientName,recipientPhone,villageCode,weightG\n").toString("base64"),
        dryRun: true,
      };
    },
  },
  "shipments.importNodeManifest": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => {
      await h.deps.db.carrier.upsert({ where: { code: "YTO" }, update: {}, create: { code: "YTO", name: "圆通" } });
      return {
        nodeId: w.home.stationId,
        carrierCode: "YTO",
        fileName: "m.csv",
        contentBase64: Buffer.from("waybillNo,recipientName,recipientPhone,villageCode,weightG\n").toString("base64"),
        dryRun: true,
      };
    },
  },
  "shipments.nodeManifests": { allowed: ["admin", "manager", "station"], input: (w) => ({ nodeId: w.home.stationId }) },
  "shipments.manifestParcels": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => {
      const carrier = await h.deps.db.carrier.upsert({ where: { code: "YTO" }, update: {}, create: { code: "YTO", name: "圆通" } });
      const m = await h.deps.db.arrivalManifest.create({
        data: { countyCode: w.home.countyCode, carrierId: carrier.id, nodeId: w.home.stationId, fileName: "m.csv", rows: 0, created: 0 },
      });
      return { nodeId: w.home.stationId, manifestId: m.id };
    },
  },
  "shipments.startManifestImport": {
    allowed: COUNTY,
    input: async (w, h) => {
      await h.deps.db.carrier.upsert({ where: { code: "YTO" }, update: {}, create: { code: "YTO", name: "圆通" } });
      return {
        countyCode: w.home.countyCode,
        carrierCode: "YTO",
        fileName: "m.csv",
        contentBase64: Buffer.from("waybillNo,recipientName,recipientPhone,villageCode,weightG\n").toString("base64"),
      };
    },
  },
  "shipments.overdue": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "shipments.recomputeLights": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "tracking.lookup": { allowed: ALL, input: async (w, h) => ({ waybillNo: await makeShipment(w, h), phoneLast4: "5678" }) },
  "scan.record": {
    allowed: SIGNED_IN,
    input: (w) => ({
      clientScanId: crypto.randomUUID(),
      code: "XD0000000000000",
      action: "ARRIVE",
      nodeId: w.home.stationId,
      at: new Date().toISOString(),
    }),
  },
  "scan.recordBatch": {
    allowed: SIGNED_IN,
    input: (w) => ({
      scans: [
        {
          clientScanId: crypto.randomUUID(),
          code: "XD0000000000000",
          action: "ARRIVE",
          nodeId: w.home.stationId,
          at: new Date().toISOString(),
        },
      ],
    }),
  },
  "scan.today": { allowed: ["admin", "manager", "station"], input: (w) => ({ nodeId: w.home.stationId }) },
  "scan.departingVehicles": { allowed: ["admin", "manager", "station"], input: (w) => ({ nodeId: w.home.stationId }) },
  // Shelf tools (待取件, 批量出库, 盘库): the node's staff, its county's manager, ADMIN.
  "shelf.list": { allowed: ["admin", "manager", "station"], input: (w) => ({ nodeId: w.home.stationId, q: "1234" }) },
  "shelf.handOut": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => ({
      nodeId: w.home.stationId,
      clientId: crypto.randomUUID(),
      waybillNos: [await shelfParcel(w, h)],
      verify: { pickupCode: "123456" },
    }),
  },
  "shelf.resendNotice": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => ({ nodeId: w.home.stationId, clientId: crypto.randomUUID(), waybillNo: await shelfParcel(w, h) }),
  },
  "shelf.stocktakeCurrent": { allowed: ["admin", "manager", "station"], input: (w) => ({ nodeId: w.home.stationId }) },
  "shelf.stocktakeStart": {
    allowed: ["admin", "manager", "station"],
    input: (w) => ({ nodeId: w.home.stationId, clientId: crypto.randomUUID() }),
  },
  "shelf.stocktakeScan": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => ({
      nodeId: w.home.stationId,
      stocktakeId: await openStocktake(w, h),
      clientId: crypto.randomUUID(),
      slot: "A-01-01",
      code: `X${++seq}`,
    }),
  },
  "shelf.stocktakeReport": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => ({ nodeId: w.home.stationId, stocktakeId: await openStocktake(w, h) }),
  },
  "shelf.stocktakeFix": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => {
      const stocktakeId = await openStocktake(w, h);
      const code = `EXTRA${++seq}`;
      const admin = h.callerAs(w.actors.admin).shelf;
      await admin.stocktakeScan({ nodeId: w.home.stationId, stocktakeId, clientId: crypto.randomUUID(), slot: "A-01-01", code });
      return { nodeId: w.home.stationId, stocktakeId, clientId: crypto.randomUUID(), kind: "EXTRA", code };
    },
  },
  "shelf.stocktakeClose": {
    allowed: ["admin", "manager", "station"],
    input: async (w, h) => ({ nodeId: w.home.stationId, stocktakeId: await openStocktake(w, h) }),
  },
  "network.rerouteJobs": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "network.imports.get": {
    allowed: COUNTY,
    input: async (w, h) => {
      const r = await h.deps.db.importRun.create({ data: { countyCode: w.home.countyCode, kind: "divisions" } });
      return { countyCode: w.home.countyCode, importId: r.id };
    },
  },
  // Loads: the county's manager and ADMIN; station staff of a station in the county may list (their own loads only).
  "loads.list": { allowed: ["admin", "manager", "station", "otherStation"], input: (w) => ({ countyCode: w.home.countyCode }) },
  // A trunk load hub → S1: S1's staff see it, S2's do not.
  "loads.get": { allowed: ["admin", "manager", "station"], input: async (w, h) => ({ id: await makeLoad(w, h) }) },
  "loads.savings": {
    allowed: ["admin", "manager"],
    input: (w) => ({ countyCode: w.home.countyCode, from: "2026-11-01", to: "2026-11-30" }),
  },
  // ── #7 catalog (merchants, products, batches, counters) ──
  "catalog.merchants.list": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "catalog.merchants.get": { allowed: ["admin", "manager", "merchant"], input: (w) => ({ merchantId: w.home.merchantId }) },
  "catalog.merchants.upsert": {
    allowed: COUNTY,
    input: (w) => ({
      countyCode: w.home.countyCode,
      name: `矩阵合作社${++seq}`,
      type: "COOPERATIVE",
      originAreaCode: `${w.home.countyCode}101201`,
    }),
  },
  "catalog.merchants.setContact": {
    allowed: ["admin", "manager", "merchant"],
    input: (w) => ({ merchantId: w.home.merchantId, contactName: "王五", contactPhone: "13912345678" }),
  },
  "catalog.products.list": { allowed: ["admin", "manager", "merchant"], input: (w) => ({ merchantId: w.home.merchantId }) },
  "catalog.products.get": {
    allowed: ["admin", "manager", "merchant"],
    input: async (w, h) => ({ merchantId: w.home.merchantId, productId: await makeCatalogProduct(w, h) }),
  },
  "catalog.products.upsert": {
    allowed: ["admin", "merchant"],
    input: (w) => ({
      merchantId: w.home.merchantId,
      name: `苹果${++seq}`,
      category: "FRUIT",
      unit: "箱",
      unitWeightG: 5000,
      shelfLifeDays: 30,
    }),
  },
  "catalog.products.deactivate": {
    allowed: ["admin", "merchant"],
    input: async (w, h) => ({ merchantId: w.home.merchantId, productId: await makeCatalogProduct(w, h) }),
  },
  "catalog.products.addImage": {
    allowed: ["admin", "merchant"],
    input: async (w, h) => ({ merchantId: w.home.merchantId, productId: await makeCatalogProduct(w, h), contentBase64: TINY_WEBP }),
  },
  "catalog.products.removeImage": {
    allowed: ["admin", "merchant"],
    input: async (w, h) => {
      const productId = await makeCatalogProduct(w, h);
      const img = await h.deps.db.productImage.create({
        data: {
          productId,
          storageKey: `${crypto.randomUUID().replace(/-/g, "")}.webp`,
          contentType: "image/webp",
          sizeBytes: 1,
          sha256: `${++seq}`,
        },
      });
      return { merchantId: w.home.merchantId, imageId: img.id };
    },
  },
  "catalog.batches.create": {
    allowed: ["admin", "merchant"],
    input: async (w, h) => ({
      merchantId: w.home.merchantId,
      productId: await makeCatalogProduct(w, h),
      batchNo: "B1",
      producedOn: "2026-01-05",
      quantity: 100,
      originAreaCode: `${w.home.countyCode}101201`,
    }),
  },
  "catalog.batches.list": {
    allowed: ["admin", "manager", "merchant"],
    input: async (w, h) => ({ merchantId: w.home.merchantId, productId: await makeCatalogProduct(w, h) }),
  },
  "catalog.counters.list": {
    allowed: ["admin", "manager", "counter", "otherCounter", "merchant", "otherMerchant"],
    input: (w) => ({ countyCode: w.home.countyCode }),
  },
  "catalog.counters.get": { allowed: ["admin", "manager", "counter"], input: (w) => ({ counterId: w.home.counterId }) },
  "catalog.counters.upsert": {
    allowed: COUNTY,
    input: (w) => ({
      countyCode: w.home.countyCode,
      code: `${w.home.countyCode}-C9`,
      name: "矩阵食堂专区",
      venueType: "CANTEEN",
      operatorName: "县机关事务服务中心",
      areaCode: `${w.home.countyCode}101000`,
      nodeId: w.home.stationId,
    }),
  },
  "catalog.counters.setOperators": {
    allowed: COUNTY,
    input: (w) => ({ countyCode: w.home.countyCode, counterId: w.home.otherCounterId, userIds: [w.actors.otherCounter!.userId] }),
  },
  // ── #7 listings (review, sales, reports) ──
  "listings.create": {
    allowed: ["admin", "merchant"],
    input: async (w, h) => ({
      merchantId: w.home.merchantId,
      productId: (await makeProductRow(h.deps.db, w.home.merchantId)).id,
      counterId: w.home.counterId,
      priceFen: 1000,
    }),
  },
  "listings.update": {
    allowed: ["admin", "merchant"],
    input: async (w, h) => ({ merchantId: w.home.merchantId, listingId: await matrixListing(w, h, "DRAFT"), priceFen: 1200 }),
  },
  "listings.adjustStock": {
    allowed: ["admin", "merchant", "counter"],
    input: async (w, h) => ({ listingId: await matrixListing(w, h, "ACTIVE"), delta: 1, reason: "到货" }),
  },
  "listings.submit": {
    allowed: ["admin", "merchant"],
    input: async (w, h) => ({ merchantId: w.home.merchantId, listingId: await matrixListing(w, h, "DRAFT") }),
  },
  "listings.delist": {
    allowed: ["admin", "manager", "merchant"],
    input: async (w, h) => ({ merchantId: w.home.merchantId, listingId: await matrixListing(w, h, "ACTIVE") }),
  },
  "listings.approve": {
    allowed: COUNTY,
    input: async (w, h) => ({ countyCode: w.home.countyCode, listingId: await matrixListing(w, h, "PENDING_REVIEW") }),
  },
  "listings.reject": {
    allowed: COUNTY,
    input: async (w, h) => ({ countyCode: w.home.countyCode, listingId: await matrixListing(w, h, "PENDING_REVIEW"), reason: "资料不全" }),
  },
  "listings.list": { allowed: ["admin", "manager", "merchant"], input: (w) => ({ merchantId: w.home.merchantId }) },
  "listings.forCounter": { allowed: ["admin", "manager", "counter"], input: (w) => ({ counterId: w.home.counterId }) },
  "listings.reviewQueue": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "listings.sales.record": {
    allowed: ["admin", "manager", "counter"],
    input: async (w, h) => ({
      counterId: w.home.counterId,
      listingId: await matrixListing(w, h, "ACTIVE"),
      quantity: 1,
      soldAt: new Date().toISOString(),
      clientRef: `matrix-${++seq}`,
    }),
  },
  "listings.sales.upload": {
    allowed: ["admin", "manager", "counter"],
    input: (w) => ({
      counterId: w.home.counterId,
      fileName: "s.csv",
      contentBase64: Buffer.from("商品,数量,时间\n").toString("base64"),
      dryRun: true,
    }),
  },
  "listings.sales.list": {
    allowed: ["admin", "manager", "counter"],
    input: (w) => ({ counterId: w.home.counterId, from: "2026-11-01", to: "2026-11-30" }),
  },
  "listings.sales.merchantList": {
    allowed: ["admin", "manager", "merchant"],
    input: (w) => ({ merchantId: w.home.merchantId, from: "2026-11-01", to: "2026-11-30" }),
  },
  "dashboard.map": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "dashboard.node": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, nodeId: w.home.stationId }) },
  "dashboard.coverage": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "dashboard.lights": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "dashboard.notifyRed": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, nodeId: w.home.hubId }) },
  "dashboard.volumes": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, from: "2026-11-01", to: "2026-11-30" }) },
  "dashboard.onTime": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, from: "2026-11-01", to: "2026-11-30" }) },
  "dashboard.consolidation": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, from: "2026-11-01", to: "2026-11-30" }) },
  "dashboard.counters": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, from: "2026-11-01", to: "2026-11-30" }) },
  "dashboard.history": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, from: "2026-11-01", to: "2026-11-30" }) },
  "dashboard.filters": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "exceptions.list": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  // A county's API clients (#19): ADMIN and the county's manager; never a carrier's own user.
  "apiClients.list": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode }) },
  "apiClients.create": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, kind: "PLATFORM", name: `平台${++seq}` }) },
  "exceptions.callNode": { allowed: COUNTY, input: (w, h) => exceptionAct(w, h) },
  "exceptions.notify": { allowed: COUNTY, input: (w, h) => exceptionAct(w, h) },
  "exceptions.replan": { allowed: COUNTY, input: (w, h) => exceptionAct(w, h) },
  "exceptions.returnToSender": { allowed: COUNTY, input: (w, h) => exceptionAct(w, h) },
  "exceptions.markLost": { allowed: COUNTY, input: (w, h) => exceptionAct(w, h) },
  "listings.reports.sales": { allowed: COUNTY, input: (w) => ({ countyCode: w.home.countyCode, from: "2026-11-01", to: "2026-11-30" }) },
  "listings.reports.merchantSales": {
    allowed: ["admin", "manager", "merchant"],
    input: (w) => ({ merchantId: w.home.merchantId, from: "2026-11-01", to: "2026-11-30" }),
  },
  // ── #7 restock and trace ──
  // Drafts by the counter side on the home counter, the home merchant's listing; confirming routes
  // from the merchant's village (no point: township station S1) to the counter's node S1.
  "restock.create": {
    allowed: ["admin", "manager", "merchant", "counter"],
    input: async (w, h) => ({
      counterId: w.home.counterId,
      merchantId: w.home.merchantId,
      lines: [{ listingId: (await restockSetup(w, h)).listingId, quantity: 2 }],
      clientRef: `matrix-restock-${++seq}`,
    }),
  },
  "restock.confirm": { allowed: ["admin", "manager", "merchant"], input: async (w, h) => ({ orderId: await restockDraft(w, h) }) },
  "restock.cancel": {
    allowed: ["admin", "manager", "merchant", "counter"],
    input: async (w, h) => ({ orderId: await restockDraft(w, h) }),
  },
  "restock.list": { allowed: ["admin", "manager", "counter"], input: (w) => ({ counterId: w.home.counterId }) },
  "restock.get": { allowed: ["admin", "manager", "merchant", "counter"], input: async (w, h) => ({ orderId: await restockDraft(w, h) }) },
  "trace.get": { allowed: ALL, input: async (w, h) => ({ code: (await restockSetup(w, h)).traceCode }) },
};

/// A 1×1 lossless WebP.
const TINY_WEBP = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

async function makeCatalogProduct(w: World, h: Harness): Promise<string> {
  const p = await h.deps.db.product.create({
    data: { merchantId: w.home.merchantId, name: `矩阵产品${++seq}`, category: "FRUIT", unit: "箱", unitWeightG: 5000, shelfLifeDays: 30 },
  });
  return p.id;
}

/// A listing of the home merchant (recognised, so it can be approved and sell) on the counter the `counter` actor runs.
async function matrixListing(w: World, h: Harness, status: "DRAFT" | "PENDING_REVIEW" | "ACTIVE"): Promise<string> {
  await recognise(h.deps.db, w.home.merchantId, "2099-12-31");
  const p = await makeProductRow(h.deps.db, w.home.merchantId);
  const l = await makeListingRow(h.deps.db, {
    productId: p.id,
    counterId: w.home.counterId,
    merchantId: w.home.merchantId,
    countyCode: w.home.countyCode,
    status,
    stock: 5,
  });
  return l.id;
}

let restockWorld: Promise<{ listingId: string; traceCode: string }> | null = null;

/// Once per run: the home merchant's origin village, an ACTIVE listing on the home counter, a batch.
function restockSetup(w: World, h: Harness) {
  restockWorld ??= (async () => {
    const db = h.deps.db;
    await db.merchant.update({ where: { id: w.home.merchantId }, data: { originAreaCode: `${w.home.countyCode}101201` } });
    const product = await db.product.create({
      data: { merchantId: w.home.merchantId, name: "矩阵补货苹果", category: "FRUIT", unit: "箱", unitWeightG: 5000, shelfLifeDays: 30 },
    });
    const listing = await db.listing.create({
      data: {
        productId: product.id,
        counterId: w.home.counterId,
        merchantId: w.home.merchantId,
        countyCode: w.home.countyCode,
        priceFen: 5000,
        status: "ACTIVE",
      },
    });
    const traceCode = "MATR1XTRACE0C0DE7";
    await db.productBatch.create({
      data: {
        productId: product.id,
        merchantId: w.home.merchantId,
        batchNo: "RS-M1",
        producedOn: new Date("2026-11-01T00:00:00Z"),
        quantity: 100,
        originAreaCode: `${w.home.countyCode}101201`,
        traceCode,
      },
    });
    return { listingId: listing.id, traceCode };
  })();
  return restockWorld;
}

/// A fresh DRAFT made by the `counter` actor (so the counter side may cancel it).
async function restockDraft(w: World, h: Harness): Promise<string> {
  const { listingId } = await restockSetup(w, h);
  const o = await h.deps.db.restockOrder.create({
    data: {
      orderNo: `RSMATRIX${++seq}`,
      countyCode: w.home.countyCode,
      counterId: w.home.counterId,
      merchantId: w.home.merchantId,
      createdById: w.actors.counter!.userId,
    },
  });
  await h.deps.db.restockLine.create({ data: { orderId: o.id, listingId, quantity: 1 } });
  return o.id;
}

async function makeLoad(w: World, h: Harness, toNodeId = w.home.stationId): Promise<string> {
  const n = ++seq;
  const departAt = new Date(Date.UTC(2026, 10, 23, 5, 30) + n * 60_000);
  const load = await h.deps.db.load.create({
    data: {
      countyCode: w.home.countyCode,
      key: `matrix:${n}:${departAt.toISOString()}`,
      code: makeLoadCode(9_000_000 + n),
      nodeId: w.home.hubId,
      toNodeId,
      departAt,
      cutoffAt: new Date(departAt.getTime() - 30 * 60_000),
    },
  });
  return load.id;
}

function shipmentInput(w: World) {
  return {
    countyCode: w.home.countyCode,
    direction: "DOWN",
    fromCode: `${w.home.countyCode}-HUB`,
    to: `${w.home.countyCode}-S1`,
    recipientName: "王小明",
    recipientPhone: "13812345678",
    weightG: 1000,
    contentsCategory: "日用品",
  };
}

/// An exception-queue action on a fresh parcel of the home county, with its own client request id.
async function exceptionAct(w: World, h: Harness) {
  const waybillNo = await makeShipment(w, h);
  const { id } = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo }, select: { id: true } });
  return { countyCode: w.home.countyCode, shipmentId: id, clientRequestId: globalThis.crypto.randomUUID() };
}

async function makeShipment(w: World, h: Harness, to = `${w.home.countyCode}-S1`): Promise<string> {
  const s = await h.callerAs(w.actors.admin).shipments.create({ ...shipmentInput(w), to } as never);
  return s.waybillNo;
}

function acceptInput(nodeId: string) {
  return {
    nodeId,
    senderName: "李大山",
    senderIdNumber: "11010519491231002X",
    senderPhone: "13900001111",
    recipientName: "赵女士",
    recipientPhone: "13700002222",
    outboundCity: "沈阳市",
    weightG: 5000,
    contentsCategory: "苹果",
    inspection: FULL_INSPECTION,
  };
}

/// A parcel held at a node: a downward one (hub → S1) that has arrived there, or an upward one accepted there.
async function parcelAt(w: World, h: Harness, nodeId: string, direction: "DOWN" | "UP" = "DOWN"): Promise<string> {
  if (direction === "UP") return (await h.callerAs(w.actors.admin).shipments.accept(acceptInput(nodeId))).waybillNo;
  const waybillNo = await makeShipment(w, h);
  await h.deps.db.shipment.update({ where: { waybillNo }, data: { currentNodeId: nodeId, status: "AT_NODE" } });
  return waybillNo;
}

/// A parcel waiting on the station's shelf, pickup code 123456.
async function shelfParcel(w: World, h: Harness): Promise<string> {
  const waybillNo = await makeShipment(w, h);
  const shelfSlot = `B-90-${String(++seq).padStart(2, "0")}`;
  await h.deps.db.shipment.update({
    where: { waybillNo },
    data: { currentNodeId: w.home.stationId, status: "AWAITING_PICKUP", shelfSlot, pickupCode: "123456", readyForPickupAt: new Date() },
  });
  return waybillNo;
}

/// The station's open stocktake (started, or joined, by ADMIN).
async function openStocktake(w: World, h: Harness): Promise<string> {
  return (await h.callerAs(w.actors.admin).shelf.stocktakeStart({ nodeId: w.home.stationId, clientId: crypto.randomUUID() })).stocktake.id;
}

type AnyProc = { _def: { type: "query" | "mutation" | "subscription" } };
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProc>;

let h: Harness;
let world: World;

beforeAll(async () => {
  h = await createHarness();
  world = await withCarriers(h, await buildWorld(h.deps.db));
  // county.overview needs the county's figures to exist.
});
afterAll(async () => h?.close());

async function call(role: RoleName, path: string, input: unknown): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  let fn: unknown = h.callerAs(world.actors[role]);
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  try {
    await (fn as (i: unknown) => Promise<unknown>)(input);
    return { ok: true };
  } catch (e) {
    if (e instanceof TRPCError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

describe("access matrix", () => {
  it("has a row for every procedure of the router", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [path, row] of Object.entries(MATRIX)) {
    for (const role of ROLE_NAMES) {
      const allowed = row.allowed.includes(role);
      it(`${path} · ${role} → ${allowed ? "allowed" : "denied"}`, async () => {
        const input = row.input ? await row.input(world, h) : undefined;
        const r = await call(role, path, input);
        if (allowed) {
          expect(r, JSON.stringify(r)).toEqual({ ok: true });
        } else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(role === "anonymous" ? ["UNAUTHORIZED"] : ["FORBIDDEN"]).toContain(r.code);
        }
      });
    }
  }
});

describe("scoped reads", () => {
  it("a manager of another county sees nothing of this one", async () => {
    const other = h.callerAs(world.actors.otherManager);
    await expect(other.county.overview({ countyCode: world.home.countyCode })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(other.station.overview({ nodeId: world.home.stationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(other.merchant.overview({ merchantId: world.home.merchantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const users = await other.users.list({});
    expect(users.every((u) => u.countyCode === world.away.countyCode)).toBe(true);
    const counties = await other.county.list();
    expect(counties.map((c) => c.code)).toEqual([world.away.countyCode]);
  });

  it("station staff see their own node only, merchants their own merchant only", async () => {
    const station = h.callerAs(world.actors.station);
    await expect(station.station.overview({ nodeId: world.home.otherStationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const merchant = h.callerAs(world.actors.merchant);
    await expect(merchant.merchant.overview({ merchantId: world.home.otherMerchantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an unknown id is denied the same way as another's id (no existence oracle)", async () => {
    const station = h.callerAs(world.actors.station);
    await expect(station.station.overview({ nodeId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

// Issue #16: a station procedure checks the caller may act at `nodeId`, and then that the parcel, load or manifest it
// names is at (or for) that node, not merely in the same county. Each cell: who, at which node, on what, and the answer.
describe("node-level scope", () => {
  type Expect = "ok" | "NOT_FOUND" | "BAD_REQUEST";
  interface Cell {
    role: RoleName;
    path: string;
    what: string;
    input: Input;
    expect: Expect;
  }
  const S1 = (w: World) => w.home.stationId;
  const S2 = (w: World) => w.home.otherStationId;
  const HUB = (w: World) => w.home.hubId;
  type At = (w: World) => string;
  type Parcel = (w: World, h: Harness) => Promise<string>;
  const screen = (role: RoleName, at: At, what: string, parcel: Parcel, expect: Expect): Cell => ({
    role,
    path: "shipments.screen",
    what,
    input: async (w, h) => ({ nodeId: at(w), waybillNo: await parcel(w, h), screened: true, device: "XR-1" }),
    expect,
  });
  const heldAtS2 = (w: World, h: Harness) => parcelAt(w, h, S2(w));
  const upAtS2 = (w: World, h: Harness) => parcelAt(w, h, S2(w), "UP");
  /// Sent off from S1: on its way, no longer held there.
  const departedS1 = async (w: World, h: Harness) => {
    const wb = await parcelAt(w, h, S1(w));
    await h.deps.db.shipment.update({ where: { waybillNo: wb }, data: { status: "IN_TRANSIT" } });
    return wb;
  };
  /// An upward parcel announced at S2 (a restock order's, say), waiting there to be handed in.
  const announcedAtS2 = async (w: World, h: Harness) => {
    const up = { ...shipmentInput(w), direction: "UP", fromCode: `${w.home.countyCode}-S2`, to: `${w.home.countyCode}-HUB` };
    return (await h.callerAs(w.actors.admin).shipments.create(up as never)).waybillNo;
  };
  const acceptAt = (role: RoleName, at: At, what: string, parcel: Parcel, expect: Expect): Cell => ({
    role,
    path: "shipments.acceptAnnounced",
    what,
    input: async (w, h) => ({
      nodeId: at(w),
      waybillNo: await parcel(w, h),
      senderName: "李大山",
      senderIdNumber: "11010519491231002X",
      inspection: FULL_INSPECTION,
    }),
    expect,
  });
  const manifestOf = (at: At) => async (w: World, h: Harness) => {
    const carrier = await h.deps.db.carrier.upsert({ where: { code: "YTO" }, update: {}, create: { code: "YTO", name: "圆通" } });
    const m = await h.deps.db.arrivalManifest.create({
      data: { countyCode: w.home.countyCode, carrierId: carrier.id, nodeId: at(w), fileName: "m.csv", rows: 0, created: 0 },
    });
    return m.id;
  };

  const CELLS: Cell[] = [
    // 过机安检: at the node holding the parcel, or at the hub for an upward parcel; never another node of the county.
    screen("station", S1, "a parcel held at S2", heldAtS2, "NOT_FOUND"),
    screen("manager", S1, "a parcel held at S2", heldAtS2, "NOT_FOUND"),
    screen("admin", S1, "a parcel held at S2", heldAtS2, "NOT_FOUND"),
    screen("otherStation", S2, "a parcel held at S2", heldAtS2, "ok"),
    screen("station", S1, "an upward parcel accepted at S2", upAtS2, "NOT_FOUND"),
    screen("manager", HUB, "an upward parcel accepted at S2", upAtS2, "ok"),
    screen("manager", HUB, "a downward parcel held at S2", heldAtS2, "NOT_FOUND"),
    screen("station", S1, "a parcel that has left S1", departedS1, "NOT_FOUND"),
    // 收寄: what waits at the node, or a parcel of the county still to be accepted, brought to this node instead (issue
    // #17: received only by acceptance, at any node of its county); another county's node or anything else is refused,
    // and a refusal names no other node and no other parcel's state.
    acceptAt("station", S1, "a parcel announced at S2", announcedAtS2, "ok"),
    acceptAt("manager", S1, "a parcel announced at S2", announcedAtS2, "ok"),
    acceptAt("admin", (w) => w.away.stationId, "a parcel announced at S2 (another county's node)", announcedAtS2, "BAD_REQUEST"),
    acceptAt("station", S1, "a downward parcel held at S2", heldAtS2, "BAD_REQUEST"),
    acceptAt("otherStation", S2, "a parcel announced at S2", announcedAtS2, "ok"),
    // A manifest is read at the node that received it.
    {
      role: "station",
      path: "shipments.manifestParcels",
      what: "S2's manifest",
      input: async (w, h) => ({ nodeId: S1(w), manifestId: await manifestOf(S2)(w, h) }),
      expect: "BAD_REQUEST",
    },
    {
      role: "otherStation",
      path: "shipments.manifestParcels",
      what: "S2's manifest",
      input: async (w, h) => ({ nodeId: S2(w), manifestId: await manifestOf(S2)(w, h) }),
      expect: "ok",
    },
  ];

  for (const c of CELLS) {
    it(`${c.path} · ${c.role} at ${c.what} → ${c.expect}`, async () => {
      const input = (await c.input(world, h)) as { waybillNo?: string };
      const before = input.waybillNo ? await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: input.waybillNo } }) : null;
      let fn: unknown = h.callerAs(world.actors[c.role]);
      for (const part of c.path.split(".")) fn = (fn as Record<string, unknown>)[part];
      const r = await (fn as (i: unknown) => Promise<unknown>)(input).then(
        () => ({ ok: true as const }),
        (e: unknown) => {
          if (!(e instanceof TRPCError)) throw e;
          return { ok: false as const, code: e.code, message: e.message };
        },
      );
      if (c.expect === "ok") {
        expect(r, JSON.stringify(r)).toEqual({ ok: true });
        return;
      }
      expect(r).toMatchObject({ ok: false, code: c.expect });
      if (!before) return;
      // Refused: nothing changed, and the answer tells nothing of where the parcel is or what it is.
      const after = await h.deps.db.shipment.findUniqueOrThrow({ where: { id: before.id } });
      expect(after).toEqual(before);
      expect(await h.deps.db.shipmentEvent.count({ where: { shipmentId: before.id, type: { in: ["SCREENED", "ACCEPTED"] } } })).toBe(
        before.acceptedAt ? 1 : 0,
      );
      const nodes = await h.deps.db.node.findMany({ where: { id: { in: [S2(world), HUB(world)] } } });
      const message = (r as { message: string }).message;
      for (const n of nodes) expect(message).not.toContain(n.name);
      expect(message).not.toMatch(/delivery|in transit|already|expected at|created/i);
    });
  }

  it("scan.record · station at S1 with the code of a load hub → S2: not at this node, nothing of its contents", async () => {
    const w = world;
    const waybillNo = await makeShipment(w, h, `${w.home.countyCode}-S2`);
    const s = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo } });
    const loadId = await makeLoad(w, h, S2(w));
    await h.deps.db.loadItem.create({
      data: { loadId, shipmentId: s.id, legId: crypto.randomUUID(), weightG: 1000, volumeCm3: 1000, temp: "AMBIENT", stopNodeId: S2(w) },
    });
    const { code } = await h.deps.db.load.findUniqueOrThrow({ where: { id: loadId } });
    const at = new Date().toISOString();
    for (const action of ["ARRIVE", "DEPART"] as const) {
      const r = await h.callerAs(w.actors.station).scan.record({ clientScanId: crypto.randomUUID(), code, action, nodeId: S1(w), at });
      expect(r).toMatchObject({ outcome: "UNKNOWN_CODE", reason: "LOAD_NOT_HERE", params: { load: code }, shipment: null, nextHop: null });
      expect(JSON.stringify(r)).not.toContain(waybillNo);
    }
    expect(await h.deps.db.shipment.findUniqueOrThrow({ where: { id: s.id } })).toEqual(s);
    // S2's own staff move it (ARRIVE where the load goes).
    const own = await h
      .callerAs(w.actors.otherStation)
      .scan.record({ clientScanId: crypto.randomUUID(), code, action: "ARRIVE", nodeId: S2(w), at });
    expect(own).toMatchObject({ reason: "LOAD_SUMMARY", params: { load: code, n: 1 } });
  });

  it("scan.record · station at S1, a refused scan of a parcel for S2 says only that it is not here", async () => {
    const waybillNo = await makeShipment(world, h, `${world.home.countyCode}-S2`);
    const r = await h.callerAs(world.actors.station).scan.record({
      clientScanId: crypto.randomUUID(),
      code: waybillNo,
      action: "DEPART",
      nodeId: S1(world),
      at: new Date().toISOString(),
    });
    expect(r).toMatchObject({
      outcome: "INVALID_TRANSITION",
      reason: "NOT_HERE",
      params: null,
      shipment: null,
      expected: null,
      nextHop: null,
    });
  });
});
