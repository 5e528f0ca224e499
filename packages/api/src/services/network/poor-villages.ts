// Poor-village (贫困村) flags: set from the UI, or from a list of codes (CSV/XLSX).
import type { Db, Tx } from "@xiangda/db";
import { parseAreaCode } from "@xiangda/domain";
import { loadCountyContext } from "./county-context.ts";
import type { ImportIssue, ImportPlan, Progress } from "../imports/import-types.ts";
import { aliasMap, type Table } from "../imports/read-table.ts";

export const POOR_HEADER_ALIASES = aliasMap({ code: ["区划代码", "村代码", "areacode", "village"], isPoor: ["poor", "贫困村"] });

export interface PoorItem {
  row: number;
  code: string;
  isPoor: boolean;
}

export async function planPoorVillages(db: Tx, table: Table, countyCode: string): Promise<ImportPlan<PoorItem>> {
  const errors: ImportIssue[] = [];
  // A file with one unnamed column is a plain list of codes.
  const codeCol = table.columns.includes("code") ? "code" : table.columns.length === 1 ? table.columns[0]! : null;
  if (!codeCol)
    return {
      rows: table.rows.length,
      items: [],
      toCreate: 0,
      toUpdate: 0,
      errors: [{ row: 1, column: "code", message: 'missing column "code"' }],
    };
  const ctx = await loadCountyContext(db, countyCode);
  const items: PoorItem[] = [];
  // A headerless list: the first "column name" is itself a code.
  const rows =
    table.columns.length === 1 && /^\d{9,12}$/.test(codeCol) ? [{ row: 1, values: { [codeCol]: codeCol } }, ...table.rows] : table.rows;
  for (const { row, values } of rows) {
    const p = parseAreaCode(values[codeCol]);
    if (!p.ok) {
      errors.push({ row, column: "code", message: p.message });
      continue;
    }
    const a = ctx.areas.get(p.value);
    if (!a || a.level !== "VILLAGE") {
      errors.push({ row, column: "code", message: `${p.value} is not a village-level unit of county ${countyCode}` });
      continue;
    }
    const flag = values.isPoor?.trim().toLowerCase();
    const isPoor = !flag || !["false", "0", "no", "否"].includes(flag);
    items.push({ row, code: p.value, isPoor });
  }
  const changed = items.filter((i) => ctx.areas.get(i.code)?.isPoor !== i.isPoor).length;
  return { rows: rows.length, items, toCreate: 0, toUpdate: changed, errors };
}

export async function setPoorVillages(
  db: Tx,
  { countyCode, codes, isPoor }: { countyCode: string; codes: string[]; isPoor: boolean },
): Promise<number> {
  const r = await db.adminArea.updateMany({ where: { countyCode, level: "VILLAGE", code: { in: codes } }, data: { isPoor } });
  return r.count;
}

export async function importPoorVillages(db: Db, table: Table, opts: { countyCode: string; dryRun?: boolean; onProgress?: Progress }) {
  const plan = await planPoorVillages(db, table, opts.countyCode);
  if (plan.errors.length || opts.dryRun) return { plan, outcome: null };
  const outcome = await db.$transaction(async (tx) => {
    const on = plan.items.filter((i) => i.isPoor).map((i) => i.code);
    const off = plan.items.filter((i) => !i.isPoor).map((i) => i.code);
    await setPoorVillages(tx, { countyCode: opts.countyCode, codes: on, isPoor: true });
    await setPoorVillages(tx, { countyCode: opts.countyCode, codes: off, isPoor: false });
    opts.onProgress?.(plan.items.length, plan.items.length);
    return { rows: plan.items.length, created: 0, updated: plan.toUpdate };
  });
  return { plan, outcome };
}
