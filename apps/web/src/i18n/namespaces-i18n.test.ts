// Every page namespace: zh and en have the same keys, none empty, with the same {{placeholders}}.
import { describe, expect, it } from "vitest";
import { adminEn } from "./admin.en.ts";
import { adminZh } from "./admin.zh.ts";
import { countersEn } from "./counters.en.ts";
import { countersZh } from "./counters.zh.ts";
import { dashboardEn } from "./dashboard.en.ts";
import { dashboardZh } from "./dashboard.zh.ts";
import { errorsEn } from "./errors.en.ts";
import { errorsZh } from "./errors.zh.ts";
import { loadsEn } from "./loads.en.ts";
import { loadsZh } from "./loads.zh.ts";
import { scanEn } from "./scan.en.ts";
import { shelfEn } from "./shelf.en.ts";
import { shelfZh } from "./shelf.zh.ts";
import { scanZh } from "./scan.zh.ts";
import { scanWhyEn } from "./scan-why.en.ts";
import { scanWhyZh } from "./scan-why.zh.ts";
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

const NAMESPACES: [string, unknown, unknown][] = [
  ["admin", adminZh, adminEn],
  ["counters", countersZh, countersEn],
  ["dashboard", dashboardZh, dashboardEn],
  ["errors", errorsZh, errorsEn],
  ["loads", loadsZh, loadsEn],
  ["scan", scanZh, scanEn],
  ["scanWhy", scanWhyZh, scanWhyEn],
  ["shelf", shelfZh, shelfEn],
  ["trace", traceZh, traceEn],
];

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
