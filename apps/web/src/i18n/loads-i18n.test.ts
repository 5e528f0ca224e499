import { describe, expect, it } from "vitest";
import { loadsEn } from "./loads.en.ts";
import { loadsZh } from "./loads.zh.ts";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(root: unknown, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as string;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();

describe("load page strings", () => {
  it("zh and en have the same keys, non-empty, with the same placeholders", () => {
    expect(keyPaths(loadsEn).sort()).toEqual(keyPaths(loadsZh).sort());
    for (const path of keyPaths(loadsZh)) {
      expect(leaf(loadsZh, path).length, path).toBeGreaterThan(0);
      expect(leaf(loadsEn, path).length, path).toBeGreaterThan(0);
      expect(placeholders(leaf(loadsEn, path)), path).toEqual(placeholders(leaf(loadsZh, path)));
    }
  });
});
