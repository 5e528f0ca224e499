import { describe, expect, it } from "vitest";
import { isOptOutReply, smsPhoneKey } from "./sms.ts";

describe("SMS phone keys and opt-out replies", () => {
  it("keys a mobile number without prefix or separators", () => {
    for (const p of ["13812345678", "+8613812345678", "8613812345678", "0086 138-1234-5678"]) expect(smsPhoneKey(p)).toBe("13812345678");
    expect(smsPhoneKey("0417-1234567")).toBe("04171234567");
  });
  it("reads TD, 退订 and the like as opt-out, and nothing else", () => {
    for (const t of ["TD", "td", " T ", "退订", "退订。", "取消", "stop", "Unsubscribe"]) expect(isOptOutReply(t), t).toBe(true);
    for (const t of ["", "谢谢", "TDD", "明天取", "123456"]) expect(isOptOutReply(t), t).toBe(false);
  });
});
