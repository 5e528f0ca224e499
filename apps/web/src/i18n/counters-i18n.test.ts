import { describe, expect, it } from "vitest";
import { countersZh } from "./counters.zh.ts";

describe("counter page strings", () => {
  it("names every value of the server's enumerations", async () => {
    const domain = await import("@xiangda/domain");
    expect(Object.keys(countersZh.enums.categories).sort()).toEqual([...domain.PRODUCT_CATEGORIES].sort());
    expect(Object.keys(countersZh.enums.certKinds).sort()).toEqual([...domain.CERTIFICATION_KINDS].sort());
    expect(Object.keys(countersZh.enums.venueTypes).sort()).toEqual([...domain.VENUE_TYPES].sort());
    expect(Object.keys(countersZh.enums.merchantTypes).sort()).toEqual([...domain.MERCHANT_TYPES].sort());
  });
});
