// Nodes: validation shared by the form and the bulk import, and the all-or-nothing write.
import type { Db, Tx } from "@xiangda/db";
import { NODE_OPERATORS, PICKUP_HOLD_DAYS } from "@xiangda/domain";
import {
  checkPlacement,
  coldFlags,
  parseAreaCode,
  parseBool,
  parseCold,
  parseIntField,
  parseNodeStatus,
  parseTier,
  PICKUP_CHECKS,
  type TNodeStatus,
  type TPickupCheck,
  type TNodeTier,
} from "@xiangda/domain";
import { commitPlan } from "./commit-plan.ts";
import { loadCountyContext, type CountyContext } from "./county-context.ts";
import {
  cell,
  requireColumns,
  rowIssue,
  type ImportIssue,
  type ImportOutcome,
  type ImportPlan,
  type Progress,
} from "../imports/import-types.ts";
import { aliasMap, type Table } from "../imports/read-table.ts";

export { NODE_OPERATORS, PICKUP_HOLD_DAYS };

export interface NodeFields {
  code: string;
  name: string;
  tier: TNodeTier;
  areaCode: string;
  parentCode: string | null;
  status?: TNodeStatus;
  suspendedReason?: string | null;
  crossBorderReason?: string | null;
  coldChilled?: boolean;
  coldFrozen?: boolean;
  selfPickup?: boolean;
  parcelLocker?: boolean;
  passengerStop?: boolean;
  recyclables?: boolean;
  operator?: (typeof NODE_OPERATORS)[number];
  filingNumber?: string | null;
  openingHours?: string | null;
  dailyCapacity?: number | null;
  contactName?: string | null;
  contactPhone?: string | null;
  handlingMinutes?: number;
  /// Self-pickup: how staff check who collects a parcel (Node.pickupCheck), and the days it waits before it is
  /// flagged for return (Node.pickupHoldDays).
  pickupCheck?: TPickupCheck;
  pickupHoldDays?: number;
}

/// A pickup check typed in a sheet: the code, or its Chinese wording.
const PICKUP_CHECK_ALIASES: Record<string, TPickupCheck> = {
  取件码: "CODE",
  取件码或手机尾号: "CODE_OR_PHONE",
  取件码或手机尾号或身份证: "CODE_PHONE_OR_ID",
  "取件码、手机尾号或身份证": "CODE_PHONE_OR_ID",
};

export function parsePickupCheck(raw: string): TPickupCheck | null {
  const v = raw.trim();
  const upper = v.toUpperCase().replace(/[\s-]+/g, "_");
  if ((PICKUP_CHECKS as readonly string[]).includes(upper)) return upper as TPickupCheck;
  return PICKUP_CHECK_ALIASES[v] ?? null;
}

export interface NodeItem {
  row: number;
  fields: NodeFields;
}

export const NODE_HEADER_ALIASES = aliasMap({
  code: ["编码", "节点编码"],
  name: ["名称", "节点名称"],
  tier: ["层级", "类型"],
  areaCode: ["area", "区划代码", "行政区划代码"],
  parentCode: ["parent", "上级", "上级编码"],
  cold: ["冷链", "冷库"],
  selfPickup: ["自提"],
  status: ["状态"],
  parcelLocker: ["快递柜"],
  passengerStop: ["客运站点"],
  recyclables: ["回收"],
  operator: ["运营方"],
  filingNumber: ["备案号"],
  openingHours: ["营业时间"],
  dailyCapacity: ["日处理能力"],
  contactName: ["联系人"],
  contactPhone: ["联系电话", "phone"],
  handlingMinutes: ["处理时间"],
  pickupCheck: ["取件核验", "取件方式"],
  pickupHoldDays: ["保管天数", "自提保管天数"],
  crossBorderReason: ["跨乡镇原因"],
  suspendedReason: ["暂停原因"],
});

const OPENING = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const PHONE = /^[0-9+\-\s]{5,20}$/;

/// Checks one batch of nodes against the county and each other. Issues name the column.
export function validateNodes(ctx: CountyContext, items: NodeItem[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const inBatch = new Map<string, NodeItem>();
  for (const it of items) {
    const f = it.fields;
    const at = (column: string, message: string) => issues.push({ row: it.row, column, message });
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(f.code)) at("code", "1-40 letters, digits, _ . - (starting with a letter or digit)");
    if (inBatch.has(f.code)) at("code", `code ${f.code} appears twice (row ${inBatch.get(f.code)!.row})`);
    inBatch.set(f.code, it);
    if (!f.name.trim() || f.name.length > 100) at("name", "required, at most 100 characters");
    if (f.openingHours && !OPENING.test(f.openingHours)) at("openingHours", 'like "08:00-18:00"');
    if (f.contactPhone && !PHONE.test(f.contactPhone)) at("contactPhone", "not a phone number");
    if (f.pickupHoldDays !== undefined && f.pickupHoldDays < PICKUP_HOLD_DAYS.min)
      issues.push(rowIssue(it.row, "pickupHoldDays", "NUMBER_MIN", { min: PICKUP_HOLD_DAYS.min }));
    if (f.pickupHoldDays !== undefined && f.pickupHoldDays > PICKUP_HOLD_DAYS.max)
      issues.push(rowIssue(it.row, "pickupHoldDays", "NUMBER_MAX", { max: PICKUP_HOLD_DAYS.max }));
    if (f.status === "SUSPENDED" && f.suspendedReason !== undefined && !f.suspendedReason?.trim())
      at("suspendedReason", "a suspension needs a reason");
  }
  for (const it of items) {
    const f = it.fields;
    const area = ctx.areas.get(f.areaCode);
    if (!area) {
      issues.push({ row: it.row, column: "areaCode", message: `no administrative area ${f.areaCode} in county ${ctx.countyCode}` });
      continue;
    }
    let parent = null;
    if (f.parentCode) {
      const batchParent = inBatch.get(f.parentCode);
      const dbParent = ctx.nodesByCode.get(f.parentCode);
      const p = batchParent
        ? { code: batchParent.fields.code, tier: batchParent.fields.tier, areaCode: batchParent.fields.areaCode }
        : dbParent
          ? { code: dbParent.code, tier: dbParent.tier, areaCode: dbParent.areaCode }
          : null;
      if (!p) {
        issues.push(rowIssue(it.row, "parentCode", "NO_NODE_CODE_IN_COUNTY", { code: f.parentCode, county: ctx.countyCode }));
        continue;
      }
      const pArea = ctx.areas.get(p.areaCode);
      if (pArea) parent = { code: p.code, tier: p.tier, countyCode: ctx.countyCode, area: pArea };
    }
    for (const i of checkPlacement({
      tier: f.tier,
      countyCode: ctx.countyCode,
      area,
      parent,
      crossBorderReason: f.crossBorderReason ?? null,
    })) {
      issues.push({ row: it.row, column: i.path, message: i.message, key: i.key, params: i.params });
    }
    // Changing the tier of a node with children would orphan them.
    const existing = ctx.nodesByCode.get(f.code);
    if (existing && existing.tier !== f.tier) {
      const children = [...ctx.nodesById.values()].filter((n) => n.parentId === existing.id && !inBatch.has(n.code));
      if (children.length)
        issues.push({ row: it.row, column: "tier", message: `${f.code} has ${children.length} child node(s); move them first` });
    }
  }
  return issues;
}

/// Parses the rows of a nodes file; the county comes from `countyCode` or each row's area code.
export function parseNodeRows(table: Table): { items: NodeItem[]; errors: ImportIssue[] } {
  const errors = requireColumns(table.columns, ["code", "name", "tier", "areaCode"]);
  if (errors.length) return { items: [], errors };
  const items: NodeItem[] = [];
  const has = (c: string) => table.columns.includes(c);
  for (const { row, values: v } of table.rows) {
    const before = errors.length;
    const tier = cell(errors, row, "tier", parseTier(v.tier));
    const areaCode = cell(errors, row, "areaCode", parseAreaCode(v.areaCode));
    const cold = has("cold") ? cell(errors, row, "cold", parseCold(v.cold)) : undefined;
    const status = has("status") ? cell(errors, row, "status", parseNodeStatus(v.status, "ACTIVE")) : undefined;
    const bool = (c: string) => (has(c) ? cell(errors, row, c, parseBool(v[c])) : undefined);
    const selfPickup = bool("selfPickup");
    const parcelLocker = bool("parcelLocker");
    const passengerStop = bool("passengerStop");
    const recyclables = bool("recyclables");
    const dailyCapacity = has("dailyCapacity")
      ? cell(errors, row, "dailyCapacity", parseIntField(v.dailyCapacity, { min: 0, max: 10_000_000 }))
      : undefined;
    const handlingMinutes = has("handlingMinutes")
      ? cell(errors, row, "handlingMinutes", parseIntField(v.handlingMinutes, { min: 0, max: 24 * 60, fallback: 0 }))
      : undefined;
    const pickupHoldDays = has("pickupHoldDays")
      ? cell(errors, row, "pickupHoldDays", parseIntField(v.pickupHoldDays, PICKUP_HOLD_DAYS))
      : undefined;
    let pickupCheck: TPickupCheck | undefined;
    if (has("pickupCheck") && v.pickupCheck) {
      const c = parsePickupCheck(v.pickupCheck);
      if (c) pickupCheck = c;
      else
        errors.push(
          rowIssue(row, "pickupCheck", "NOT_ONE_OF", { value: v.pickupCheck, name: "pickup check", values: PICKUP_CHECKS.join(", ") }),
        );
    }
    let operator: NodeFields["operator"];
    if (has("operator") && v.operator) {
      const op = v.operator.toUpperCase().replace(/[\s-]+/g, "_");
      if ((NODE_OPERATORS as readonly string[]).includes(op)) operator = op as NodeFields["operator"];
      else errors.push({ row, column: "operator", message: `"${v.operator}" is not one of ${NODE_OPERATORS.join(", ")}` });
    }
    if (!v.code) errors.push({ row, column: "code", message: "required" });
    if (!v.name) errors.push({ row, column: "name", message: "required" });
    if (errors.length > before || !tier || !areaCode) continue;
    const opt = (c: string) => (has(c) ? v[c] || null : undefined);
    const fields: NodeFields = {
      code: v.code!,
      name: v.name!,
      tier,
      areaCode,
      parentCode: v.parentCode || null,
      ...(status ? { status } : {}),
      ...(cold ? coldFlags(cold) : {}),
      ...(selfPickup !== undefined ? { selfPickup } : {}),
      ...(parcelLocker !== undefined ? { parcelLocker } : {}),
      ...(passengerStop !== undefined ? { passengerStop } : {}),
      ...(recyclables !== undefined ? { recyclables } : {}),
      ...(operator ? { operator } : {}),
      ...(dailyCapacity !== undefined ? { dailyCapacity } : {}),
      ...(handlingMinutes !== undefined && handlingMinutes !== null ? { handlingMinutes } : {}),
      ...(pickupCheck ? { pickupCheck } : {}),
      ...(pickupHoldDays !== undefined && pickupHoldDays !== null ? { pickupHoldDays } : {}),
    };
    for (const c of ["filingNumber", "openingHours", "contactName", "contactPhone", "crossBorderReason", "suspendedReason"] as const) {
      const val = opt(c);
      if (val !== undefined) fields[c] = val;
    }
    items.push({ row, fields });
  }
  return { items, errors };
}

const TIER_ORDER: Record<TNodeTier, number> = { COUNTY_HUB: 0, TOWNSHIP_STATION: 1, VILLAGE_POINT: 2 };

/// Upserts validated nodes by (county, code), parents before children, in the caller's transaction.
export async function writeNodes(
  tx: Tx,
  { countyCode, items, onProgress }: { countyCode: string; items: NodeItem[]; onProgress?: Progress },
): Promise<ImportOutcome> {
  const sorted = [...items].sort((a, b) => TIER_ORDER[a.fields.tier] - TIER_ORDER[b.fields.tier]);
  const ids = new Map((await tx.node.findMany({ where: { countyCode }, select: { id: true, code: true } })).map((n) => [n.code, n.id]));
  let created = 0;
  let updated = 0;
  let done = 0;
  for (const { fields: f } of sorted) {
    const { parentCode, ...rest } = f;
    const parentId = parentCode ? (ids.get(parentCode) ?? null) : null;
    const data = { ...rest, parentId, ...(f.status === "ACTIVE" ? { suspendedReason: null, suspendedUntil: null } : {}) };
    const existed = ids.has(f.code);
    const n = await tx.node.upsert({
      where: { countyCode_code: { countyCode, code: f.code } },
      create: { countyCode, ...data },
      update: data,
      select: { id: true },
    });
    ids.set(f.code, n.id);
    if (existed) updated++;
    else created++;
    if (++done % 50 === 0) onProgress?.(done, sorted.length);
  }
  onProgress?.(done, sorted.length);
  return { rows: items.length, created, updated };
}

export interface NodesPlan extends ImportPlan<NodeItem> {
  countyCode: string | null;
}

/// Dry run: parse, resolve the county, validate. Nothing is written.
export async function planNodes(db: Tx, table: Table, countyCode?: string): Promise<NodesPlan> {
  const { items, errors } = parseNodeRows(table);
  const counties = new Set(items.map((i) => i.fields.areaCode.slice(0, 6)));
  const county = countyCode ?? (counties.size === 1 ? [...counties][0]! : null);
  if (!county) {
    if (counties.size > 1)
      errors.push({
        row: 0,
        column: "areaCode",
        message: `rows span ${counties.size} counties (${[...counties].join(", ")}); import one county at a time`,
      });
    return { rows: table.rows.length, items: [], toCreate: 0, toUpdate: 0, errors, countyCode: null };
  }
  const ctx = await loadCountyContext(db, county);
  errors.push(...validateNodes(ctx, items));
  errors.sort((a, b) => a.row - b.row);
  const toUpdate = items.filter((i) => ctx.nodesByCode.has(i.fields.code)).length;
  return { rows: table.rows.length, items, toCreate: items.length - toUpdate, toUpdate, errors, countyCode: county };
}

/// All or nothing: any error and nothing is written.
export async function importNodes(db: Db, table: Table, opts: { countyCode?: string; dryRun?: boolean; onProgress?: Progress } = {}) {
  return commitPlan(db, await planNodes(db, table, opts.countyCode), opts.dryRun, {
    validate: async (_tx, ctx, items) => validateNodes(ctx, items),
    write: (tx, ctx, items) => writeNodes(tx, { countyCode: ctx.countyCode, items, onProgress: opts.onProgress }),
  });
}
