// Scan results in the console's language: every reason the server can give has a sentence in both languages, and
// the sentences are filled from the result's parameters.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { SCAN_REASONS } from "@xiangda/domain";
import { enumsEn } from "../../../i18n/enums.en.ts";
import { enumsZh } from "../../../i18n/enums.zh.ts";
import { scanWhyEn } from "../../../i18n/scan-why.en.ts";
import { scanWhyZh } from "../../../i18n/scan-why.zh.ts";
import { scanText } from "./scan-text.ts";

async function i18nFor(lng: "zh-CN" | "en") {
  const i = createInstance();
  await i.init({
    lng,
    resources: { "zh-CN": { enums: enumsZh, scanWhy: scanWhyZh }, en: { enums: enumsEn, scanWhy: scanWhyEn } },
    ns: ["enums", "scanWhy"],
    interpolation: { escapeValue: false },
  });
  return i;
}

describe("scanText", () => {
  it("has a Chinese and an English sentence for every reason the server gives", () => {
    for (const reason of Object.keys(SCAN_REASONS)) {
      expect(scanWhyZh, reason).toHaveProperty(reason);
      expect(scanWhyEn, reason).toHaveProperty(reason);
    }
  });

  it("fills the sentence from the parameters, with statuses as their own labels", async () => {
    const zhI = await i18nFor("zh-CN");
    expect(scanText(zhI, { reason: "MISROUTED_AT", params: { name: "高屯镇服务站", code: "GZ-102" }, message: "x" })).toBe(
      "错分：应到 高屯镇服务站（GZ-102），正在重新规划路由",
    );
    expect(scanText(zhI, { reason: "ALREADY_FINAL", params: { status: "delivered" }, message: "already delivered" })).toBe("包裹已妥投");
    const enI = await i18nFor("en");
    expect(scanText(enI, { reason: "UNKNOWN_CODE", params: { code: "7312" }, message: "x" })).toBe("unknown code 7312");
  });

  it("a lost parcel's refusal names its status in the console's language, never the server's word", async () => {
    const zhI = await i18nFor("zh-CN");
    const lost = { reason: "FINAL", params: { status: "lost" }, message: "the parcel is already lost" };
    expect(scanText(zhI, lost)).toBe("包裹已丢失，不能再操作");
    expect(scanText(zhI, { ...lost, reason: "ALREADY_FINAL" })).toBe("包裹已丢失");
    const enI = await i18nFor("en");
    expect(scanText(enI, lost)).toBe("the parcel is already Lost");
  });

  it("sums up a load's scan, with the first refusal's reason translated", async () => {
    const zhI = await i18nFor("zh-CN");
    const r = {
      reason: "LOAD_SUMMARY",
      params: {
        load: "LD1",
        n: 3,
        ok: 1,
        action: "depart",
        dup: 1,
        refused: 1,
        first: "XD1",
        firstMessage: "the parcel is not at this node",
        firstReason: "NOT_HERE",
      },
      message: "x",
    };
    expect(scanText(zhI, r)).toBe("装车单 LD1：共 3 件，成功 1 件，1 件已扫过，1 件被拒（XD1：包裹不在本站）");
  });

  it("shows the server's message for a reason this build does not know, or none", async () => {
    const zhI = await i18nFor("zh-CN");
    expect(scanText(zhI, { reason: "SOMETHING_NEW", params: null, message: "something new" })).toBe("something new");
    expect(scanText(zhI, { message: "stored before reasons" })).toBe("stored before reasons");
  });
});
