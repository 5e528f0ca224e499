import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { zh } from "./zh.ts";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();
}

function leaf(root: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

describe("i18n resources", () => {
  it("zh and en have exactly the same keys", () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zh).sort());
  });

  it("every string is non-empty and uses the same placeholders in both languages", () => {
    for (const path of keyPaths(zh)) {
      const zhText = leaf(zh, path);
      const enText = leaf(en, path);
      expect(typeof zhText, path).toBe("string");
      expect(typeof enText, path).toBe("string");
      expect((zhText as string).length, path).toBeGreaterThan(0);
      expect((enText as string).length, path).toBeGreaterThan(0);
      expect(placeholders(enText as string), path).toEqual(placeholders(zhText as string));
    }
  });
});
