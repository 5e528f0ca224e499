// The node form's self-pickup settings (issue #17): every check the server takes has a label in both languages, and the
// hold days are checked as the server checks them before anything is sent.
import { PICKUP_CHECKS as SERVER_CHECKS } from "@xiangda/domain";
import { describe, expect, it } from "vitest";
import { networkEn as en } from "../../../i18n/network.en.ts";
import { networkZh as zh } from "../../../i18n/network.zh.ts";
import { PICKUP_CHECKS, PICKUP_HOLD_RANGE, pickupHoldDaysError } from "./pickup-settings.ts";

describe("self-pickup settings in the node form", () => {
  it("offers every pickup check of the server, each labelled in zh and en", () => {
    expect([...PICKUP_CHECKS]).toEqual([...SERVER_CHECKS]);
    for (const c of PICKUP_CHECKS) {
      expect(zh.nodes.pickupChecks[c], c).toMatch(/\S/);
      expect(en.nodes.pickupChecks[c], c).toMatch(/\S/);
    }
    expect(zh.nodes.field.pickupCheck).toBe("自提取件核验");
    expect(zh.nodes.field.pickupHoldDays).toMatch(/保管天数/);
  });

  it("takes whole days within the server's range; empty keeps the node's", () => {
    expect(PICKUP_HOLD_RANGE).toEqual({ min: 1, max: 60 });
    expect(pickupHoldDaysError("7")).toBeNull();
    expect(pickupHoldDaysError(" 1 ")).toBeNull();
    expect(pickupHoldDaysError("60")).toBeNull();
    expect(pickupHoldDaysError("")).toBeNull();
    expect(pickupHoldDaysError("0")).toBe("range");
    expect(pickupHoldDaysError("61")).toBe("range");
    expect(pickupHoldDaysError("2.5")).toBe("wholeNumber");
    expect(pickupHoldDaysError("七")).toBe("wholeNumber");
    expect(zh.nodes.pickupHoldDaysError.range).toContain("{{min}}");
  });
});
