import { describe, expect, it } from "vitest";
import { dashboardEn } from "./dashboard.en.ts";
import { dashboardZh } from "./dashboard.zh.ts";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(root: unknown, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as string;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();

describe("dashboard strings", () => {
  it("zh and en have the same keys, non-empty, with the same placeholders", () => {
    expect(keyPaths(dashboardEn).sort()).toEqual(keyPaths(dashboardZh).sort());
    for (const path of keyPaths(dashboardZh)) {
      expect(leaf(dashboardZh, path).length, path).toBeGreaterThan(0);
      expect(leaf(dashboardEn, path).length, path).toBeGreaterThan(0);
      expect(placeholders(leaf(dashboardEn, path)), path).toEqual(placeholders(leaf(dashboardZh, path)));
    }
  });
});
