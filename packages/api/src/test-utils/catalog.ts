// Shared by the catalog tests: field paths of a rejection, the catalog's row counts and tiny images.
// (QR codes are read back from PDFs by ../../test-utils/barcodes.ts.)
import { PNG } from "pngjs";
import type { Db } from "@xiangda/db";

export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; paths: string[] }> {
  try {
    await p;
  } catch (e) {
    const cause = (e as { cause?: { issues?: { path: string | PropertyKey[] }[] } }).cause;
    const paths = (cause?.issues ?? []).map((i) => (Array.isArray(i.path) ? i.path.map(String).join(".") : String(i.path)));
    return { code: (e as { code: string }).code, message: (e as Error).message, paths: [...new Set(paths)] };
  }
  throw new Error("expected a rejection");
}

export async function catalogCounts(db: Db) {
  const [merchants, products, certifications, images, batches, counters, operators] = await Promise.all([
    db.merchant.count(),
    db.product.count(),
    db.productCertification.count(),
    db.productImage.count(),
    db.productBatch.count(),
    db.counter.count(),
    db.counterOperator.count(),
  ]);
  return { merchants, products, certifications, images, batches, counters, operators };
}

/// A 1×1 lossless WebP, an 8×6 JPEG (rendered by pdftoppm) and a PNG is made with pngjs where needed.
export const TINY_WEBP = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";
export const TINY_JPEG =
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDABsSFBcUERsXFhceHBsgKEIrKCUlKFE6PTBCYFVlZF9VXVtqeJmBanGQc1tdhbWGkJ6jq62rZ4C8ybqmx5moq6T/2wBDARweHigjKE4rK06kbl1upKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKT/wAARCAAGAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCz4Y/5ef8AgH9aKKKmHwm+J/is/9k=";

/// A PNG of w×h pixels (each size is a different file).
export function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(200);
  return PNG.sync.write(png);
}
