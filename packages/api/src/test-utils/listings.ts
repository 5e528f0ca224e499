// Rows for the listings tests, made directly with Prisma (the catalog API is built elsewhere).
import type { Db } from "@xiangda/db";
import { createUser } from "@xiangda/db/factories";
import type { Actor } from "@xiangda/domain";

let n = 0;
const day = (d: string) => new Date(`${d}T00:00:00Z`);

/// 2026-11-20 12:00 in Asia/Shanghai: the tests' "now".
export const NOW = new Date("2026-11-20T04:00:00Z");

export async function recognise(db: Db, merchantId: string, validUntil: string | null, originAreaCode?: string) {
  await db.merchant.update({
    where: { id: merchantId },
    data: {
      recognitionNo: validUntil ? `FP-${merchantId.slice(0, 6)}` : null,
      recognitionValidUntil: validUntil ? day(validUntil) : null,
      ...(originAreaCode ? { originAreaCode } : {}),
    },
  });
}

export async function makeProduct(
  db: Db,
  merchantId: string,
  opts: { name?: string; certs?: { kind: "GREEN_FOOD" | "ORGANIC" | "GEO_INDICATION"; validUntil: string }[]; active?: boolean } = {},
) {
  return db.product.create({
    data: {
      merchantId,
      name: opts.name ?? `苹果${++n}`,
      category: "FRUIT",
      unit: "箱",
      spec: "5kg/箱",
      unitWeightG: 5500,
      shelfLifeDays: 30,
      active: opts.active ?? true,
      certifications: {
        create: (opts.certs ?? []).map((c) => ({ kind: c.kind, number: `${c.kind}-${++n}`, validUntil: day(c.validUntil) })),
      },
    },
  });
}

export async function makeListing(
  db: Db,
  o: {
    productId: string;
    counterId: string;
    merchantId: string;
    countyCode: string;
    status?: "DRAFT" | "PENDING_REVIEW" | "ACTIVE" | "REJECTED" | "DELISTED";
    stock?: number;
    minStock?: number;
    priceFen?: number;
    submittedAt?: Date;
  },
) {
  return db.listing.create({
    data: {
      productId: o.productId,
      counterId: o.counterId,
      merchantId: o.merchantId,
      countyCode: o.countyCode,
      status: o.status ?? "DRAFT",
      stock: o.stock ?? 0,
      minStock: o.minStock ?? 0,
      priceFen: o.priceFen ?? 3000,
      submittedAt: o.submittedAt ?? (o.status === "PENDING_REVIEW" ? NOW : null),
    },
  });
}

/// A real user row (audit rows point at it) and the actor for it.
export async function makeActor(db: Db, role: Actor["role"], scope: { countyCode?: string; merchantId?: string } = {}): Promise<Actor> {
  const username = `lt_${role.toLowerCase()}_${++n}_${Date.now() % 100000}`;
  const u = await createUser(db, {
    username,
    passwordHash: "x",
    role,
    countyCode: scope.countyCode ?? null,
    merchantId: scope.merchantId ?? null,
  });
  return { userId: u.id, username, role, countyCode: u.countyCode, nodeId: null, merchantId: u.merchantId };
}
