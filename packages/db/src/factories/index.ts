// Factories for tests and the seed: sensible defaults, any field overridable.
import { randomBytes } from "node:crypto";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../tx.ts";

const uniq = (): string => randomBytes(4).toString("hex");

export async function createCounty(db: Tx, overrides: Partial<Prisma.CountyUncheckedCreateInput> = {}) {
  const code = overrides.code ?? "210881";
  return db.county.upsert({
    where: { code },
    update: {},
    create: { code, name: "盖州市", cityName: "营口市", provinceName: "辽宁省", ...overrides },
  });
}

export async function createArea(
  db: Tx,
  overrides: Partial<Prisma.AdminAreaUncheckedCreateInput> & { code: string; countyCode: string },
) {
  return db.adminArea.create({
    data: { level: "VILLAGE", kind: "村委会", name: `村${uniq()}`, ...overrides },
  });
}

export async function createNode(
  db: Tx,
  overrides: Partial<Prisma.NodeUncheckedCreateInput> & { countyCode: string; areaCode: string },
) {
  return db.node.create({
    data: { code: `N${uniq()}`, name: `节点${uniq()}`, tier: "TOWNSHIP_STATION", ...overrides },
  });
}

export async function createMerchant(
  db: Tx,
  overrides: Partial<Prisma.MerchantUncheckedCreateInput> & { countyCode: string },
) {
  return db.merchant.create({ data: { name: `合作社${uniq()}`, ...overrides } });
}

export async function createUser(
  db: Tx,
  overrides: Partial<Prisma.UserUncheckedCreateInput> & { passwordHash: string },
) {
  return db.user.create({
    data: { username: `user_${uniq()}`, displayName: "Test user", role: "ADMIN", ...overrides },
  });
}
