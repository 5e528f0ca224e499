import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { colourFor, colourForEntry, isRetryable, lastOkWaybills, mergeToday, modeForKey, type TScanEntry } from "./scan-model.ts";

const key = (k: string, altKey = false) => ({ key: k, altKey, ctrlKey: false, metaKey: false });

function entry(id: string, outcome: TScanEntry["outcome"], code = id, action = "ARRIVE"): TScanEntry {
  return { clientScanId: id, code, action, outcome, message: "", at: "2026-01-01T00:00:00.000Z", waybillNo: null, nextHop: null, shelfSlot: null };
}

describe("scan console model", () => {
  it("shows a successful scan of a late or unroutable parcel amber, never plain green (issue #17 defect 8)", () => {
    const late = { code: "LATE", params: { hours: 3, minutes: 5 }, message: "late by 3 h 5 min" };
    expect(colourForEntry({ outcome: "OK", warning: late })).toBe("warn");
    expect(colourForEntry({ outcome: "OK", warning: null })).toBe("ok");
    expect(colourForEntry({ outcome: "OK" })).toBe("ok");
    // A refusal stays red whatever else it carries.
    expect(colourForEntry({ outcome: "INVALID_TRANSITION", warning: late })).toBe("bad");
  });

  it("maps F1–F7 and Alt+1..7 to the seven actions, F8 and Alt+0 to AUTO", () => {
    expect(modeForKey(key("F1"))).toBe("ARRIVE");
    expect(modeForKey(key("F7"))).toBe("EXCEPTION");
    expect(modeForKey(key("3", true))).toBe("LOAD");
    expect(modeForKey(key("3"))).toBeNull();
    expect(modeForKey(key("F8"))).toBe("AUTO");
    expect(modeForKey(key("0", true))).toBe("AUTO");
    expect(modeForKey(key("8", true))).toBeNull();
    expect(modeForKey(key("F9"))).toBeNull();
  });

  it("colours outcomes", () => {
    expect(colourFor("OK")).toBe("ok");
    expect(colourFor("DUPLICATE")).toBe("warn");
    for (const o of ["MISROUTED", "INVALID_TRANSITION", "UNKNOWN_CODE", "FORBIDDEN", "ERROR"] as const) expect(colourFor(o)).toBe("bad");
    expect(colourFor("QUEUED")).toBe("wait");
  });

  it("queues on network failures and 5xx, not on 4xx", () => {
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
    const err = (httpStatus: number, code: string) => {
      const e = new TRPCClientError<never>("x");
      Object.assign(e, { data: { httpStatus, code } });
      return e;
    };
    expect(isRetryable(err(502, "INTERNAL_SERVER_ERROR"))).toBe(true);
    expect(isRetryable(err(400, "BAD_REQUEST"))).toBe(false);
    expect(isRetryable(err(401, "UNAUTHORIZED"))).toBe(false);
  });

  it("merges today's server list with local scans without counting one twice", () => {
    const local = [entry("a", "OK"), entry("b", "QUEUED"), entry("c", "OK", "C", "DEPART")];
    const server = {
      counts: [
        { action: "ARRIVE", outcome: "OK", count: 5 },
        { action: "ARRIVE", outcome: "DUPLICATE", count: 2 },
      ],
      scans: [
        { clientScanId: "a", code: "a", action: "ARRIVE", outcome: "OK", message: "", deviceAt: "2026-01-01T00:00:00.000Z" },
        { clientScanId: "z", code: "Z", action: "ARRIVE", outcome: "OK", message: "", deviceAt: "2025-12-31T23:00:00.000Z" },
      ],
    };
    const { entries, okCounts } = mergeToday(local, server);
    expect(okCounts).toEqual({ ARRIVE: 5, DEPART: 1 });
    expect(entries.map((e) => e.clientScanId)).toEqual(["a", "b", "c", "z"]);
  });

  it("picks the waybills of the last N OK scans", () => {
    const list = [entry("1", "OK", "W1"), entry("2", "DUPLICATE", "W2"), entry("3", "OK", "W3"), entry("4", "OK", "W1"), entry("5", "OK", "W5")];
    expect(lastOkWaybills(list, 2)).toEqual(["W1", "W3"]);
    expect(lastOkWaybills(list, 10)).toEqual(["W1", "W3", "W5"]);
  });
});
