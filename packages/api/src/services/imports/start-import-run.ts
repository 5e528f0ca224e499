// An import queued for the worker: its ImportRun and the outbox event that starts it, in one transaction.
import { writeOutbox, type Db } from "@xiangda/db";
import { networkImport, outboxEvent } from "@xiangda/jobs";

export interface StartImportRun {
  countyCode: string;
  kind: string;
  params?: Record<string, string>;
  fileName: string | null;
  content: Buffer | null;
  createdById: string | null;
}

/// Creates the run and its `networkImport` job together (a run is never left without its job); returns the run's id
/// for polling `network.imports.get`.
export async function startImportRun(db: Db, run: StartImportRun): Promise<string> {
  return db.$transaction(async (tx) => {
    const r = await tx.importRun.create({
      data: {
        countyCode: run.countyCode,
        kind: run.kind,
        ...(run.params ? { params: run.params } : {}),
        fileName: run.fileName,
        content: run.content ? new Uint8Array(run.content) : null,
        createdById: run.createdById,
      },
    });
    await writeOutbox(tx, outboxEvent(networkImport, { importId: r.id }));
    return r.id;
  });
}
