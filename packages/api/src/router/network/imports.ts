import { z } from "zod";
import { writeOutbox } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { networkImport, outboxEvent } from "@xiangda/jobs";
import { FILE_IMPORT_KINDS, IMPORT_KINDS, runFileImport } from "../../services/network/imports.ts";
import { MAX_IMPORT_BYTES } from "../../services/imports/read-table.ts";
import { countyProcedure, router } from "../../trpc.ts";

const roles = ["ADMIN", "COUNTY_MANAGER"] as const;
const ZFileSchema = z.object({
  fileName: z.string().trim().min(1, "required").max(200),
  contentBase64: z
    .string()
    .min(1, "the file is empty")
    .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, "the file is larger than 10 MB"),
});

function decode(b64: string): Buffer {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(b64)) throw AppError.at("contentBase64", "NOT_BASE64");
  return Buffer.from(b64, "base64");
}

export const importsRouter = router({
  /// Dry run: per-row errors and what would change; nothing is written.
  preview: countyProcedure
    .meta({ roles, auditTarget: (i) => `import:${(i as { kind?: string }).kind ?? "?"}` })
    .input(ZFileSchema.extend({ kind: z.enum(FILE_IMPORT_KINDS) }))
    .mutation(async ({ ctx, input }) => {
      const r = await runFileImport(
        ctx.db,
        input.kind,
        { name: input.fileName, data: decode(input.contentBase64) },
        { countyCode: input.countyCode, dryRun: true },
      );
      return { rows: r.rows, toCreate: r.toCreate, toUpdate: r.toUpdate, errors: r.errors.slice(0, 1000) };
    }),

  /// Queues the import for a worker (all or nothing); poll `get` for progress.
  start: countyProcedure
    .meta({ roles, auditTarget: (_i, o) => (o ? `import:${(o as { importId: string }).importId}` : null) })
    .input(z.object({ kind: z.enum(IMPORT_KINDS), fileName: z.string().max(200).optional(), contentBase64: z.string().optional() }))
    .mutation(async ({ ctx, input }) => {
      let content: Buffer | null = null;
      if (input.kind !== "divisions") {
        const f = ZFileSchema.parse({ fileName: input.fileName, contentBase64: input.contentBase64 });
        content = decode(f.contentBase64);
      }
      const run = await ctx.db.$transaction(async (tx) => {
        const r = await tx.importRun.create({
          data: {
            countyCode: input.countyCode,
            kind: input.kind,
            fileName: input.fileName ?? null,
            content: content ? new Uint8Array(content) : null,
            createdById: ctx.actor.userId,
          },
        });
        await writeOutbox(tx, outboxEvent(networkImport, { importId: r.id }));
        return r;
      });
      return { importId: run.id };
    }),

  get: countyProcedure
    .meta({ roles })
    .input(z.object({ importId: z.string().uuid() }))
    .query(async ({ ctx, input }) => {
      const r = await ctx.db.importRun.findFirst({ where: { id: input.importId, countyCode: input.countyCode } });
      if (!r) throw AppError.notFound("No such import in this county");
      return {
        id: r.id,
        kind: r.kind,
        status: r.status,
        total: r.total,
        done: r.done,
        errors: (r.errors ?? []) as { row: number; column: string; message: string }[],
        summary: (r.summary ?? null) as Record<string, unknown> | null,
        error: r.error,
        createdAt: r.createdAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
      };
    }),
});
