import { beforeEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../i18n/index.ts";
import { issueText } from "../form/index.ts";
import {
  listingDraftOf,
  listingSchema,
  OTHER_COUNTER,
  ZDelistDraftSchema,
  ZPriceDraftSchema,
  ZStockDraftSchema,
} from "./listing-drafts.ts";

const COUNTER = "0b6f2a3e-5c1d-4e8f-9a7b-1c2d3e4f5a6b";

function messages(result: { success: boolean; error?: { issues: Parameters<typeof issueText>[0][] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), issueText(i)]));
}

describe("listing drafts", () => {
  beforeEach(() => setLanguage("zh-CN"));

  it("turns a filled draft into listings.create's input: fen, counts, empty counts 0", () => {
    const draft = { ...listingDraftOf(1), productId: "p", counterId: COUNTER, priceFen: "¥12.5" };
    expect(listingSchema.parse(draft)).toEqual({ productId: "p", counterId: COUNTER, priceFen: 1250, stock: 0, minStock: 0 });
    const typed = { ...draft, counterId: OTHER_COUNTER, counterIdText: ` ${COUNTER} `, stock: "20", minStock: "5" };
    expect(listingSchema.parse(typed)).toEqual({ productId: "p", counterId: COUNTER, priceFen: 1250, stock: 20, minStock: 5 });
  });

  it("shows every issue at once, the counter's under the box used", () => {
    expect(listingDraftOf(0).counterId).toBe(OTHER_COUNTER);
    const empty = messages(listingSchema.safeParse({ ...listingDraftOf(2), stock: "x" }));
    expect(Object.keys(empty).sort()).toEqual(["counterId", "priceFen", "productId", "stock"]);
    expect(empty.productId).toBe("请填写此项");
    expect(empty.stock).toBe("请输入非负整数");
    const typed = messages(listingSchema.safeParse({ ...listingDraftOf(0), productId: "p", counterIdText: "12", priceFen: "0" }));
    expect(Object.keys(typed).sort()).toEqual(["counterIdText", "priceFen"]);
    expect(typed.counterIdText).toMatch(/[\u4e00-\u9fff]/);
    expect(typed.priceFen).toMatch(/[\u4e00-\u9fff]/);
  });

  it("checks the price, stock and delist drafts", () => {
    expect(ZPriceDraftSchema.parse({ priceFen: "58", minStock: "3" })).toEqual({ priceFen: 5800, minStock: 3 });
    expect(Object.keys(messages(ZPriceDraftSchema.safeParse({ priceFen: "", minStock: "" }))).sort()).toEqual(["minStock", "priceFen"]);
    expect(ZStockDraftSchema.parse({ delta: " -3 ", reason: " 破损 " })).toEqual({ delta: -3, reason: "破损" });
    expect(Object.keys(messages(ZStockDraftSchema.safeParse({ delta: "0", reason: " " }))).sort()).toEqual(["delta", "reason"]);
    expect(ZDelistDraftSchema.parse({ reason: "  " })).toEqual({});
    expect(ZDelistDraftSchema.parse({ reason: " 过季 " })).toEqual({ reason: "过季" });
  });

  it("takes the limits from the shared schemas, in the user's language, under their fields", () => {
    const draft = { ...listingDraftOf(1), productId: "p", counterId: COUNTER };
    expect(messages(listingSchema.safeParse({ ...draft, priceFen: "100000.01", stock: "1000001" }))).toEqual({
      priceFen: "最多 100000 元",
      stock: "不能大于 1000000",
    });
    expect(listingSchema.parse({ ...draft, priceFen: "100000" }).priceFen).toBe(10_000_000);
    expect(messages(ZPriceDraftSchema.safeParse({ priceFen: "¥100,000.01", minStock: "1000001" }))).toEqual({
      priceFen: "最多 100000 元",
      minStock: "不能大于 1000000",
    });
    expect(messages(ZStockDraftSchema.safeParse({ delta: "+1000001", reason: "x".repeat(201) }))).toEqual({
      delta: "不能大于 1000000",
      reason: "最多 200 个字符",
    });
    expect(messages(ZStockDraftSchema.safeParse({ delta: "-0", reason: "盘亏" }))).toEqual({ delta: "不能为 0" });
    expect(messages(ZStockDraftSchema.safeParse({ delta: "3件", reason: "盘亏" }))).toEqual({ delta: "请输入非 0 整数，如 +20 或 -3" });
    expect(messages(ZDelistDraftSchema.safeParse({ reason: "x".repeat(201) }))).toEqual({ reason: "最多 200 个字符" });
    expect(ZDelistDraftSchema.parse({ reason: ` ${"x".repeat(200)} ` })).toEqual({ reason: "x".repeat(200) });
  });
});
