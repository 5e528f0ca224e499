// The demo: real Gaizhou (210881) areas, a minimal network and one user per role. Idempotent.
import { hashPassword, importDivisions } from "@xiangda/api";
import type { Db } from "@xiangda/db";
import { DEMO_USERS } from "./demo-users.ts";
import { seedCounters } from "./seed-counters.ts";
import { seedNetwork } from "./seed-network.ts";

export const DEMO_COUNTY = "210881";

export async function seedDemo(db: Db, log: (m: string) => void = () => {}) {
  const divisions = await importDivisions(db, DEMO_COUNTY);
  log(`areas: ${divisions.townships} townships, ${divisions.villageUnits} village-level units`);

  const network = await seedNetwork(db, DEMO_COUNTY);
  log(`network: ${network.nodes} nodes, ${network.lanes} lanes, ${network.vehicles} vehicles, ${network.carriers} carriers`);
  const hub = await db.node.findUniqueOrThrow({ where: { countyCode_code: { countyCode: DEMO_COUNTY, code: "GZ-HUB" } } });
  const gaotun = await db.adminArea.findFirst({ where: { countyCode: DEMO_COUNTY, level: "TOWNSHIP", name: "高屯镇" } });
  const station = await db.node.findFirstOrThrow({
    where: { countyCode: DEMO_COUNTY, tier: "TOWNSHIP_STATION", ...(gaotun ? { areaCode: gaotun.code } : {}) },
    orderBy: { code: "asc" },
  });

  let merchant = await db.merchant.findFirst({ where: { countyCode: DEMO_COUNTY, name: "盖州市高屯果蔬专业合作社" } });
  merchant ??= await db.merchant.create({ data: { countyCode: DEMO_COUNTY, name: "盖州市高屯果蔬专业合作社" } });

  const nodeIdOf = async (code: string) =>
    (await db.node.findUniqueOrThrow({ where: { countyCode_code: { countyCode: DEMO_COUNTY, code } }, select: { id: true } })).id;
  /// A carrier's organisation in the county (one per carrier and county), as `pnpm xd api-keys create --carrier` makes it.
  const clientOf = async (code: string) => {
    const carrier = await db.carrier.findUniqueOrThrow({ where: { code } });
    const client = await db.apiClient.upsert({
      where: { countyCode_carrierId: { countyCode: DEMO_COUNTY, carrierId: carrier.id } },
      update: {},
      create: { countyCode: DEMO_COUNTY, kind: "CARRIER", carrierId: carrier.id, name: carrier.name },
    });
    return client.id;
  };
  for (const u of DEMO_USERS) {
    const scope =
      u.role === "COUNTY_MANAGER"
        ? { countyCode: DEMO_COUNTY }
        : u.role === "STATION_STAFF"
          ? { nodeId: u.nodeCode ? await nodeIdOf(u.nodeCode) : station.id, countyCode: DEMO_COUNTY }
          : u.role === "MERCHANT"
            ? { merchantId: merchant.id, countyCode: DEMO_COUNTY }
            : u.role === "COUNTER_OPERATOR"
              ? { countyCode: DEMO_COUNTY }
              : u.role === "CARRIER_USER"
                ? { apiClientId: await clientOf(u.carrierCode!), countyCode: DEMO_COUNTY }
                : {};
    const existing = await db.user.findUnique({ where: { username: u.username } });
    if (existing) continue;
    await db.user.create({
      data: { username: u.username, displayName: u.displayName, role: u.role, passwordHash: await hashPassword(u.password), ...scope },
    });
  }
  log(`users: ${DEMO_USERS.map((u) => `${u.username}/${u.password}`).join(", ")}`);
  const userId = async (username: string) => (await db.user.findUnique({ where: { username }, select: { id: true } }))?.id ?? null;
  const counters = await seedCounters(db, DEMO_COUNTY, {
    merchantId: merchant.id,
    counterUserId: await userId("counter"),
    managerUserId: (await userId("manager"))!,
  });
  if (counters.created)
    log(
      `counters: ${counters.counters} counters, ${counters.merchants} merchants, ${counters.products} products, ${counters.listings} listings, ${counters.sales} sales, 1 restock order`,
    );
  return { county: DEMO_COUNTY, hubId: hub.id, stationId: station.id, merchantId: merchant.id };
}
