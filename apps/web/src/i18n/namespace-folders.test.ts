// One i18n namespace per page folder: every source file under pages/ reads its strings from its folder's namespace and
// the shared ones, never from another folder's, so a page copied from elsewhere cannot keep reading that folder's keys.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countersZh } from "./counters.zh.ts";
import { NAMESPACES_ZH, type TNamespace } from "./resources.ts";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..");
const PAGES = join(SRC, "pages");

/** Read anywhere: words of the whole app, the enum labels defined once, the API's error messages, and "counters", the
 * capability "selling on counters" that components/counters renders for three areas (merchant, counter, county) —
 * with the words two or more of those page folders share. */
const SHARED: readonly TNamespace[] = ["common", "enums", "errors", "counters"];

/** Each page folder's own namespaces; a subfolder not listed belongs to the nearest listed parent. */
const OWN: Record<string, readonly TNamespace[]> = {
  public: ["public"],
  "public/trace": ["trace"],
  admin: ["admin"],
  merchant: ["merchant"],
  counter: ["counter"],
  station: ["station"],
  "station/console": ["scan", "scanWhy"],
  "station/shelf": ["shelf"],
  "station/stocktake": ["stocktake"],
  county: ["county"],
  "county/network": ["network"],
  "county/shipments": ["shipments"],
  "county/loads": ["loads"],
  "county/dashboard": ["dashboard"],
  "county/exceptions": ["exceptions"],
  "county/counters": ["countyCounters"],
  carrier: ["carrier"],
  "county/api-clients": ["apiClients"],
};

/** Known exceptions (file or folder, namespace), each with the reason; fixing one means deleting its line. */
const EXCEPTIONS: ReadonlyArray<readonly [string, TNamespace, string]> = [];

const NAMES = Object.keys(NAMESPACES_ZH) as TNamespace[];
const READS = [
  /\b(?:useT|tOf|issueKey|dynamicKey)\(\s*"(\w+)"/g, // t of a namespace, a form issue's key, a key built from values
  /\bT(?:T|Key)<"(\w+)">/g, // a t or a key of a namespace passed around
  /\bns:\s*"(\w+)"/g, // i18next options
  new RegExp(`"(${NAMES.join("|")}):[\\w.]+"`, "g"), // "ns:key" strings
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function ownerOf(folder: string): string | undefined {
  for (let f = folder; f !== "."; f = dirname(f)) if (f in OWN) return f;
  return undefined;
}

const FILES = sourceFiles(PAGES).map((path) => ({ rel: relative(PAGES, path), text: readFileSync(path, "utf8") }));
const KIT_FILES = [...sourceFiles(join(SRC, "components")), ...sourceFiles(join(SRC, "lib"))].map((path) => readFileSync(path, "utf8"));

function readsOf(text: string): TNamespace[] {
  return [...new Set(READS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] as TNamespace)))];
}

describe("page folders and namespaces", () => {
  it("each page folder reads only its own namespace and the shared ones", () => {
    const wrong: string[] = [];
    for (const { rel, text } of FILES) {
      const owner = ownerOf(dirname(rel));
      if (owner === undefined) {
        wrong.push(`${rel}: its folder has no line in OWN`);
        continue;
      }
      for (const ns of readsOf(text)) {
        if (!NAMES.includes(ns)) wrong.push(`${rel}: "${ns}" is not a namespace of i18n/resources.ts`);
        else if (SHARED.includes(ns) || OWN[owner]?.includes(ns)) continue;
        else if (!EXCEPTIONS.some(([where, n]) => n === ns && (rel === where || rel.startsWith(`${where}/`))))
          wrong.push(`${rel}: reads "${ns}", the namespace of another folder`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("no namespace belongs to two folders, and every namespace is a folder's or shared", () => {
    const owned = Object.values(OWN).flat();
    expect(owned.filter((ns, i) => owned.indexOf(ns) !== i)).toEqual([]);
    expect(owned.filter((ns) => SHARED.includes(ns))).toEqual([]);
    expect(NAMES.filter((ns) => !owned.includes(ns) && !SHARED.includes(ns))).toEqual([]);
  });

  it("every exception still happens (a fixed one is deleted from the list)", () => {
    const stale = EXCEPTIONS.filter(
      ([where, ns]) => !FILES.some(({ rel, text }) => (rel === where || rel.startsWith(`${where}/`)) && readsOf(text).includes(ns)),
    );
    expect(stale).toEqual([]);
  });
});

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** Keys (and `prefix.${…}` templates, as "prefix.") of "counters" a file reads: calls of its t's bound to "counters"
 * and form issues named by issueKey("counters", …). Enum labels (enums.*) are read through enumKey and CATALOG_ENUMS. */
function countersKeysOf(text: string): string[] {
  const names = [...text.matchAll(/\bconst (\w+) = (?:useT|tOf)\("counters"\)|\b(\w+): TT<"counters">/g)].map((m) => m[1] ?? m[2]);
  const keys = [...text.matchAll(/\bissueKey\("counters", "([\w.]+)"\)/g)].map((m) => m[1] ?? "");
  for (const name of new Set(names)) {
    for (const m of text.matchAll(new RegExp(`\\b${name}\\(\\s*"([\\w.]+)"`, "g"))) keys.push(m[1] ?? "");
    for (const m of text.matchAll(new RegExp(`\\b${name}\\(\\s*\`([\\w.]+\\.)\\$\\{`, "g"))) keys.push(m[1] ?? "");
  }
  return keys;
}

describe("the shared counters namespace", () => {
  const readers = new Map<string, Set<string>>();
  const read = (key: string, reader: string) => readers.set(key, (readers.get(key) ?? new Set()).add(reader));
  for (const text of KIT_FILES) for (const key of countersKeysOf(text)) read(key, "components");
  for (const { rel, text } of FILES) for (const key of countersKeysOf(text)) read(key, `pages/${ownerOf(dirname(rel)) ?? rel}`);
  const leaves = keyPaths(countersZh).filter((key) => !key.startsWith("enums."));
  const readersOf = (key: string) =>
    [...readers].filter(([k]) => k === key || (k.endsWith(".") && key.startsWith(k))).flatMap(([, r]) => [...r]);

  it("has no key nobody reads", () => {
    expect(leaves.filter((key) => readersOf(key).length === 0)).toEqual([]);
  });

  it("keeps only what components or two page folders read (a page folder's own words are in its namespace)", () => {
    const single = leaves.filter((key) => {
      const who = new Set(readersOf(key));
      return !who.has("components") && who.size === 1;
    });
    expect(single).toEqual([]);
  });
});
