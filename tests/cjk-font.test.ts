// scripts/lib.sh `has_cjk_font`, as the scripts run it (set -euo pipefail). The old check, `fc-list | grep -q`, failed
// when grep stopped at an early match and fc-list died of SIGPIPE, and a busy test run then went to apt-get. Here a
// stand-in fc-list names a CJK font first and then writes megabytes more, as a machine with many fonts does.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const dirs: string[] = [];

function fakeFcList(firstLine: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "xd-fc-"));
  dirs.push(dir);
  const bin = path.join(dir, "fc-list");
  writeFileSync(
    bin,
    `#!/usr/bin/env bash\necho '${firstLine}'\nfor i in $(seq 1 60000); do echo "/usr/share/fonts/truetype/dejavu/DejaVuSans-$i.ttf: DejaVu Sans:style=Book"; done\n`,
  );
  chmodSync(bin, 0o755);
  return dir;
}

function hasCjkFont(pathDir: string): number | null {
  const r = spawnSync("bash", ["-c", `set -euo pipefail; source scripts/lib.sh; has_cjk_font`], {
    cwd: root,
    env: { ...process.env, PATH: `${pathDir}:${process.env.PATH ?? ""}` },
  });
  return r.status;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("has_cjk_font", () => {
  it("finds a CJK font named early in a long list, every time", () => {
    const dir = fakeFcList("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc: WenQuanYi Micro Hei:style=Regular");
    const codes = Array.from({ length: 5 }, () => hasCjkFont(dir));
    expect(codes).toEqual([0, 0, 0, 0, 0]);
  });

  it("says no when no CJK font is installed", () => {
    const dir = fakeFcList("/usr/share/fonts/truetype/liberation/LiberationSans.ttf: Liberation Sans:style=Regular");
    expect(hasCjkFont(dir)).toBe(1);
  });
});
