// The figures a county's home page opens with.
import type { Db } from "@xiangda/db";
import { AppError } from "@xiangda/domain";

export async function countyOverview(db: Db, countyCode: string) {
  const county = await db.county.findUnique({ where: { code: countyCode } });
  if (!county) throw AppError.notFound(`County ${countyCode} is not imported`);
  const live = { countyCode, removedAt: null };
  const [townships, villageUnits, villageCommittees, nodes, users] = await Promise.all([
    db.adminArea.count({ where: { ...live, level: "TOWNSHIP" } }),
    db.adminArea.count({ where: { ...live, level: "VILLAGE" } }),
    db.adminArea.count({ where: { ...live, level: "VILLAGE", kind: "村委会" } }),
    db.node.count({ where: { countyCode } }),
    db.user.count({ where: { countyCode } }),
  ]);
  return {
    county: { code: county.code, name: county.name, cityName: county.cityName, provinceName: county.provinceName },
    townships,
    villageUnits,
    villageCommittees,
    nodes,
    users,
  };
}
