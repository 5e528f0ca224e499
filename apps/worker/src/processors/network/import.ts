import { executeImportRun } from "@xiangda/api";
import { networkImport, parsePayload } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// Runs the import to its end; a retry after a crash re-runs it (the write is all or nothing).
export const processNetworkImport: Processor = async (job, deps) => {
  const p = parsePayload(networkImport, job.data);
  await executeImportRun(deps.db, p.importId);
  const run = await deps.db.importRun.findUnique({ where: { id: p.importId }, select: { status: true } });
  return { status: run?.status ?? "MISSING" };
};
