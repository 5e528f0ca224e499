// Every page namespace: zh and en have the same keys, none empty, with the same {{placeholders}}.
import { describe, expect, it } from "vitest";
import { NAMESPACES_EN, NAMESPACES_ZH, type TNamespace } from "./resources.ts";

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(root: unknown, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as string;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();

const NAMESPACES = (Object.keys(NAMESPACES_ZH) as TNamespace[]).map((ns) => [ns, NAMESPACES_ZH[ns], NAMESPACES_EN[ns]] as const);

describe.each(NAMESPACES)("%s strings", (_name, zh, en) => {
  it("zh and en have the same keys, non-empty, with the same placeholders", () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zh).sort());
    for (const path of keyPaths(zh)) {
      expect(leaf(zh, path).length, path).toBeGreaterThan(0);
      expect(leaf(en, path).length, path).toBeGreaterThan(0);
      expect(placeholders(leaf(en, path)), path).toEqual(placeholders(leaf(zh, path)));
    }
  });
});
