import { z } from "zod";
import { getImportRun } from "../../services/imports/get-import-run.ts";
import { startImportRun } from "../../services/imports/start-import-run.ts";
import { decodeUpload, ZUploadSchema } from "../../services/imports/upload.ts";
import { FILE_IMPORT_KINDS, IMPORT_KINDS, runFileImport } from "../../services/network/imports.ts";
import { countyProcedure, router } from "../../trpc.ts";

export const importsRouter = router({
  /// Dry run: per-row errors and what would change; nothing is written.
  preview: countyProcedure
    .meta({ auditTarget: (i) => `import:${(i as { kind?: string }).kind ?? "?"}` })
    .input(ZUploadSchema.extend({ kind: z.enum(FILE_IMPORT_KINDS) }))
    .mutation(async ({ ctx, input }) => {
      const r = await runFileImport(ctx.db, {
        kind: input.kind,
        file: { name: input.fileName, data: decodeUpload(input.contentBase64) },
        countyCode: input.countyCode,
        dryRun: true,
      });
      return { rows: r.rows, toCreate: r.toCreate, toUpdate: r.toUpdate, errors: r.errors.slice(0, 1000) };
    }),

  /// Queues the import for a worker (all or nothing); poll `get` for progress.
  start: countyProcedure
    .meta({ auditTarget: (_i, o) => (o ? `import:${(o as { importId: string }).importId}` : null) })
    .input(z.object({ kind: z.enum(IMPORT_KINDS), fileName: z.string().max(200).optional(), contentBase64: z.string().optional() }))
    .mutation(async ({ ctx, input }) => {
      let content: Buffer | null = null;
      if (input.kind !== "divisions") {
        const f = ZUploadSchema.parse({ fileName: input.fileName, contentBase64: input.contentBase64 });
        content = decodeUpload(f.contentBase64);
      }
      const importId = await startImportRun(ctx.db, {
        countyCode: input.countyCode,
        kind: input.kind,
        fileName: input.fileName ?? null,
        content,
        createdById: ctx.actor.userId,
      });
      return { importId };
    }),

  get: countyProcedure.input(z.object({ importId: z.string().uuid() })).query(({ ctx, input }) => getImportRun(ctx.db, input)),
});
