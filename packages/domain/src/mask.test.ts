import { describe, expect, it } from "vitest";
import { isOrganisationName, maskIdNumber, maskName, maskPhone } from "./mask.ts";

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
  it("keeps organisations' names whole and masks people's, including long personal names", () => {
    for (const org of [
      "沈海高速盖州服务区扶贫专区",
      "高屯果蔬合作社",
      "盖州市物流办",
      "高屯镇服务站",
      "机关食堂专柜",
      "辽宁鲜果有限公司",
      "Apple Co.",
    ]) {
      expect(isOrganisationName(org), org).toBe(true);
      expect(maskName(org)).toBe(org);
    }
    for (const [person, masked] of [
      ["沈建国", "沈**"],
      ["王小站", "王**"],
      ["阿不都热合曼", "阿*****"],
      ["欧阳建华", "欧***"],
    ] as const) {
      expect(maskName(person), person).toBe(masked);
    }
  });
});
