// Test world for restock orders and traceability on Gaizhou's real divisions: a hub and two stations,
// village point P200 (高屯 township) with up-lanes to the hub (ambient and cold), an ambient-only trunk
// hub → S105, counters at the hub and at S105, merchants (one covered, one whose township has no
// station, one household), products (ambient apples with a batch, chilled chicken) listed on both counters.
import { randomBytes } from "node:crypto";
import type { Db } from "@xiangda/db";
import { createCounty, createUser } from "@xiangda/db/factories";
import { makeTraceCode, type Actor } from "@xiangda/domain";
import { importDivisions } from "../services/areas/import-divisions.ts";
import { runFileImport } from "../services/network/imports.ts";

export const COUNTY = "210881";
export const VILLAGE = "210881102200";
export const TOWNSHIP = "210881102000";
/// Personal data that must never reach a public view.
export const PEOPLE = {
  merchantContact: "李大山",
  merchantPhone: "13900001111",
  hubContact: "赵晓梅",
  hubPhone: "13700002222",
  household: "王秀英",
  householdPhone: "13600003333",
};

const csv = (s: string) => ({ name: "f.csv", data: Buffer.from(s) });
/// Real trace codes (with their check character), as batches.create makes them.
export const newTraceCode = () => makeTraceCode(randomBytes(10));

export interface RestockWorld {
  nodes: Record<"HUB" | "S102" | "S105" | "P200", string>;
  hubCounter: string;
  farCounter: string;
  merchant: string;
  uncovered: string;
  household: string;
  otherMerchant: string;
  listings: { appleHub: string; chickenHub: string; appleFar: string; chickenFar: string; uncoveredHub: string };
  products: { apple: string; chicken: string };
  batches: { apple: string; appleCode: string; apple2: string; householdCode: string };
  actors: Record<"admin" | "manager" | "otherManager" | "merchant" | "otherMerchant" | "counter" | "otherCounter" | "uncovered", Actor>;
}

// The hub, two stations and village point P200 with their lanes, imported as a manager would.
async function importRestockNetwork(db: Db): Promise<RestockWorld["nodes"]> {
  await importDivisions(db, COUNTY);
  await runFileImport(db, {
    kind: "nodes",
    file: csv(
      [
        "code,name,tier,areaCode,parentCode,selfPickup,cold,contactName,contactPhone",
        `HUB,盖州分拨中心,COUNTY_HUB,210881000000,,no,chilled,${PEOPLE.hubContact},${PEOPLE.hubPhone}`,
        "S102,高屯站,TOWNSHIP_STATION,210881102000,HUB,no,chilled,,",
        "S105,沙岗站,TOWNSHIP_STATION,210881105000,HUB,no,no,,",
        `P200,高屯村服务点,VILLAGE_POINT,${VILLAGE},S102,yes,no,,`,
      ].join("\n") + "\n",
    ),
  });
  await runFileImport(db, {
    kind: "lanes",
    file: csv(
      [
        "code,from,to,mode,departures,transitMinutes,cold",
        "M200U,P200,S102,MILK_RUN,10:00,20,no",
        "M200C,P200,S102,MILK_RUN,11:00,30,yes",
        "T102U,S102,HUB,TRUNK,15:00,50,no",
        "T102C,S102,HUB,TRUNK,15:30,50,yes",
        "T105,HUB,S105,TRUNK,08:00,50,no",
      ].join("\n") + "\n",
    ),
  });
  return Object.fromEntries(
    (await db.node.findMany({ where: { countyCode: COUNTY } })).map((n) => [n.code, n.id]),
  ) as RestockWorld["nodes"];
}

// A second county, and one user per role the restock tests act as; the two counter operators each run one counter.
async function createRestockActors(
  db: Db,
  ids: Record<"merchant" | "otherMerchant" | "uncovered" | "hubCounter" | "farCounter", string>,
): Promise<RestockWorld["actors"]> {
  await createCounty(db, { code: "211021", name: "辽阳县", cityName: "辽阳市", provinceName: "辽宁省" });
  const passwordHash = "x";
  const user = async (username: string, role: Actor["role"], scope: Partial<Actor> = {}): Promise<Actor> => {
    const u = await createUser(db, {
      username,
      passwordHash,
      role,
      displayName: username,
      countyCode: scope.countyCode ?? null,
      merchantId: scope.merchantId ?? null,
    });
    return { userId: u.id, username, role, countyCode: u.countyCode, nodeId: null, merchantId: u.merchantId };
  };
  const actors: RestockWorld["actors"] = {
    admin: await user("r_admin", "ADMIN"),
    manager: await user("r_manager", "COUNTY_MANAGER", { countyCode: COUNTY }),
    otherManager: await user("r_manager_away", "COUNTY_MANAGER", { countyCode: "211021" }),
    merchant: await user("r_merchant", "MERCHANT", { countyCode: COUNTY, merchantId: ids.merchant }),
    otherMerchant: await user("r_merchant_other", "MERCHANT", { countyCode: COUNTY, merchantId: ids.otherMerchant }),
    uncovered: await user("r_merchant_uncovered", "MERCHANT", { countyCode: COUNTY, merchantId: ids.uncovered }),
    counter: await user("r_counter", "COUNTER_OPERATOR", { countyCode: COUNTY }),
    otherCounter: await user("r_counter_other", "COUNTER_OPERATOR", { countyCode: COUNTY }),
  };
  await db.counterOperator.createMany({
    data: [
      { userId: actors.counter.userId, counterId: ids.hubCounter },
      { userId: actors.otherCounter.userId, counterId: ids.farCounter },
    ],
  });
  return actors;
}

export async function buildRestockWorld(db: Db): Promise<RestockWorld> {
  const nodes = await importRestockNetwork(db);
  // A village whose township has no station: restocks from there cannot start.
  const bare = await db.adminArea.findFirstOrThrow({
    where: { countyCode: COUNTY, level: "VILLAGE", parentCode: { notIn: ["210881102000", "210881105000"] } },
    orderBy: { code: "asc" },
  });

  const counter = (code: string, name: string, venueType: "SUPERMARKET" | "HIGHWAY_SERVICE_AREA", nodeId: string) =>
    db.counter.create({
      data: { countyCode: COUNTY, code, name, venueType, operatorName: `${name}运营公司`, address: "盖州市西城路1号", nodeId },
    });
  const hubCounter = await counter("C-HUB", "新华超市扶贫专柜", "SUPERMARKET", nodes.HUB);
  const farCounter = await counter("C-FAR", "沙岗服务区扶贫专区", "HIGHWAY_SERVICE_AREA", nodes.S105);

  const merchant = await db.merchant.create({
    data: {
      countyCode: COUNTY,
      name: "盖州市高屯果蔬专业合作社",
      type: "COOPERATIVE",
      originAreaCode: VILLAGE,
      contactName: PEOPLE.merchantContact,
      contactPhone: PEOPLE.merchantPhone,
    },
  });
  const uncovered = await db.merchant.create({ data: { countyCode: COUNTY, name: "无站点合作社", originAreaCode: bare.code } });
  const household = await db.merchant.create({
    data: {
      countyCode: COUNTY,
      name: PEOPLE.household,
      type: "HOUSEHOLD",
      originAreaCode: VILLAGE,
      contactName: PEOPLE.household,
      contactPhone: PEOPLE.householdPhone,
    },
  });
  const otherMerchant = await db.merchant.create({ data: { countyCode: COUNTY, name: "另一家合作社", originAreaCode: VILLAGE } });

  const apple = await db.product.create({
    data: {
      merchantId: merchant.id,
      name: "盖州苹果",
      category: "FRUIT",
      unit: "箱",
      spec: "5kg/箱",
      unitWeightG: 5_200,
      temp: "AMBIENT",
      shelfLifeDays: 60,
      regionalBrand: "盖州苹果",
    },
  });
  await db.productCertification.createMany({
    data: [
      { productId: apple.id, kind: "GREEN_FOOD", number: "LB-18-21080112345A", validUntil: new Date("2027-06-30T00:00:00Z") },
      { productId: apple.id, kind: "GEO_INDICATION", number: "AGI02345", validUntil: new Date("2025-12-31T00:00:00Z") },
    ],
  });
  const chicken = await db.product.create({
    data: {
      merchantId: merchant.id,
      name: "散养鸡",
      category: "MEAT_POULTRY",
      unit: "只",
      unitWeightG: 1_500,
      temp: "CHILLED",
      shelfLifeDays: 7,
    },
  });
  const uncoveredProduct = await db.product.create({
    data: { merchantId: uncovered.id, name: "小米", category: "GRAIN", unit: "袋", unitWeightG: 2_500, shelfLifeDays: 180 },
  });
  const householdProduct = await db.product.create({
    data: { merchantId: household.id, name: "手工粘豆包", category: "PROCESSED", unit: "袋", unitWeightG: 1_000, shelfLifeDays: 30 },
  });
  const listing = (productId: string, counterId: string, merchantId: string) =>
    db.listing.create({ data: { productId, counterId, merchantId, countyCode: COUNTY, priceFen: 6_800, stock: 0, status: "ACTIVE" } });
  const listings = {
    appleHub: (await listing(apple.id, hubCounter.id, merchant.id)).id,
    chickenHub: (await listing(chicken.id, hubCounter.id, merchant.id)).id,
    appleFar: (await listing(apple.id, farCounter.id, merchant.id)).id,
    chickenFar: (await listing(chicken.id, farCounter.id, merchant.id)).id,
    uncoveredHub: (await listing(uncoveredProduct.id, hubCounter.id, uncovered.id)).id,
  };
  const batch = (productId: string, merchantId: string, batchNo: string, traceCode: string) =>
    db.productBatch.create({
      data: {
        productId,
        merchantId,
        batchNo,
        producedOn: new Date("2026-10-08T00:00:00Z"),
        quantity: 500,
        originAreaCode: VILLAGE,
        traceCode,
      },
    });
  const appleCode = newTraceCode();
  const householdCode = newTraceCode();
  const appleBatch = await batch(apple.id, merchant.id, "GT-2026-10-08", appleCode);
  const apple2 = await batch(apple.id, merchant.id, "GT-2026-10-15", newTraceCode());
  await batch(householdProduct.id, household.id, "WXY-01", householdCode);

  const actors = await createRestockActors(db, {
    merchant: merchant.id,
    otherMerchant: otherMerchant.id,
    uncovered: uncovered.id,
    hubCounter: hubCounter.id,
    farCounter: farCounter.id,
  });
  return {
    nodes,
    hubCounter: hubCounter.id,
    farCounter: farCounter.id,
    merchant: merchant.id,
    uncovered: uncovered.id,
    household: household.id,
    otherMerchant: otherMerchant.id,
    listings,
    products: { apple: apple.id, chicken: chicken.id },
    batches: { apple: appleBatch.id, appleCode, apple2: apple2.id, householdCode },
    actors,
  };
}
