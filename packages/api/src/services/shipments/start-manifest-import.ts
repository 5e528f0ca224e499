// An arrival manifest queued for the worker, with progress: poll `network.imports.get` with the returned id.
import type { Db } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { startImportRun } from "../imports/start-import-run.ts";

export async function startManifestImport(
  db: Db,
  input: { actor: Actor; countyCode: string; carrierCode: string; fileName: string; contentBase64: string },
) {
  const carrier = await db.carrier.findUnique({ where: { code: input.carrierCode } });
  if (!carrier) throw AppError.at("carrierCode", "NO_CARRIER", { carrier: input.carrierCode });
  const importId = await startImportRun(db, {
    countyCode: input.countyCode,
    kind: "manifest",
    params: { carrierCode: input.carrierCode },
    fileName: input.fileName,
    content: Buffer.from(input.contentBase64, "base64"),
    createdById: input.actor.userId,
  });
  return { importId };
}
