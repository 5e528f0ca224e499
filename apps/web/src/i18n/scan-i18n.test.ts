import { describe, expect, it } from "vitest";
import { scanEn } from "./scan.en.ts";
import { scanZh } from "./scan.zh.ts";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(root: unknown, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as string;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();

describe("scan console strings", () => {
  it("zh and en have the same keys, non-empty, with the same placeholders", () => {
    expect(keyPaths(scanEn).sort()).toEqual(keyPaths(scanZh).sort());
    for (const path of keyPaths(scanZh)) {
      expect(leaf(scanZh, path).length, path).toBeGreaterThan(0);
      expect(leaf(scanEn, path).length, path).toBeGreaterThan(0);
      expect(placeholders(leaf(scanEn, path)), path).toEqual(placeholders(leaf(scanZh, path)));
    }
  });
});
