import { describe, expect, it } from "vitest";
import { countersEn } from "./counters.en.ts";
import { countersZh } from "./counters.zh.ts";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(root: unknown, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as string;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();

describe("counter page strings", () => {
  it("zh and en have the same keys, non-empty, with the same placeholders", () => {
    expect(keyPaths(countersEn).sort()).toEqual(keyPaths(countersZh).sort());
    for (const path of keyPaths(countersZh)) {
      expect(leaf(countersZh, path).length, path).toBeGreaterThan(0);
      expect(leaf(countersEn, path).length, path).toBeGreaterThan(0);
      expect(placeholders(leaf(countersEn, path)), path).toEqual(placeholders(leaf(countersZh, path)));
    }
  });

  it("names every value of the server's enumerations", async () => {
    const domain = await import("@xiangda/domain");
    expect(Object.keys(countersZh.enums.categories).sort()).toEqual([...domain.PRODUCT_CATEGORIES].sort());
    expect(Object.keys(countersZh.enums.certKinds).sort()).toEqual([...domain.CERTIFICATION_KINDS].sort());
    expect(Object.keys(countersZh.enums.venueTypes).sort()).toEqual([...domain.VENUE_TYPES].sort());
    expect(Object.keys(countersZh.enums.merchantTypes).sort()).toEqual([...domain.MERCHANT_TYPES].sort());
    expect(Object.keys(countersZh.enums.temps).sort()).toEqual([...domain.PRODUCT_TEMPS].sort());
  });
});
