// Vehicles of the county fleet: unified number, plate, home node, capacity, cold and energy.
import type { Db, Tx } from "@xiangda/db";
import { parseCold, parseDecimal, parseEnergy, parseIntField, type TColdClass, type TEnergy } from "@xiangda/domain";
import { commitPlan } from "./commit-plan.ts";
import { loadCountyContext, type CountyContext } from "./county-context.ts";
import { cell, requireColumns, type ImportIssue, type ImportOutcome, type ImportPlan, type Progress } from "../imports/import-types.ts";
import { countyOfNodeCodes } from "./lanes.ts";
import { aliasMap, type Table } from "../imports/read-table.ts";

export interface VehicleFields {
  number: string;
  plate: string;
  homeNodeCode: string;
  carrierCode?: string | null;
  capacityKg: number;
  capacityL: number;
  cold: TColdClass;
  energy: TEnergy;
  status?: "ACTIVE" | "MAINTENANCE" | "RETIRED";
}

export interface VehicleItem {
  row: number;
  fields: VehicleFields;
}

export const VEHICLE_HEADER_ALIASES = aliasMap({
  number: ["统一编号", "编号", "unifiednumber"],
  plate: ["车牌", "车牌号"],
  homeNode: ["homenodecode", "所属节点", "home"],
  capacityKg: ["载重", "capacity_kg", "kg"],
  capacityM3: ["容积", "capacity_m3", "m3"],
  cold: ["冷链", "冷藏"],
  energy: ["能源", "能源类型"],
  carrier: ["carriercode", "承运商"],
  status: ["状态"],
});

/// Chinese plates: a province character, a letter, then 5 (fuel) or 6 (new energy) letters/digits.
const PLATE = /^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/;

export function validateVehicles(ctx: CountyContext, carriers: Set<string>, items: VehicleItem[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const numbers = new Map<string, number>();
  const plates = new Map<string, number>();
  for (const { row, fields: f } of items) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(f.number)) issues.push({ row, column: "number", message: "1-40 letters, digits, _ . -" });
    if (numbers.has(f.number))
      issues.push({ row, column: "number", message: `number ${f.number} appears twice (row ${numbers.get(f.number)})` });
    numbers.set(f.number, row);
    if (!PLATE.test(f.plate)) issues.push({ row, column: "plate", message: `"${f.plate}" is not a plate like 辽H12345 or 辽HD12345` });
    if (plates.has(f.plate)) issues.push({ row, column: "plate", message: `plate ${f.plate} appears twice (row ${plates.get(f.plate)})` });
    plates.set(f.plate, row);
    if (!ctx.nodesByCode.has(f.homeNodeCode))
      issues.push({ row, column: "homeNode", message: `no node ${f.homeNodeCode} in county ${ctx.countyCode}` });
    if (f.carrierCode && !carriers.has(f.carrierCode)) issues.push({ row, column: "carrier", message: `no carrier ${f.carrierCode}` });
  }
  return issues;
}

export function parseVehicleRows(table: Table): { items: VehicleItem[]; errors: ImportIssue[] } {
  const errors = requireColumns(table.columns, ["number", "plate", "homeNode", "capacityKg", "capacityM3"]);
  if (errors.length) return { items: [], errors };
  const items: VehicleItem[] = [];
  for (const { row, values: v } of table.rows) {
    const before = errors.length;
    if (!v.number) errors.push({ row, column: "number", message: "required" });
    if (!v.plate) errors.push({ row, column: "plate", message: "required" });
    if (!v.homeNode) errors.push({ row, column: "homeNode", message: "required" });
    const kg = cell(errors, row, "capacityKg", parseIntField(v.capacityKg, { min: 1, max: 100_000, required: true }));
    const m3 = cell(errors, row, "capacityM3", parseDecimal(v.capacityM3, { min: 0.01, max: 500, required: true }));
    const cold = cell(errors, row, "cold", parseCold(v.cold));
    const energy = cell(errors, row, "energy", parseEnergy(v.energy, "FUEL"));
    let status: VehicleFields["status"];
    if (v.status) {
      const s = v.status.trim().toUpperCase();
      if (s === "ACTIVE" || s === "MAINTENANCE" || s === "RETIRED") status = s;
      else errors.push({ row, column: "status", message: `"${v.status}" is not ACTIVE, MAINTENANCE or RETIRED` });
    }
    if (errors.length > before || kg == null || m3 == null || !cold || !energy) continue;
    items.push({
      row,
      fields: {
        number: v.number!,
        plate: v.plate!.toUpperCase().replace(/\s+/g, ""),
        homeNodeCode: v.homeNode!,
        carrierCode: v.carrier || null,
        capacityKg: kg,
        capacityL: Math.round(m3 * 1000),
        cold,
        energy,
        ...(status ? { status } : {}),
      },
    });
  }
  return { items, errors };
}

export async function writeVehicles(
  tx: Tx,
  { ctx, items, onProgress }: { ctx: CountyContext; items: VehicleItem[]; onProgress?: Progress },
): Promise<ImportOutcome> {
  const carriers = new Map((await tx.carrier.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]));
  const existing = new Set(
    (await tx.vehicle.findMany({ where: { countyCode: ctx.countyCode }, select: { number: true } })).map((v) => v.number),
  );
  let created = 0;
  let done = 0;
  for (const { fields: f } of items) {
    const data = {
      plate: f.plate,
      homeNodeId: ctx.nodesByCode.get(f.homeNodeCode)!.id,
      carrierId: f.carrierCode ? (carriers.get(f.carrierCode) ?? null) : null,
      capacityKg: f.capacityKg,
      capacityL: f.capacityL,
      cold: f.cold,
      energy: f.energy,
      ...(f.status ? { status: f.status } : {}),
    };
    await tx.vehicle.upsert({
      where: { countyCode_number: { countyCode: ctx.countyCode, number: f.number } },
      create: { countyCode: ctx.countyCode, number: f.number, ...data },
      update: data,
    });
    if (!existing.has(f.number)) created++;
    if (++done % 50 === 0) onProgress?.(done, items.length);
  }
  onProgress?.(done, items.length);
  return { rows: items.length, created, updated: items.length - created };
}

export interface VehiclesPlan extends ImportPlan<VehicleItem> {
  countyCode: string | null;
}

export async function planVehicles(db: Tx, table: Table, countyCode?: string): Promise<VehiclesPlan> {
  const { items, errors } = parseVehicleRows(table);
  let county = countyCode ?? null;
  if (!county && items.length) {
    const c = await countyOfNodeCodes(
      db,
      items.map((i) => i.fields.homeNodeCode),
    );
    if (typeof c === "string") county = c;
    else errors.push({ ...c, column: "homeNode" });
  }
  if (!county) return { rows: table.rows.length, items: [], toCreate: 0, toUpdate: 0, errors, countyCode: null };
  const ctx = await loadCountyContext(db, county);
  const carriers = new Set((await db.carrier.findMany({ select: { code: true } })).map((c) => c.code));
  errors.push(...validateVehicles(ctx, carriers, items));
  // A plate already used by another vehicle number in this county.
  const byPlate = new Map(
    (await db.vehicle.findMany({ where: { countyCode: county }, select: { number: true, plate: true } })).map((v) => [v.plate, v.number]),
  );
  for (const { row, fields: f } of items) {
    const owner = byPlate.get(f.plate);
    if (owner && owner !== f.number) errors.push({ row, column: "plate", message: `plate ${f.plate} belongs to vehicle ${owner}` });
  }
  errors.sort((a, b) => a.row - b.row);
  const existing = new Set(byPlate.values());
  const toUpdate = items.filter((i) => existing.has(i.fields.number)).length;
  return { rows: table.rows.length, items, toCreate: items.length - toUpdate, toUpdate, errors, countyCode: county };
}

export async function importVehicles(db: Db, table: Table, opts: { countyCode?: string; dryRun?: boolean; onProgress?: Progress } = {}) {
  return commitPlan(db, await planVehicles(db, table, opts.countyCode), opts.dryRun, {
    validate: async (tx, ctx, items) =>
      validateVehicles(ctx, new Set((await tx.carrier.findMany({ select: { code: true } })).map((c) => c.code)), items),
    write: (tx, ctx, items) => writeVehicles(tx, { ctx, items, onProgress: opts.onProgress }),
  });
}
