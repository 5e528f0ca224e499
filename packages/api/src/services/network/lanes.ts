// Lanes: scheduled directed links between nodes. Validation shared by the form and the import.
import { randomUUID } from "node:crypto";
import { writeOutbox, type Db, type Tx } from "@xiangda/db";
import { consolidationSyncSchedulers, outboxEvent } from "@xiangda/jobs";
import { checkLane, parseBool, parseDepartures, parseIntField, parseLaneMode, parseWeekdays, type TLaneMode } from "@xiangda/domain";
import { commitPlan } from "./commit-plan.ts";
import { loadCountyContext, type CountyContext } from "./county-context.ts";
import { cell, requireColumns, type ImportIssue, type ImportOutcome, type ImportPlan, type Progress } from "../imports/import-types.ts";
import { aliasMap, type Table } from "../imports/read-table.ts";

export interface LaneFields {
  code: string;
  fromCode: string;
  toCode: string;
  mode: TLaneMode;
  directReason?: string | null;
  departures: string[];
  weekdays: number[];
  cutoffMinutes: number;
  transitMinutes: number;
  cold: boolean;
  stopAreaCodes?: string[];
  status?: "ACTIVE" | "SUSPENDED";
}

export interface LaneItem {
  row: number;
  fields: LaneFields;
}

export const LANE_HEADER_ALIASES = aliasMap({
  code: ["编码", "线路编码"],
  from: ["fromcode", "起点", "from node"],
  to: ["tocode", "终点", "to node"],
  mode: ["方式", "类型"],
  departures: ["发车时间", "departure"],
  weekdays: ["运行日", "days"],
  cutoffMinutes: ["cutoff", "截单分钟"],
  transitMinutes: ["transit", "在途分钟"],
  cold: ["冷链"],
  directReason: ["直达原因", "reason"],
  stops: ["stopareacodes", "停靠村"],
  status: ["状态"],
});

export function validateLanes(ctx: CountyContext, items: LaneItem[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const { row, fields: f } of items) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/.test(f.code)) issues.push({ row, column: "code", message: "1-60 letters, digits, _ . -" });
    if (seen.has(f.code)) issues.push({ row, column: "code", message: `code ${f.code} appears twice (row ${seen.get(f.code)})` });
    seen.set(f.code, row);
    const from = ctx.nodesByCode.get(f.fromCode);
    const to = ctx.nodesByCode.get(f.toCode);
    if (!from) issues.push({ row, column: "from", message: `no node ${f.fromCode} in county ${ctx.countyCode}` });
    if (!to) issues.push({ row, column: "to", message: `no node ${f.toCode} in county ${ctx.countyCode}` });
    if (f.cutoffMinutes >= 24 * 60) issues.push({ row, column: "cutoffMinutes", message: "must be less than a day" });
    if (f.transitMinutes > 7 * 24 * 60) issues.push({ row, column: "transitMinutes", message: "must be at most a week" });
    for (const s of f.stopAreaCodes ?? []) {
      const a = ctx.areas.get(s);
      if (!a || a.level !== "VILLAGE")
        issues.push({ row, column: "stops", message: `${s} is not a village-level unit of county ${ctx.countyCode}` });
    }
    if ((f.stopAreaCodes?.length ?? 0) > 0 && f.mode !== "MILK_RUN")
      issues.push({ row, column: "stops", message: "only a MILK_RUN lane has village stops" });
    if (!from || !to) continue;
    const lane = checkLane({
      mode: f.mode,
      from: { code: from.code, tier: from.tier, countyCode: ctx.countyCode },
      to: { code: to.code, tier: to.tier, countyCode: ctx.countyCode },
      directReason: f.directReason ?? null,
      departures: f.departures,
      weekdays: f.weekdays,
      cutoffMinutes: f.cutoffMinutes,
      transitMinutes: f.transitMinutes,
    });
    for (const i of lane) issues.push({ row, column: i.path, message: i.message, key: i.key, params: i.params });
  }
  return issues;
}

export function parseLaneRows(table: Table): { items: LaneItem[]; errors: ImportIssue[] } {
  const errors = requireColumns(table.columns, ["code", "from", "to", "mode", "departures", "transitMinutes"]);
  if (errors.length) return { items: [], errors };
  const items: LaneItem[] = [];
  for (const { row, values: v } of table.rows) {
    const before = errors.length;
    if (!v.code) errors.push({ row, column: "code", message: "required" });
    if (!v.from) errors.push({ row, column: "from", message: "required" });
    if (!v.to) errors.push({ row, column: "to", message: "required" });
    const mode = cell(errors, row, "mode", parseLaneMode(v.mode));
    const departures = cell(errors, row, "departures", parseDepartures(v.departures));
    const weekdays = cell(errors, row, "weekdays", parseWeekdays(v.weekdays));
    const cutoff = cell(errors, row, "cutoffMinutes", parseIntField(v.cutoffMinutes, { min: 0, fallback: 0 }));
    const transit = cell(errors, row, "transitMinutes", parseIntField(v.transitMinutes, { min: 1, required: true }));
    const cold = cell(errors, row, "cold", parseBool(v.cold));
    let status: LaneFields["status"];
    if (v.status) {
      const s = v.status.trim().toUpperCase();
      if (s === "ACTIVE" || s === "SUSPENDED") status = s;
      else errors.push({ row, column: "status", message: `"${v.status}" is not ACTIVE or SUSPENDED` });
    }
    const stops = (v.stops ?? "").split(/[;,、\s]+/).filter(Boolean);
    if (errors.length > before || !mode || !departures || !weekdays || cutoff == null || transit == null || cold === undefined) continue;
    items.push({
      row,
      fields: {
        code: v.code!,
        fromCode: v.from!,
        toCode: v.to!,
        mode,
        directReason: v.directReason || null,
        departures,
        weekdays,
        cutoffMinutes: cutoff,
        transitMinutes: transit,
        cold,
        stopAreaCodes: stops,
        ...(status ? { status } : {}),
      },
    });
  }
  return { items, errors };
}

/// The county whose nodes the codes name; an error when that is not one county.
export async function countyOfNodeCodes(db: Tx, codes: string[]): Promise<string | ImportIssue> {
  const found = await db.node.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { code: true, countyCode: true } });
  const counties = new Set(found.map((n) => n.countyCode));
  if (counties.size === 1) return [...counties][0]!;
  if (counties.size === 0) return { row: 0, column: "from", message: "none of the node codes exist; import the nodes first" };
  return { row: 0, column: "from", message: `the node codes exist in several counties (${[...counties].join(", ")}); give the county` };
}

export async function writeLanes(
  tx: Tx,
  { ctx, items, onProgress }: { ctx: CountyContext; items: LaneItem[]; onProgress?: Progress },
): Promise<ImportOutcome> {
  const existing = new Set((await tx.lane.findMany({ where: { countyCode: ctx.countyCode }, select: { code: true } })).map((l) => l.code));
  let created = 0;
  let done = 0;
  for (const { fields: f } of items) {
    const data = {
      fromNodeId: ctx.nodesByCode.get(f.fromCode)!.id,
      toNodeId: ctx.nodesByCode.get(f.toCode)!.id,
      mode: f.mode,
      directReason: f.mode === "DIRECT" ? (f.directReason ?? null) : null,
      departures: f.departures,
      weekdays: f.weekdays,
      cutoffMinutes: f.cutoffMinutes,
      transitMinutes: f.transitMinutes,
      cold: f.cold,
      stopAreaCodes: f.stopAreaCodes ?? [],
      ...(f.status ? { status: f.status, ...(f.status === "ACTIVE" ? { suspendedReason: null } : {}) } : {}),
    };
    await tx.lane.upsert({
      where: { countyCode_code: { countyCode: ctx.countyCode, code: f.code } },
      create: { countyCode: ctx.countyCode, code: f.code, ...data },
      update: data,
    });
    if (!existing.has(f.code)) created++;
    if (++done % 50 === 0) onProgress?.(done, items.length);
  }
  onProgress?.(done, items.length);
  // Seal schedulers follow the timetables: one sync per write (keyed by the county and this change).
  if (items.length) await writeOutbox(tx, outboxEvent(consolidationSyncSchedulers, { key: `lanes-${ctx.countyCode}-${randomUUID()}` }));
  return { rows: items.length, created, updated: items.length - created };
}

export interface LanesPlan extends ImportPlan<LaneItem> {
  countyCode: string | null;
}

export async function planLanes(db: Tx, table: Table, countyCode?: string): Promise<LanesPlan> {
  const { items, errors } = parseLaneRows(table);
  let county = countyCode ?? null;
  if (!county && items.length) {
    const c = await countyOfNodeCodes(
      db,
      items.flatMap((i) => [i.fields.fromCode, i.fields.toCode]),
    );
    if (typeof c === "string") county = c;
    else errors.push(c);
  }
  if (!county) return { rows: table.rows.length, items: [], toCreate: 0, toUpdate: 0, errors, countyCode: null };
  const ctx = await loadCountyContext(db, county);
  errors.push(...validateLanes(ctx, items));
  errors.sort((a, b) => a.row - b.row);
  const existing = new Set((await db.lane.findMany({ where: { countyCode: county }, select: { code: true } })).map((l) => l.code));
  const toUpdate = items.filter((i) => existing.has(i.fields.code)).length;
  return { rows: table.rows.length, items, toCreate: items.length - toUpdate, toUpdate, errors, countyCode: county };
}

export async function importLanes(db: Db, table: Table, opts: { countyCode?: string; dryRun?: boolean; onProgress?: Progress } = {}) {
  return commitPlan(db, await planLanes(db, table, opts.countyCode), opts.dryRun, {
    validate: async (_tx, ctx, items) => validateLanes(ctx, items),
    write: (tx, ctx, items) => writeLanes(tx, { ctx, items, onProgress: opts.onProgress }),
  });
}
