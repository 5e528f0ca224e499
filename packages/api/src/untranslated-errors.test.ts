// Every error a person may see is a catalog key with parameters (issue #17, defect 7): a service throws
// `AppError.at` / `AppError.of` / `AppError.forbidden` / `AppError.notFound`, never `new AppError(code, "English")` or
// `AppError.field(path, "English")`, whose text the web app cannot translate (it shows a generic message instead).
// The sites below are the ones still written the old way (CLI-only paths such as the VRP files and the demo, and
// those left to convert); a file may only lose sites. A new site written the old way fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PACKAGES = fileURLToPath(new URL("../../", import.meta.url));

const LEFT: Record<string, number> = {
  // Shelf refusals carry a reason code with params in `details` (translated by the shelf pages, namespace "shelf").
  "api/src/services/shelf/hand-out.ts": 1,
  "api/src/services/shelf/resend-notice.ts": 2,
  "api/src/services/shelf/stocktake-fix.ts": 1,
  "api/src/services/shelf/stocktake.ts": 3,
  // CLI only: the demo generator and the VRP solver's file reader and validation.
  "demo/src/generate-year.ts": 6,
  "domain/src/vrp/cvrplib.ts": 1,
  "domain/src/vrp/solve.ts": 2,
  "domain/src/vrp/validate.ts": 22,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("error messages are catalog keys", () => {
  it("no service writes a new error without a key", () => {
    const grown: string[] = [];
    for (const root of ["api/src", "domain/src", "demo/src"]) {
      for (const path of sources(join(PACKAGES, root))) {
        const file = relative(PACKAGES, path).split("\\").join("/");
        if (file === "domain/src/errors.ts") continue;
        const n = (readFileSync(path, "utf8").match(/new AppError\(|AppError\.field\(/g) ?? []).length;
        if (n > (LEFT[file] ?? 0)) grown.push(`${file}: ${n} (at most ${LEFT[file] ?? 0})`);
      }
    }
    expect(grown).toEqual([]);
  });
});
