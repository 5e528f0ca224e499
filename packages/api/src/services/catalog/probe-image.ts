// What an uploaded file really is: JPEG, PNG or WebP by its magic bytes (never the declared type),
// and its pixel size read from the header by image-size, which also rejects truncated headers.
import { issueAt, type FieldIssue, type TErrorKey, type TErrorParamValue } from "@xiangda/domain";
import { imageSize } from "image-size";

export const IMAGE_TYPES = {
  jpeg: { contentType: "image/jpeg", ext: "jpg" },
  png: { contentType: "image/png", ext: "png" },
  webp: { contentType: "image/webp", ext: "webp" },
} as const;
export type TImageKind = keyof typeof IMAGE_TYPES;

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 10_000;

export type ProbeResult =
  { ok: true; kind: TImageKind; contentType: string; ext: string; width: number; height: number } | { ok: false; message: string; key: TErrorKey; params: Record<string, TErrorParamValue> };

const bad = (i: FieldIssue): ProbeResult => ({ ok: false, message: i.message, key: i.key!, params: i.params ?? {} });

function magic(b: Uint8Array): TImageKind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((x, i) => b[i] === x)) return "png";
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 16 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/// The header every file of the kind must hold in full before its size can be read: PNG's signature and
/// IHDR chunk (33 bytes), WebP's RIFF header, first chunk header and its 10 size bytes (30 bytes) and as many
/// bytes as the RIFF header declares. (JPEG's markers are walked by image-size, which fails on a short file.)
function headerComplete(kind: TImageKind, b: Uint8Array): boolean {
  if (kind === "png") return b.length >= 33;
  if (kind === "webp") return b.length >= 30 && new DataView(b.buffer, b.byteOffset, b.length).getUint32(4, true) + 8 <= b.length;
  return true;
}

export function probeImage(bytes: Uint8Array): ProbeResult {
  const kind = magic(bytes);
  if (!kind) return bad(issueAt("image", "IMAGE_NOT_IMAGE"));
  if (!headerComplete(kind, bytes)) return bad(issueAt("image", "IMAGE_DAMAGED", { kind: kind.toUpperCase() }));
  let size: { width: number; height: number; type?: string };
  try {
    // A copy with a buffer of its own: image-size reads through a DataView on `bytes.buffer`, which for a
    // small Node Buffer is the shared pool, so a truncated header would be "completed" by whatever lies after it.
    size = imageSize(new Uint8Array(bytes));
  } catch {
    return bad(issueAt("image", "IMAGE_DAMAGED", { kind: kind.toUpperCase() }));
  }
  // image-size detects by its own rules; both must agree or the file is a polyglot.
  if (size.type !== (kind === "jpeg" ? "jpg" : kind)) return bad(issueAt("image", "IMAGE_NOT_IMAGE"));
  if (!(size.width > 0 && size.height > 0)) return bad(issueAt("image", "IMAGE_NO_SIZE"));
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE)
    return bad(issueAt("image", "IMAGE_TOO_LARGE_SIDE", { max: MAX_IMAGE_SIDE, width: size.width, height: size.height }));
  return { ok: true, kind, ...IMAGE_TYPES[kind], width: size.width, height: size.height };
}
