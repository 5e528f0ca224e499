// Merchants of a county: the manager's list and form, and the merchant's own contact details.
import type { Db, Prisma, Tx } from "@xiangda/db";
import { AppError, issueAt, dateToDay, dayToDate, maskName, maskPhone, type TMerchantContact, type TMerchantUpsert } from "@xiangda/domain";
import { areaNames, assertVillageOfCounty, optional } from "./areas.ts";
import { likeText } from "../like.ts";

export const merchantSelect = {
  id: true,
  countyCode: true,
  name: true,
  type: true,
  originAreaCode: true,
  recognitionNo: true,
  recognitionValidUntil: true,
  creditCode: true,
  contactName: true,
  contactPhone: true,
  active: true,
  updatedAt: true,
} satisfies Prisma.MerchantSelect;
type MerchantRow = Prisma.MerchantGetPayload<{ select: typeof merchantSelect }>;

export function merchantView(m: MerchantRow, names: Map<string, string>, opts: { showContact: boolean }) {
  return {
    id: m.id,
    countyCode: m.countyCode,
    name: m.name,
    type: m.type,
    originAreaCode: m.originAreaCode,
    originAreaName: m.originAreaCode ? (names.get(m.originAreaCode) ?? null) : null,
    recognitionNo: m.recognitionNo,
    recognitionValidUntil: m.recognitionValidUntil ? dateToDay(m.recognitionValidUntil) : null,
    creditCode: m.creditCode,
    contactName: opts.showContact ? m.contactName : m.contactName ? maskName(m.contactName) : null,
    contactPhone: opts.showContact ? m.contactPhone : m.contactPhone ? maskPhone(m.contactPhone) : null,
    active: m.active,
    updatedAt: m.updatedAt.toISOString(),
  };
}
export type TMerchantView = ReturnType<typeof merchantView>;

export async function listMerchants(
  db: Db,
  { countyCode, ...filter }: { countyCode: string } & { q?: string | undefined; includeInactive?: boolean | undefined },
) {
  const rows = await db.merchant.findMany({
    where: {
      countyCode,
      ...(filter.includeInactive ? {} : { active: true }),
      ...(filter.q ? { name: { contains: likeText(filter.q), mode: "insensitive" as const } } : {}),
    },
    select: merchantSelect,
    orderBy: { name: "asc" },
    take: 2000,
  });
  const names = await areaNames(
    db,
    rows.map((r) => r.originAreaCode),
  );
  // A list does not need anyone's phone: masked; the merchant's own page shows it.
  return rows.map((m) => merchantView(m, names, { showContact: false }));
}

export async function getMerchant(db: Tx, merchantId: string) {
  const m = await db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: merchantSelect });
  return merchantView(m, await areaNames(db, [m.originAreaCode]), { showContact: true });
}

/// Creates or updates a merchant of the county: by id, else by its name in the county.
export async function upsertMerchant(db: Db, { countyCode, ...input }: { countyCode: string } & TMerchantUpsert) {
  await assertVillageOfCounty(db, countyCode, input.originAreaCode, "originAreaCode");
  const data = {
    name: input.name,
    type: input.type,
    originAreaCode: input.originAreaCode,
    recognitionNo: optional(input.recognitionNo),
    recognitionValidUntil:
      input.recognitionValidUntil === undefined ? undefined : input.recognitionValidUntil ? dayToDate(input.recognitionValidUntil) : null,
    creditCode: optional(input.creditCode),
    contactName: optional(input.contactName),
    contactPhone: optional(input.contactPhone),
  };
  const sameName = await db.merchant.findUnique({ where: { countyCode_name: { countyCode, name: input.name } }, select: { id: true } });
  let id: string;
  if (input.id) {
    const existing = await db.merchant.findUnique({ where: { id: input.id }, select: { id: true, countyCode: true } });
    if (!existing || existing.countyCode !== countyCode) throw AppError.at("id", "NO_MERCHANT_IN_COUNTY", { county: countyCode });
    if (sameName && sameName.id !== existing.id)
      throw AppError.of(
        "CONFLICT",
        "MERCHANT_NAME_TAKEN",
        { county: countyCode, name: input.name },
        { issues: [issueAt("name", "NAME_TAKEN_MERCHANT")] },
      );
    id = (await db.merchant.update({ where: { id: existing.id }, data, select: { id: true } })).id;
  } else {
    id = (
      await db.merchant.upsert({
        where: { countyCode_name: { countyCode, name: input.name } },
        update: data,
        create: { ...data, countyCode },
        select: { id: true },
      })
    ).id;
  }
  return getMerchant(db, id);
}

export async function setMerchantContact(db: Db, { merchantId, ...input }: { merchantId: string } & TMerchantContact) {
  await db.merchant.update({
    where: { id: merchantId },
    data: { contactName: optional(input.contactName), contactPhone: optional(input.contactPhone) },
  });
  return getMerchant(db, merchantId);
}
