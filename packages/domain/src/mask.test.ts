import { describe, expect, it } from "vitest";
import { maskIdNumber, maskName, maskPhone } from "./mask.ts";

describe("masking", () => {
  it("masks phones keeping the first 3 and last 4 digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("")).toBe("");
    expect(maskPhone("12345")).toBe("*****");
  });
  it("masks ID numbers keeping the first 3 and last 4", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110***********002X");
  });
  it("masks names after the first character", () => {
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("李")).toBe("李*");
  });
});
