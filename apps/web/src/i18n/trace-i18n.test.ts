import { describe, expect, it } from "vitest";
import { traceEn } from "./trace.en.ts";
import { traceZh } from "./trace.zh.ts";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(root: unknown, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as string;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();

describe("trace page strings", () => {
  it("zh and en have the same keys, non-empty, with the same placeholders", () => {
    expect(keyPaths(traceEn).sort()).toEqual(keyPaths(traceZh).sort());
    for (const path of keyPaths(traceZh)) {
      expect(leaf(traceZh, path).length, path).toBeGreaterThan(0);
      expect(leaf(traceEn, path).length, path).toBeGreaterThan(0);
      expect(placeholders(leaf(traceEn, path)), path).toEqual(placeholders(leaf(traceZh, path)));
    }
  });
});
