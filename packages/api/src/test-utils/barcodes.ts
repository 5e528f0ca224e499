// Reading barcodes back from rendered PDFs, as a scanner would: pages rasterised by pdftoppm (poppler-utils),
// symbols read by zbarimg (zbar-tools). zbar is the decoder many handheld and phone scanners build on; zxing-js's
// QR reader, used before, failed on about 1 in 70 perfectly valid symbols (random trace codes made CI flaky).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PNG } from "pngjs";

export const DPI = 150;

/// A region of a page in millimetres from its top left corner.
export interface MmRegion {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ReadSymbol {
  /// zbar's name of the symbology: "QR-Code", "CODE-128", …
  type: string;
  text: string;
}

/// Pages `first`..`last` (1-based, all by default) of a PDF as PNGs at `dpi`.
/// With `crop`, only that region of each page is drawn (much less work than a whole A4 page at scanner resolution).
export function rasterise(pdf: Buffer, opts: { dpi?: number; first?: number; last?: number; crop?: MmRegion } = {}): PNG[] {
  const dir = mkdtempSync(path.join(tmpdir(), "xd-pdf-"));
  try {
    writeFileSync(path.join(dir, "d.pdf"), pdf);
    const dpi = opts.dpi ?? DPI;
    const range = [...(opts.first ? ["-f", String(opts.first)] : []), ...(opts.last ? ["-l", String(opts.last)] : [])];
    const px = (mm: number) => String(Math.round((mm / 25.4) * dpi));
    const crop = opts.crop ? ["-x", px(opts.crop.x), "-y", px(opts.crop.y), "-W", px(opts.crop.w), "-H", px(opts.crop.h)] : [];
    execFileSync("pdftoppm", ["-r", String(dpi), ...range, ...crop, "-png", path.join(dir, "d.pdf"), path.join(dir, "p")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort()
      .map((f) => PNG.sync.read(readFileSync(path.join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function crop(page: PNG, mm: MmRegion, dpi: number): PNG {
  const px = (v: number) => Math.max(0, Math.round((v / 25.4) * dpi));
  const x = Math.min(px(mm.x), page.width - 1);
  const y = Math.min(px(mm.y), page.height - 1);
  const out = new PNG({ width: Math.min(px(mm.w), page.width - x), height: Math.min(px(mm.h), page.height - y) });
  PNG.bitblt(page, out, x, y, out.width, out.height, 0, 0);
  return out;
}

/// Every symbol zbar finds on a page (or in a region of it), in zbar's order.
export function readBarcodes(page: PNG, region?: MmRegion, dpi = DPI): ReadSymbol[] {
  const dir = mkdtempSync(path.join(tmpdir(), "xd-zbar-"));
  try {
    const file = path.join(dir, "i.png");
    writeFileSync(file, PNG.sync.write(region ? crop(page, region, dpi) : page));
    let out: string;
    try {
      out = execFileSync("zbarimg", ["-q", "--nodbus", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      // Exit status 4: the image was read and holds no symbol.
      if ((e as { status?: number }).status === 4) return [];
      throw e;
    }
    return out
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => ({ type: l.slice(0, l.indexOf(":")), text: l.slice(l.indexOf(":") + 1) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// The texts of the symbols of one type on a page (or in a region of it).
export function readTexts(page: PNG, type: "QR-Code" | "CODE-128", region?: MmRegion, dpi = DPI): string[] {
  return readBarcodes(page, region, dpi)
    .filter((s) => s.type === type)
    .map((s) => s.text);
}

/// The one QR code in a region of a page, decoded; throws when there is none or more than one.
export function decodeQrAt(page: PNG, mm: MmRegion, dpi = DPI): string {
  const texts = readTexts(page, "QR-Code", mm, dpi);
  if (texts.length !== 1) throw new Error(`expected one QR code in ${JSON.stringify(mm)}, found ${texts.length}`);
  return texts[0]!;
}
