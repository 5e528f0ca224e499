import { beforeEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../i18n/index.ts";
import { issueText } from "../../components/form/index.ts";
import { ZSaleDraftSchema, type TSaleDraft } from "./sale-draft.ts";

const LISTING = "0b6f2a3e-5c1d-4e8f-9a7b-1c2d3e4f5a6b";
const draft: TSaleDraft = { listingId: LISTING, quantity: "2", unitPriceFen: "", useNow: false, soldAt: "2026-11-20T14:30" };

function messages(result: { success: boolean; error?: { issues: Parameters<typeof issueText>[0][] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), issueText(i)]));
}

describe("sale draft", () => {
  beforeEach(() => setLanguage("zh-CN"));

  it("sends a whole quantity, the price in fen when typed, and the Shanghai time with its offset", () => {
    expect(ZSaleDraftSchema.parse(draft)).toEqual({ listingId: LISTING, quantity: 2, soldAt: "2026-11-20T14:30:00+08:00" });
    expect(ZSaleDraftSchema.parse({ ...draft, unitPriceFen: "¥12.5" })).toMatchObject({ unitPriceFen: 1250 });
    expect(ZSaleDraftSchema.parse({ ...draft, useNow: true }).soldAt).toMatch(/Z$/);
  });

  it("shows the form's own messages together, under their fields", () => {
    const r = messages(ZSaleDraftSchema.safeParse({ listingId: "", quantity: "0", unitPriceFen: "1.234", useNow: false, soldAt: "" }));
    expect(r).toEqual({
      listingId: "请填写此项",
      quantity: "请输入大于 0 的整数",
      unitPriceFen: "请输入大于 0 的金额，最多两位小数",
      soldAt: "请填写此项",
    });
  });

  it("takes the largest quantity and price from the shared schema, in the user's language", async () => {
    expect(messages(ZSaleDraftSchema.safeParse({ ...draft, unitPriceFen: "100000.01" }))).toEqual({ unitPriceFen: "最多 100000 元" });
    expect(messages(ZSaleDraftSchema.safeParse({ ...draft, quantity: "100001" }))).toEqual({ quantity: "不能大于 100000" });
    await setLanguage("en");
    expect(messages(ZSaleDraftSchema.safeParse({ ...draft, quantity: "100001" })).quantity).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
