// Product images: validated by their bytes, stored under a random key, served by that key.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@xiangda/db";
import { AppError, issueAt, type Actor, type TProductImage } from "@xiangda/domain";
import { MAX_IMAGE_BYTES, probeImage } from "./probe-image.ts";
import { findMerchantProduct, imageView } from "./products.ts";
import type { BlobStorage } from "./storage.ts";

export const MAX_IMAGES_PER_PRODUCT = 10;
/// 128 random bits in hex and the type's extension, e.g. "9f…3c.jpg".
export const IMAGE_KEY_PATTERN = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const tooBig = () => AppError.at("image", "IMAGE_TOO_BIG", { mb: MAX_IMAGE_BYTES / 1024 / 1024 });

/// The bytes of a base64 upload (a data: URL prefix and line breaks allowed).
export function decodeUpload(contentBase64: string): Buffer {
  const body = contentBase64.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  // Checked before decoding so an oversized upload costs no copy.
  if (Math.floor((body.length * 3) / 4) - 2 > MAX_IMAGE_BYTES) throw tooBig();
  if (!BASE64.test(body) || body.length % 4 === 1) throw AppError.at("image", "IMAGE_NOT_BASE64");
  const bytes = Buffer.from(body, "base64");
  if (bytes.length === 0) throw AppError.at("image", "IMAGE_EMPTY");
  if (bytes.length > MAX_IMAGE_BYTES) throw tooBig();
  return bytes;
}

export async function addProductImage(
  db: Db,
  { storage, actor, merchantId, ...input }: { storage: BlobStorage; actor: Actor; merchantId: string } & TProductImage,
) {
  const product = await findMerchantProduct(db, actor, merchantId, input.productId);
  const bytes = decodeUpload(input.contentBase64);
  const probe = probeImage(bytes);
  if (!probe.ok) throw AppError.at("image", probe.key, probe.params as never);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // The same picture twice is one image: uploading again returns it.
  const same = await db.productImage.findUnique({ where: { productId_sha256: { productId: product.id, sha256 } } });
  if (same) return imageView(same);
  const agg = await db.productImage.aggregate({ where: { productId: product.id }, _count: true, _max: { position: true } });
  if (agg._count >= MAX_IMAGES_PER_PRODUCT) throw AppError.at("image", "IMAGE_TOO_MANY", { max: MAX_IMAGES_PER_PRODUCT });
  const storageKey = `${randomBytes(16).toString("hex")}.${probe.ext}`;
  await storage.put(storageKey, bytes, probe.contentType);
  try {
    const row = await db.productImage.create({
      data: {
        productId: product.id,
        storageKey,
        contentType: probe.contentType,
        sizeBytes: bytes.length,
        width: probe.width,
        height: probe.height,
        sha256,
        position: (agg._max.position ?? -1) + 1,
      },
    });
    return imageView(row);
  } catch (e) {
    await storage.delete(storageKey);
    // A concurrent upload of the same picture won the race: answer with it.
    if ((e as { code?: string }).code === "P2002") {
      const winner = await db.productImage.findUnique({ where: { productId_sha256: { productId: product.id, sha256 } } });
      if (winner) return imageView(winner);
    }
    throw e;
  }
}

export async function removeProductImage(
  db: Db,
  { storage, actor, merchantId, imageId }: { storage: BlobStorage; actor: Actor; merchantId: string; imageId: string },
) {
  const image = await db.productImage.findUnique({ where: { id: imageId }, include: { product: { select: { merchantId: true } } } });
  if (!image || image.product.merchantId !== merchantId) {
    if (actor.role === "ADMIN") throw AppError.notFound("No such image of this merchant", { issues: [issueAt("imageId", "NOT_FOUND")] });
    throw AppError.forbidden("No access to this image");
  }
  await db.productImage.delete({ where: { id: image.id } });
  // The row is gone first: a failed file delete leaves an orphan file, never a broken image.
  await storage.delete(image.storageKey);
  return { id: image.id, productId: image.productId };
}

/// An image to serve by its key, or null (unknown key, removed image, missing file).
export async function findImage(db: Db, { storage, key }: { storage: BlobStorage; key: string }) {
  if (!IMAGE_KEY_PATTERN.test(key)) return null;
  const row = await db.productImage.findUnique({ where: { storageKey: key }, select: { contentType: true, sha256: true } });
  if (!row) return null;
  const obj = await storage.get(key);
  if (!obj) return null;
  return { bytes: obj.bytes, contentType: row.contentType, etag: `"${row.sha256}"` };
}
