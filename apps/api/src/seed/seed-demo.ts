// The demo: real Gaizhou (210881) areas, a minimal network and one user per role. Idempotent.
import { hashPassword, importDivisions } from "@xiangda/api";
import type { Db } from "@xiangda/db";
import { DEMO_USERS } from "./demo-users.ts";

export const DEMO_COUNTY = "210881";

async function upsertNode(db: Db, data: { code: string; name: string; tier: "COUNTY_HUB" | "TOWNSHIP_STATION" | "VILLAGE_POINT"; areaCode: string; parentId: string | null }) {
  return db.node.upsert({
    where: { countyCode_code: { countyCode: DEMO_COUNTY, code: data.code } },
    update: {},
    create: { countyCode: DEMO_COUNTY, ...data },
  });
}

export async function seedDemo(db: Db, log: (m: string) => void = () => {}) {
  const divisions = await importDivisions(db, DEMO_COUNTY);
  log(`areas: ${divisions.townships} townships, ${divisions.villageUnits} village-level units`);

  const townships = await db.adminArea.findMany({ where: { countyCode: DEMO_COUNTY, level: "TOWNSHIP" }, orderBy: { code: "asc" } });
  const seat = townships.find((t) => t.kind === "街道") ?? townships[0]!;
  const gaotun = townships.find((t) => t.name === "高屯镇") ?? townships.find((t) => t.kind === "镇")!;
  const village = await db.adminArea.findFirstOrThrow({ where: { parentCode: gaotun.code, kind: "村委会" }, orderBy: { code: "asc" } });

  const hub = await upsertNode(db, { code: "GZ-HUB", name: "盖州市县级物流配送中心", tier: "COUNTY_HUB", areaCode: seat.code, parentId: null });
  const station = await upsertNode(db, { code: `GZ-${gaotun.code.slice(6, 9)}`, name: `${gaotun.name}服务站`, tier: "TOWNSHIP_STATION", areaCode: gaotun.code, parentId: hub.id });
  await upsertNode(db, { code: `GZ-${village.code.slice(6, 12)}`, name: `${village.name.replace(/村委会$/, "村")}服务点`, tier: "VILLAGE_POINT", areaCode: village.code, parentId: station.id });

  let merchant = await db.merchant.findFirst({ where: { countyCode: DEMO_COUNTY, name: "盖州市高屯果蔬专业合作社" } });
  merchant ??= await db.merchant.create({ data: { countyCode: DEMO_COUNTY, name: "盖州市高屯果蔬专业合作社" } });

  for (const u of DEMO_USERS) {
    const scope =
      u.role === "COUNTY_MANAGER"
        ? { countyCode: DEMO_COUNTY }
        : u.role === "STATION_STAFF"
          ? { nodeId: station.id, countyCode: DEMO_COUNTY }
          : u.role === "MERCHANT"
            ? { merchantId: merchant.id, countyCode: DEMO_COUNTY }
            : {};
    const existing = await db.user.findUnique({ where: { username: u.username } });
    if (existing) continue;
    await db.user.create({
      data: { username: u.username, displayName: u.displayName, role: u.role, passwordHash: await hashPassword(u.password), ...scope },
    });
  }
  log(`users: ${DEMO_USERS.map((u) => `${u.username}/${u.password}`).join(", ")}`);
  return { county: DEMO_COUNTY, hubId: hub.id, stationId: station.id, merchantId: merchant.id };
}
