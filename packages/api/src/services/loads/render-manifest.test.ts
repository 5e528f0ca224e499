// A rendered manifest read back with pdftotext: stops in visiting order, the rolled reason, totals per carrier;
// its barcode (rasterised by pdftoppm) decodes to the load code.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rasterise, readTexts } from "../../test-utils/barcodes.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { getLoad } from "./get-load.ts";
import { buildLoadWorld, type LoadWorld } from "../../test-utils/load-world.ts";
import { renderManifest } from "./render-manifest.ts";

let h: Harness;
let w: World;
let lw: LoadWorld;
let dir: string;

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  lw = await buildLoadWorld(h.deps.db, w);
  dir = mkdtempSync(path.join(tmpdir(), "xd-manifest-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await h?.close();
});

describe("load manifest PDF", () => {
  it("lists the stops in visiting order with their parcels, rolled reasons and totals per carrier", async () => {
    const d = await getLoad(h.deps.db, { actor: w.actors.manager!, id: lw.milkRun.id });
    const pdf = await renderManifest(d);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = path.join(dir, "m.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
    const lines = text.split("\n");

    expect(text).toContain(d.code);
    expect(text).toContain("2026-11-23 09:30");
    expect(text).toContain("辽H10001");
    // Vehicle 1 visits 二村 (09:50) before 一村 (10:10), though 一村 sorts first.
    const second = text.indexOf("二村服务点");
    const first = text.indexOf("一村服务点");
    expect(second).toBeGreaterThan(-1);
    expect(first).toBeGreaterThan(second);
    expect(lines.find((l) => l.includes("二村服务点"))).toMatch(/1\.\s+09:50/);
    expect(lines.find((l) => l.includes("一村服务点"))).toMatch(/2\.\s+10:10/);
    // Every parcel of a stop is printed right under it, phones masked.
    const waybills = d.vehicles[0]!.stops[0]!.items.map((i) => i.waybillNo!);
    for (const wb of waybills) expect(text.indexOf(wb)).toBeGreaterThan(second);
    for (const wb of waybills) expect(text.indexOf(wb)).toBeLessThan(first);
    expect(text).toMatch(/138\*{4}\d{4}/);
    expect(text).not.toMatch(/1380000\d{4}/);
    // The rolled parcel's reason in the manifest's language, from its code: never the code itself.
    expect(text).toContain(`${d.from!.name}的空闲车辆已装满`);
    expect(text).not.toContain("NO_ROOM");
    const enFile = path.join(dir, "m-en.pdf");
    writeFileSync(enFile, await renderManifest(d, "en"));
    const en = execFileSync("pdftotext", ["-layout", enFile, "-"]).toString("utf8").replace(/\s+/g, " ");
    expect(en).toContain(`Vehicles at ${d.from!.name} full`);

    const totals = text.slice(text.indexOf("Totals per carrier"));
    const row = (label: string) =>
      totals
        .split("\n")
        .find((l) => l.includes(label))
        ?.trim()
        .split(/\s{2,}/);
    expect(row("中通快递")?.slice(-3)).toEqual(["3", "3.00", "1"]);
    expect(row("圆通速递")?.slice(-3)).toEqual(["2", "2.50", "0"]);
    expect(row("合计 Total")?.slice(-3)).toEqual(["5", "5.50", "1"]);

    // The load code's barcode, wherever zbar finds it on page 1 (it is the only Code128 there).
    const [page1] = rasterise(pdf, { dpi: 200, last: 1 });
    expect(readTexts(page1!, "CODE-128")).toEqual([d.code]);
  });

  it("renders an open load without vehicles, and a long one over several pages", async () => {
    const open = await getLoad(h.deps.db, { actor: w.actors.admin!, id: lw.trunkToOther.id });
    const text = (pdf: Buffer, name: string) => {
      writeFileSync(path.join(dir, name), pdf);
      return execFileSync("pdftotext", ["-layout", path.join(dir, name), "-"]).toString("utf8");
    };
    expect(text(await renderManifest(open), "open.pdf")).toContain("Not sealed");

    const base = await getLoad(h.deps.db, { actor: w.actors.admin!, id: lw.milkRun.id });
    const stop = base.vehicles[0]!.stops[0]!;
    const many = {
      ...base,
      vehicles: [
        {
          ...base.vehicles[0]!,
          stops: [
            {
              ...stop,
              items: Array.from({ length: 120 }, (_, i) => ({ ...stop.items[0]!, waybillNo: `XD${String(i).padStart(13, "0")}` })),
            },
          ],
        },
      ],
    };
    const pdf = await renderManifest(many);
    const pages = execFileSync("pdfinfo", [(writeFileSync(path.join(dir, "long.pdf"), pdf), path.join(dir, "long.pdf"))])
      .toString()
      .match(/Pages:\s+(\d+)/)?.[1];
    expect(Number(pages)).toBeGreaterThan(1);
    const t = text(pdf, "long2.pdf");
    expect(t).toContain(`${base.code} · 1 / ${pages}`);
    expect(t).toContain("XD0000000000119");
  });
});
