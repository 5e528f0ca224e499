// A small two-county world: areas, nodes, a merchant and a user of every role in each.
import type { Db } from "@xiangda/db";
import { createArea, createCounty, createMerchant, createNode, createUser } from "@xiangda/db/factories";
import type { Actor } from "@xiangda/domain";
import { hashPassword } from "../services/auth/password.ts";

export interface CountyWorld {
  countyCode: string;
  hubId: string;
  stationId: string;
  otherStationId: string;
  merchantId: string;
  otherMerchantId: string;
  /// Two counters at the station; `counter` is run by the `counter` actor, `otherCounter` by `otherCounter`.
  counterId: string;
  otherCounterId: string;
}

async function buildCounty(db: Db, code: string, name: string): Promise<CountyWorld> {
  await createCounty(db, { code, name, cityName: "测试市", provinceName: "测试省" });
  const t1 = await createArea(db, { code: `${code}101000`, countyCode: code, level: "TOWNSHIP", kind: "镇", name: `${name}一镇` });
  const t2 = await createArea(db, { code: `${code}102000`, countyCode: code, level: "TOWNSHIP", kind: "镇", name: `${name}二镇` });
  await createArea(db, {
    code: `${code}101201`,
    countyCode: code,
    level: "VILLAGE",
    kind: "村委会",
    name: `${name}一村委会`,
    parentCode: t1.code,
  });
  const hub = await createNode(db, { countyCode: code, areaCode: t1.code, tier: "COUNTY_HUB", code: `${code}-HUB` });
  const s1 = await createNode(db, { countyCode: code, areaCode: t1.code, parentId: hub.id, code: `${code}-S1` });
  const s2 = await createNode(db, { countyCode: code, areaCode: t2.code, parentId: hub.id, code: `${code}-S2` });
  const m1 = await createMerchant(db, { countyCode: code });
  const m2 = await createMerchant(db, { countyCode: code });
  const c1 = await db.counter.create({
    data: {
      countyCode: code,
      code: `${code}-C1`,
      name: `${name}超市专柜`,
      venueType: "SUPERMARKET",
      operatorName: "测试超市",
      nodeId: s1.id,
    },
  });
  const c2 = await db.counter.create({
    data: {
      countyCode: code,
      code: `${code}-C2`,
      name: `${name}服务区专区`,
      venueType: "HIGHWAY_SERVICE_AREA",
      operatorName: "测试高速",
      nodeId: s2.id,
    },
  });
  return {
    countyCode: code,
    hubId: hub.id,
    stationId: s1.id,
    otherStationId: s2.id,
    merchantId: m1.id,
    otherMerchantId: m2.id,
    counterId: c1.id,
    otherCounterId: c2.id,
  };
}

export const ROLE_NAMES = [
  "anonymous",
  "admin",
  "manager",
  "otherManager",
  "station",
  "otherStation",
  "merchant",
  "otherMerchant",
  "counter",
  "otherCounter",
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface World {
  home: CountyWorld;
  away: CountyWorld;
  actors: Record<RoleName, Actor | null>;
  password: string;
}

/// `home` is the county under test; `away` is another county whose manager must see nothing of `home`.
export async function buildWorld(db: Db): Promise<World> {
  const home = await buildCounty(db, "210881", "盖州");
  const away = await buildCounty(db, "211000", "辽阳");
  const password = "correct-horse-9";
  const passwordHash = await hashPassword(password);
  const mk = async (username: string, role: Actor["role"], scope: Partial<Actor>): Promise<Actor> => {
    const u = await createUser(db, {
      username,
      passwordHash,
      role,
      countyCode: scope.countyCode ?? null,
      nodeId: scope.nodeId ?? null,
      merchantId: scope.merchantId ?? null,
    });
    return { userId: u.id, username, role, countyCode: u.countyCode, nodeId: u.nodeId, merchantId: u.merchantId };
  };
  const actors: Record<RoleName, Actor | null> = {
    anonymous: null,
    admin: await mk("t_admin", "ADMIN", {}),
    manager: await mk("t_manager", "COUNTY_MANAGER", { countyCode: home.countyCode }),
    otherManager: await mk("t_manager_away", "COUNTY_MANAGER", { countyCode: away.countyCode }),
    station: await mk("t_station", "STATION_STAFF", { nodeId: home.stationId, countyCode: home.countyCode }),
    otherStation: await mk("t_station_other", "STATION_STAFF", { nodeId: home.otherStationId, countyCode: home.countyCode }),
    merchant: await mk("t_merchant", "MERCHANT", { merchantId: home.merchantId, countyCode: home.countyCode }),
    otherMerchant: await mk("t_merchant_other", "MERCHANT", { merchantId: home.otherMerchantId, countyCode: home.countyCode }),
    counter: await mk("t_counter", "COUNTER_OPERATOR", { countyCode: home.countyCode }),
    otherCounter: await mk("t_counter_other", "COUNTER_OPERATOR", { countyCode: home.countyCode }),
  };
  await db.counterOperator.createMany({
    data: [
      { userId: actors.counter!.userId, counterId: home.counterId },
      { userId: actors.otherCounter!.userId, counterId: home.otherCounterId },
    ],
  });
  return { home, away, actors, password };
}
