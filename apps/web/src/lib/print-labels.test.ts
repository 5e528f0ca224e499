// The console's label printing: the tab opens inside the click, goes to the PDF of the printable numbers (ours, also
// for a carrier's number asked for), closes when nothing is printable; refused numbers come back for the page.
import { afterEach, describe, expect, it, vi } from "vitest";
import { printLabels } from "./print-labels.ts";

function fakeTab() {
  return {
    opener: {} as unknown,
    location: { href: "about:blank" },
    closed: false,
    close() {
      this.closed = true;
    },
  };
}

function stub(check: unknown, status = 200) {
  const tab = fakeTab();
  const open = vi.fn(() => tab);
  const fetch = vi.fn(async (url: string) => ({ ok: status < 400, status, url, json: async () => check }));
  vi.stubGlobal("window", { open });
  vi.stubGlobal("fetch", fetch);
  return { tab, open, fetch };
}

afterEach(() => vi.unstubAllGlobals());

describe("printLabels", () => {
  it("prints our numbers for a mixed request and returns the refused ones", async () => {
    const { tab, open, fetch } = stub({
      printable: [
        { requested: "XD0001000000057", waybillNo: "XD0001000000057" },
        { requested: "73100000009002", waybillNo: "XD0001000000073" },
      ],
      refused: [{ requested: "73100000009003", reason: "NOT_FOUND_OR_NOT_YOURS" }],
    });
    const r = await printLabels(["XD0001000000057", "73100000009002", "73100000009003"], "100x150");
    expect(open).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe("/labels/check?waybills=XD0001000000057,73100000009002,73100000009003");
    expect(tab.location.href).toBe("/labels.pdf?waybills=XD0001000000057,XD0001000000073&size=100x150");
    expect(tab.opener).toBeNull();
    expect(r).toEqual({ printed: ["XD0001000000057", "XD0001000000073"], refused: ["73100000009003"] });
  });

  it("closes the tab when nothing is printable, and when the check fails", async () => {
    const none = stub({ printable: [], refused: [{ requested: "X1", reason: "NOT_FOUND_OR_NOT_YOURS" }] });
    expect(await printLabels(["X1"], "76x130")).toEqual({ printed: [], refused: ["X1"] });
    expect(none.tab.closed).toBe(true);
    const failed = stub({}, 401);
    await expect(printLabels(["X1"], "76x130")).rejects.toThrow("401");
    expect(failed.tab.closed).toBe(true);
  });
});
