// Product images (checked by their bytes, kept per tenant) and batches (trace codes, label sheets).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTraceCode, parseTraceCode, TRACE_CODE_PATTERN } from "@xiangda/domain";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { findImage } from "./product-images.ts";
import { labelOrigin, QR_SHEET, renderQrSheet } from "./render-qr-sheet.ts";
import { storageOf } from "./storage.ts";
import { decodeQrAt, rasterise, readTexts } from "../../test-utils/barcodes.ts";
import { catalogCounts, pngOf, rejection, TINY_JPEG, TINY_WEBP } from "../../test-utils/catalog.ts";

let h: Harness;
let w: World;
let productA: string;
let productB: string;
const HOME = "210881";
const VILLAGE = `${HOME}101201`;
const as = (role: keyof World["actors"]) => h.callerAs(w.actors[role]);
const b64 = (b: Buffer) => b.toString("base64");

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  await h.deps.db.merchant.update({ where: { id: w.home.merchantId }, data: { originAreaCode: VILLAGE } });
  const form = { name: "盖州苹果", category: "FRUIT" as const, unit: "箱", spec: "5kg/箱", unitWeightG: 5400, shelfLifeDays: 60 };
  productA = (await as("merchant").catalog.products.upsert({ ...form, merchantId: w.home.merchantId })).id;
  productB = (await as("otherMerchant").catalog.products.upsert({ ...form, merchantId: w.home.otherMerchantId })).id;
});
afterAll(async () => h?.close());

describe("product images", () => {
  it("stores JPEG, PNG and WebP by what the bytes are, not what the client says, under unguessable keys", async () => {
    const c = as("merchant").catalog.products;
    const png = pngOf(3, 2);
    const asJpeg = await c.addImage({
      merchantId: w.home.merchantId,
      productId: productA,
      contentBase64: b64(png),
      contentType: "image/jpeg",
    });
    expect(asJpeg).toMatchObject({ contentType: "image/png", width: 3, height: 2, sizeBytes: png.length, position: 0 });
    expect(asJpeg.url).toMatch(/^\/images\/[0-9a-f]{32}\.png$/);
    const jpeg = await c.addImage({
      merchantId: w.home.merchantId,
      productId: productA,
      contentBase64: `data:image/jpeg;base64,${TINY_JPEG}`,
    });
    expect(jpeg).toMatchObject({ contentType: "image/jpeg", width: 8, height: 6, position: 1 });
    const webp = await c.addImage({
      merchantId: w.home.merchantId,
      productId: productA,
      contentBase64: TINY_WEBP,
      contentType: "image/gif",
    });
    expect(webp).toMatchObject({ contentType: "image/webp", width: 1, height: 1 });

    const key = asJpeg.url.split("/").pop()!;
    const served = await findImage(h.deps.db, { storage: storageOf(h.deps), key });
    expect(served?.contentType).toBe("image/png");
    expect(served?.bytes.equals(png)).toBe(true);
    expect(await findImage(h.deps.db, { storage: storageOf(h.deps), key: "../../etc/passwd" })).toBeNull();
    expect(await findImage(h.deps.db, { storage: storageOf(h.deps), key: `${"0".repeat(32)}.png` })).toBeNull();

    // The same picture again is the same image.
    const before = await catalogCounts(h.deps.db);
    expect((await c.addImage({ merchantId: w.home.merchantId, productId: productA, contentBase64: b64(png) })).id).toBe(asJpeg.id);
    expect(await catalogCounts(h.deps.db)).toEqual(before);
    const product = await c.get({ merchantId: w.home.merchantId, productId: productA });
    expect(product.images.map((i) => i.id)).toEqual([asJpeg.id, jpeg.id, webp.id]);
  });

  it("rejects what is not an image, oversize and broken files with a field error on image, writing nothing", async () => {
    const c = as("merchant").catalog.products;
    const before = await catalogCounts(h.deps.db);
    const bad = [
      Buffer.from("hello, I am text pretending to be a PNG\n"),
      Buffer.concat([pngOf(2, 2).subarray(0, 33), Buffer.alloc(5 * 1024 * 1024)]), // a real header, 5 MB + 33 bytes
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), // a JPEG start and nothing else
      Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 junkjunk", "latin1"),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ];
    for (const bytes of bad) {
      const r = await rejection(
        c.addImage({ merchantId: w.home.merchantId, productId: productA, contentBase64: b64(bytes), contentType: "image/png" }),
      );
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.paths).toEqual(["image"]);
    }
    expect(
      (await rejection(c.addImage({ merchantId: w.home.merchantId, productId: productA, contentBase64: "not base64 at all!" }))).paths,
    ).toEqual(["image"]);
    expect(await catalogCounts(h.deps.db)).toEqual(before);
  });

  it("keeps at most 10 images a product", async () => {
    const c = as("otherMerchant").catalog.products;
    for (let i = 1; i <= 10; i++)
      await c.addImage({ merchantId: w.home.otherMerchantId, productId: productB, contentBase64: b64(pngOf(i, 1)) });
    const r = await rejection(c.addImage({ merchantId: w.home.otherMerchantId, productId: productB, contentBase64: b64(pngOf(11, 1)) }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", paths: ["image"] });
  });

  it("merchant B can neither add to nor remove A's images; A removes its own and the file goes too", async () => {
    const img = await as("merchant").catalog.products.addImage({
      merchantId: w.home.merchantId,
      productId: productA,
      contentBase64: b64(pngOf(7, 7)),
    });
    const b = as("otherMerchant").catalog.products;
    const before = await catalogCounts(h.deps.db);
    expect((await rejection(b.addImage({ merchantId: w.home.otherMerchantId, productId: productA, contentBase64: TINY_WEBP }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await rejection(b.addImage({ merchantId: w.home.merchantId, productId: productA, contentBase64: TINY_WEBP }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await rejection(b.removeImage({ merchantId: w.home.otherMerchantId, imageId: img.id }))).code).toBe("FORBIDDEN");
    expect((await rejection(as("manager").catalog.products.removeImage({ merchantId: w.home.merchantId, imageId: img.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await catalogCounts(h.deps.db)).toEqual(before);

    const key = img.url.split("/").pop()!;
    expect(await storageOf(h.deps).get(key)).not.toBeNull();
    await as("merchant").catalog.products.removeImage({ merchantId: w.home.merchantId, imageId: img.id });
    expect(await storageOf(h.deps).get(key)).toBeNull();
    expect(await findImage(h.deps.db, { storage: storageOf(h.deps), key })).toBeNull();
  });
});

describe("batches", () => {
  const batch = (over: Record<string, unknown> = {}) => ({
    merchantId: w.home.merchantId,
    productId: productA,
    batchNo: "2026-GZ-001",
    producedOn: "2026-03-01",
    quantity: 500,
    ...over,
  });

  it("gets a random trace code of the documented format, unique, and the merchant's origin village by default", async () => {
    h.clock.set(new Date("2026-03-10T04:00:00Z"));
    const c = as("merchant").catalog.batches;
    const first = await c.create(batch());
    expect(first).toMatchObject({
      batchNo: "2026-GZ-001",
      producedOn: "2026-03-01",
      originAreaCode: VILLAGE,
      originAreaName: "盖州一村委会",
    });
    expect(first.traceCode).toMatch(TRACE_CODE_PATTERN);
    expect(parseTraceCode(first.traceCode)).toEqual({ ok: true, value: first.traceCode });
    const codes = new Set([first.traceCode]);
    for (let i = 2; i <= 20; i++) codes.add((await c.create(batch({ batchNo: `2026-GZ-${String(i).padStart(3, "0")}` }))).traceCode);
    expect(codes.size).toBe(20);
    const listed = await c.list({ merchantId: w.home.merchantId, productId: productA });
    expect(listed).toHaveLength(20);
    expect(await as("manager").catalog.batches.list({ merchantId: w.home.merchantId, productId: productA })).toHaveLength(20);
  });

  it("a batch number is unique per product; the same number on another product is fine", async () => {
    const before = await catalogCounts(h.deps.db);
    const r = await rejection(as("merchant").catalog.batches.create(batch()));
    expect(r).toMatchObject({ code: "CONFLICT", paths: ["batchNo"] });
    expect(await catalogCounts(h.deps.db)).toEqual(before);
    const other = await as("otherMerchant").catalog.batches.create(
      batch({ merchantId: w.home.otherMerchantId, productId: productB, originAreaCode: VILLAGE }),
    );
    expect(other.batchNo).toBe("2026-GZ-001");
  });

  it("bad input names the field and writes nothing; 'today' is the Asia/Shanghai day", async () => {
    // 17:00 UTC on 1 March is already 2 March in Shanghai.
    h.clock.set(new Date("2026-03-01T17:00:00Z"));
    const c = as("merchant").catalog.batches;
    const before = await catalogCounts(h.deps.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ producedOn: "2026-03-03" }, "producedOn"],
      [{ producedOn: "1999-12-31" }, "producedOn"],
      [{ producedOn: "2026-02-29" }, "producedOn"],
      [{ producedOn: "03/01/2026" }, "producedOn"],
      [{ quantity: 0 }, "quantity"],
      [{ quantity: 2.5 }, "quantity"],
      [{ quantity: -1 }, "quantity"],
      [{ batchNo: "" }, "batchNo"],
      [{ batchNo: "批 次" }, "batchNo"],
      [{ originAreaCode: `${HOME}101000` }, "originAreaCode"],
      [{ originAreaCode: `${w.away.countyCode}101201` }, "originAreaCode"],
      [{ originAreaCode: "999" }, "originAreaCode"],
    ];
    for (const [patch, field] of cases) {
      const r = await rejection(c.create(batch({ batchNo: "NEW-1", ...patch })));
      expect(r.code, field).toBe("BAD_REQUEST");
      expect(r.paths, JSON.stringify(patch)).toEqual([field]);
    }
    // The other merchant has no origin village on record.
    expect(
      (
        await rejection(
          as("otherMerchant").catalog.batches.create(batch({ merchantId: w.home.otherMerchantId, productId: productB, batchNo: "X" })),
        )
      ).paths,
    ).toEqual(["originAreaCode"]);
    expect(await catalogCounts(h.deps.db)).toEqual(before);
    expect((await c.create(batch({ batchNo: "TODAY", producedOn: "2026-03-02" }))).producedOn).toBe("2026-03-02");
  });

  it("merchant B sees nothing of A's batches; the manager reads but does not create", async () => {
    const b = as("otherMerchant").catalog.batches;
    expect((await rejection(b.list({ merchantId: w.home.otherMerchantId, productId: productA }))).code).toBe("FORBIDDEN");
    expect((await rejection(b.list({ merchantId: w.home.merchantId, productId: productA }))).code).toBe("FORBIDDEN");
    expect((await rejection(b.create(batch({ merchantId: w.home.otherMerchantId, batchNo: "STEAL" })))).code).toBe("FORBIDDEN");
    expect((await rejection(as("manager").catalog.batches.create(batch({ batchNo: "MGR" })))).code).toBe("FORBIDDEN");
    expect((await rejection(as("otherManager").catalog.batches.list({ merchantId: w.home.merchantId, productId: productA }))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("trace label sheet", () => {
  const label = {
    url: "http://127.0.0.1:4310/t/0123456789ABCDEFG",
    productName: "盖州苹果 高山红富士 特级果",
    productSpec: "5kg/箱",
    merchantName: "盖州市鲜果专业合作社",
    batchNo: "2026-GZ-001",
    producedOn: "2026-03-01",
    traceCode: "0123456789ABCDEFG",
  };

  it("fills A4 pages of 24 labels whose QR codes decode to the trace URL", async () => {
    const pages = rasterise(await renderQrSheet(label, 30));
    expect(pages).toHaveLength(2);
    // Each label's QR code where the layout puts it (first and last of a page), then every label on the page.
    const cell = (i: number) => ({ ...labelOrigin(i), w: QR_SHEET.labelW / 2 + 2, h: QR_SHEET.labelH });
    expect(decodeQrAt(pages[0]!, cell(0))).toBe(label.url);
    expect(decodeQrAt(pages[1]!, cell(29))).toBe(label.url);
    expect(readTexts(pages[0]!, "QR-Code")).toEqual(Array(24).fill(label.url));
    expect(readTexts(pages[1]!, "QR-Code")).toEqual(Array(6).fill(label.url));
  });

  it("prints QR codes that read back for any trace code", async () => {
    // Trace codes are random: each makes a different symbol, so try a spread of them.
    for (let n = 0; n < 20; n++) {
      const traceCode = makeTraceCode(randomBytes(10));
      const url = `https://xd.example.cn/t/${traceCode}`;
      // Only the first label's cell is drawn, at scanner resolution, and zbar must find exactly one QR code there.
      const [cell] = rasterise(await renderQrSheet({ ...label, url, traceCode }, 1), {
        last: 1,
        crop: { ...labelOrigin(0), w: QR_SHEET.labelW / 2 + 2, h: QR_SHEET.labelH },
      });
      expect(readTexts(cell!, "QR-Code"), traceCode).toEqual([url]);
    }
  });

  it("takes 1 to 200 labels", async () => {
    await expect(renderQrSheet(label, 0)).rejects.toThrow(RangeError);
    await expect(renderQrSheet(label, 201)).rejects.toThrow(RangeError);
  });
});
