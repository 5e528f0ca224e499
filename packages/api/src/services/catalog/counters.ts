// Poverty-alleviation counters of a county, the node that restocks each, and who runs them.
import type { Db, Prisma, Tx } from "@xiangda/db";
import { AppError, type Actor, type TCounterOperators, type TCounterUpsert } from "@xiangda/domain";
import { assertCountyAccess, operatorCounterIds } from "../auth/scope.ts";
import { areaNames, assertAreaOfCounty, optional } from "./areas.ts";

export const counterSelect = {
  id: true,
  countyCode: true,
  code: true,
  name: true,
  venueType: true,
  operatorName: true,
  address: true,
  areaCode: true,
  city: true,
  active: true,
  updatedAt: true,
  node: { select: { id: true, code: true, name: true, status: true } },
  operators: { select: { user: { select: { id: true, username: true, displayName: true, active: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.CounterSelect;
type CounterRow = Prisma.CounterGetPayload<{ select: typeof counterSelect }>;

export function counterView(c: CounterRow, names: Map<string, string>) {
  return {
    id: c.id,
    countyCode: c.countyCode,
    code: c.code,
    name: c.name,
    venueType: c.venueType,
    operatorName: c.operatorName,
    address: c.address,
    areaCode: c.areaCode,
    areaName: c.areaCode ? (names.get(c.areaCode) ?? null) : null,
    city: c.city,
    active: c.active,
    node: c.node,
    operators: c.operators.map((o) => o.user),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type TCounterView = ReturnType<typeof counterView>;

async function views(db: Tx, rows: CounterRow[]) {
  const names = await areaNames(
    db,
    rows.map((r) => r.areaCode),
  );
  return rows.map((r) => counterView(r, names));
}

/// ADMIN all (or one county), a manager their county's, an operator the counters they run.
export async function listCounters(
  db: Db,
  { actor, ...filter }: { actor: Actor } & { countyCode?: string | undefined; includeInactive?: boolean | undefined },
) {
  const where: Prisma.CounterWhereInput = filter.includeInactive ? {} : { active: true };
  if (actor.role === "COUNTER_OPERATOR") {
    where.id = { in: await operatorCounterIds(db, actor) };
    if (filter.countyCode) where.countyCode = filter.countyCode;
  } else if (actor.role === "MERCHANT") {
    if (filter.countyCode && filter.countyCode !== actor.countyCode) throw AppError.forbidden(`No access to county ${filter.countyCode}`);
    where.countyCode = actor.countyCode ?? "";
    where.active = true;
    const rows = await db.counter.findMany({ where, select: counterSelect, orderBy: { code: "asc" }, take: 2000 });
    return (await views(db, rows)).map((v) => ({ ...v, operators: [] }));
  } else {
    const countyCode = actor.role === "ADMIN" ? filter.countyCode : (filter.countyCode ?? actor.countyCode ?? "");
    if (countyCode !== undefined) {
      assertCountyAccess(actor, countyCode);
      where.countyCode = countyCode;
    }
  }
  const rows = await db.counter.findMany({ where, select: counterSelect, orderBy: [{ countyCode: "asc" }, { code: "asc" }], take: 2000 });
  return views(db, rows);
}

export async function getCounter(db: Tx, counterId: string) {
  const [v] = await views(db, [await db.counter.findUniqueOrThrow({ where: { id: counterId }, select: counterSelect })]);
  return v!;
}

/// Creates or updates the county's counter with this code.
export async function upsertCounter(db: Db, { countyCode, ...input }: { countyCode: string } & TCounterUpsert) {
  const node = await db.node.findUnique({ where: { id: input.nodeId }, select: { countyCode: true, status: true, code: true } });
  if (!node || node.countyCode !== countyCode) throw AppError.at("nodeId", "NO_NODE_OF_COUNTY", { county: countyCode });
  if (node.status !== "ACTIVE") throw AppError.at("nodeId", "NODE_INACTIVE_RESTOCK", { node: node.code });
  if (input.areaCode) await assertAreaOfCounty(db, countyCode, input.areaCode, "areaCode");
  // Where it is, is one answer: an area of the county, a city outside it, or neither (online).
  const areaCode = input.areaCode || null;
  const data = {
    name: input.name,
    venueType: input.venueType,
    operatorName: input.operatorName,
    address: optional(input.address),
    areaCode,
    city: areaCode ? null : (optional(input.city) ?? null),
    nodeId: input.nodeId,
    active: input.active,
  };
  const c = await db.counter.upsert({
    where: { countyCode_code: { countyCode, code: input.code } },
    update: data,
    create: { ...data, countyCode, code: input.code },
    select: counterSelect,
  });
  const [v] = await views(db, [c]);
  return v!;
}

/// Sets the whole list of a counter's operators: COUNTER_OPERATOR users of the county.
export async function setCounterOperators(db: Db, { countyCode, ...input }: { countyCode: string } & TCounterOperators) {
  const counter = await db.counter.findUnique({ where: { id: input.counterId }, select: { id: true, countyCode: true } });
  if (!counter || counter.countyCode !== countyCode) throw AppError.at("counterId", "NO_COUNTER_OF_COUNTY", { county: countyCode });
  const ids = [...new Set(input.userIds)];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, role: true, countyCode: true } });
  const ok = new Set(users.filter((u) => u.role === "COUNTER_OPERATOR" && u.countyCode === countyCode).map((u) => u.id));
  const bad = input.userIds.findIndex((id) => !ok.has(id));
  if (bad >= 0) throw AppError.at(`userIds.${bad}`, "NOT_COUNTER_OPERATOR", { county: countyCode });
  await db.$transaction([
    db.counterOperator.deleteMany({ where: { counterId: counter.id, userId: { notIn: ids } } }),
    db.counterOperator.createMany({ data: ids.map((userId) => ({ userId, counterId: counter.id })), skipDuplicates: true }),
  ]);
  return getCounter(db, counter.id);
}
