// The upload of a file to import: its name and its bytes as base64, one schema for every import's procedure.
import { z } from "zod";
import { AppError } from "@xiangda/domain";
import { MAX_IMPORT_BYTES } from "./read-table.ts";

/// What base64 (with line breaks) may hold; anything else is not an encoded file.
const BASE64_TEXT = /^[A-Za-z0-9+/=\s]+$/;

/// The base64 length of `bytes` bytes: 4 characters per 3 bytes, a little over for padding and line breaks.
export function base64Chars(bytes: number): number {
  return Math.ceil((bytes * 4) / 3) + 4;
}

export interface UploadSchemaOptions {
  /// The longest contentBase64 in characters; by default MAX_IMPORT_BYTES' worth.
  maxChars?: number;
  /// The English messages of the checks. Without them zod's own (the manifest upload's, unchanged); each caller's
  /// messages are what its API clients already read.
  messages?: { required: string; empty: string; tooBig: string };
  /// Checks the characters in the schema, with this message. Without it the caller decodes with `decodeUpload`
  /// (NOT_BASE64 after the other checks) or, for manifests, as before, not at all.
  notBase64?: string;
}

/// `{ fileName, contentBase64 }`, checked in this order: name, empty, size, characters.
export function uploadSchema(opts: UploadSchemaOptions = {}) {
  const m = opts.messages;
  let content = z
    .string()
    .min(1, m?.empty)
    .max(opts.maxChars ?? base64Chars(MAX_IMPORT_BYTES), m?.tooBig);
  if (opts.notBase64 !== undefined) content = content.regex(BASE64_TEXT, opts.notBase64);
  return z.object({ fileName: z.string().trim().min(1, m?.required).max(200), contentBase64: content });
}

/// A network import's file: at most MAX_IMPORT_BYTES (10 MB), its characters checked by `decodeUpload`.
export const ZUploadSchema = uploadSchema({
  messages: { required: "required", empty: "the file is empty", tooBig: "the file is larger than 10 MB" },
});

/// The bytes of a base64 upload; anything but base64 characters is NOT_BASE64 on `contentBase64`.
export function decodeUpload(b64: string): Buffer {
  if (!BASE64_TEXT.test(b64)) throw AppError.at("contentBase64", "NOT_BASE64");
  return Buffer.from(b64, "base64");
}
