// One entry point for every network import: preview (dry run) and run, by kind.
import type { Db, Prisma } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { importDivisions } from "../areas/import-divisions.ts";
import { importManifest } from "../shipments/import-manifest.ts";
import type { ImportIssue, Progress } from "../imports/import-types.ts";
import { importLanes, LANE_HEADER_ALIASES } from "./lanes.ts";
import { importNodes, NODE_HEADER_ALIASES } from "./nodes.ts";
import { importPoorVillages, POOR_HEADER_ALIASES } from "./poor-villages.ts";
import { readTable } from "../imports/read-table.ts";
import { importVehicles, VEHICLE_HEADER_ALIASES } from "./vehicles.ts";

export const FILE_IMPORT_KINDS = ["nodes", "lanes", "vehicles", "poor"] as const;
export const IMPORT_KINDS = [...FILE_IMPORT_KINDS, "divisions"] as const;
export type FileImportKind = (typeof FILE_IMPORT_KINDS)[number];
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportResult {
  countyCode: string | null;
  rows: number;
  toCreate: number;
  toUpdate: number;
  errors: ImportIssue[];
  /// Set when the import was written (not a dry run, no errors).
  written: { created: number; updated: number } | null;
}

const ALIASES: Record<FileImportKind, Record<string, string>> = {
  nodes: NODE_HEADER_ALIASES,
  lanes: LANE_HEADER_ALIASES,
  vehicles: VEHICLE_HEADER_ALIASES,
  poor: POOR_HEADER_ALIASES,
};

/// Parses and validates a file; writes it all in one transaction unless `dryRun` or any row is bad.
export async function runFileImport(
  db: Db,
  {
    kind,
    file,
    ...opts
  }: { kind: FileImportKind; file: { name: string; data: Buffer }; countyCode?: string; dryRun?: boolean; onProgress?: Progress },
): Promise<ImportResult> {
  const table = await readTable(file.name, file.data, ALIASES[kind]);
  if (kind === "poor" && !opts.countyCode) throw AppError.at("county", "POOR_LIST_NEEDS_COUNTY");
  const r =
    kind === "nodes"
      ? await importNodes(db, table, opts)
      : kind === "lanes"
        ? await importLanes(db, table, opts)
        : kind === "vehicles"
          ? await importVehicles(db, table, opts)
          : await importPoorVillages(db, table, { ...opts, countyCode: opts.countyCode! });
  const plan = r.plan as { rows: number; toCreate: number; toUpdate: number; errors: ImportIssue[]; countyCode?: string | null };
  if (opts.countyCode && plan.countyCode && plan.countyCode !== opts.countyCode) {
    throw AppError.at("countyCode", "FILE_FOR_OTHER_COUNTY", { county: plan.countyCode });
  }
  return {
    countyCode: plan.countyCode ?? opts.countyCode ?? null,
    rows: plan.rows,
    toCreate: plan.toCreate,
    toUpdate: plan.toUpdate,
    errors: plan.errors,
    written: r.outcome ? { created: r.outcome.created, updated: r.outcome.updated } : null,
  };
}

/// Runs a queued ImportRun to its end, recording progress; safe to run again after a crash.
export async function executeImportRun(db: Db, importId: string): Promise<void> {
  const run = await db.importRun.findUnique({ where: { id: importId } });
  if (!run || run.status === "DONE" || run.status === "FAILED") return;
  await db.importRun.update({ where: { id: run.id }, data: { status: "RUNNING", done: 0 } });
  let last = 0;
  let seenTotal = 0;
  const onProgress: Progress = (done, total) => {
    seenTotal = Math.max(seenTotal, total);
    const now = Date.now();
    if (now - last < 250 && done < total) return;
    last = now;
    void db.importRun.update({ where: { id: run.id }, data: { done, total } }).catch(() => undefined);
  };
  try {
    let summary: Prisma.InputJsonValue;
    let errors: ImportIssue[] = [];
    if (run.kind === "manifest") {
      const carrierCode = (run.params as { carrierCode?: string } | null)?.carrierCode ?? "";
      if (!run.content) throw new Error(`import ${run.id} has no file`);
      const r = await importManifest(db, {
        countyCode: run.countyCode,
        carrierCode,
        fileName: run.fileName ?? "manifest.csv",
        data: Buffer.from(run.content),
        actor: null,
        now: new Date(),
        onProgress,
      });
      errors = [];
      summary = {
        rows: r.rows,
        created: r.created,
        skippedExisting: r.skippedExisting,
        routeFailures: r.routeFailures,
        errors: r.errors.slice(0, 1000),
        unresolved: r.unresolved.slice(0, 1000),
      } as unknown as Prisma.InputJsonValue;
      seenTotal = Math.max(seenTotal, r.created);
    } else if (run.kind === "divisions") {
      const r = await importDivisions(db, run.countyCode, onProgress);
      summary = { ...r, renamed: r.renamed.slice(0, 200), removed: r.removed.slice(0, 200) };
    } else {
      if (!run.content || !(FILE_IMPORT_KINDS as readonly string[]).includes(run.kind))
        throw new Error(`import ${run.id} has no file or an unknown kind`);
      const r = await runFileImport(db, {
        kind: run.kind as FileImportKind,
        file: { name: run.fileName ?? "upload.csv", data: Buffer.from(run.content) },
        countyCode: run.countyCode,
        onProgress,
      });
      errors = r.errors;
      summary = { rows: r.rows, created: r.written?.created ?? 0, updated: r.written?.updated ?? 0 };
    }
    await db.importRun.update({
      where: { id: run.id },
      data: {
        status: errors.length ? "FAILED" : "DONE",
        errors: errors as unknown as Prisma.InputJsonValue,
        summary,
        error: errors.length ? `${errors.length} row error(s); nothing was imported` : null,
        content: null,
        finishedAt: new Date(),
        ...(errors.length ? {} : { done: seenTotal, total: seenTotal }),
      },
    });
  } catch (e) {
    const message = e instanceof AppError ? e.message : e instanceof Error ? e.message : String(e);
    await db.importRun.update({ where: { id: run.id }, data: { status: "FAILED", error: message, content: null, finishedAt: new Date() } });
  }
}
