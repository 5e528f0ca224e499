// Every timeline entry type the server can write (the shared catalog SHIPMENT_EVENT_TYPES, which a server test keeps
// complete: packages/api/src/shipment-event-types.test.ts) has a label in zh and en, so the timeline never shows a raw
// type such as SHELF_MOVED (issue #17); the details of a shelf move, a rolled load, a return flag and an acceptance
// elsewhere read as sentences in both languages.
import { SHIPMENT_EVENT_TYPES } from "@xiangda/domain";
import { describe, expect, it } from "vitest";
import { enumsEn as en } from "../../../i18n/enums.en.ts";
import { enumsZh as zh } from "../../../i18n/enums.zh.ts";
import { knownEventType } from "./shipment-format.ts";

describe("timeline event labels", () => {
  it("labels every event type the server writes, in zh and en", () => {
    const zhEvents = zh.events as Record<string, string | undefined>;
    const enEvents = en.events as Record<string, string | undefined>;
    const unlabelled = SHIPMENT_EVENT_TYPES.filter((t) => knownEventType(t) !== t || !zhEvents[t]?.trim() || !enEvents[t]?.trim());
    expect(unlabelled).toEqual([]);
    for (const t of SHIPMENT_EVENT_TYPES) {
      expect(zhEvents[t], t).toMatch(/[\u4e00-\u9fff]/);
      expect(zhEvents[t], t).not.toContain(t);
      expect(enEvents[t], t).not.toContain(t);
    }
    expect(zh.events.SHELF_MOVED).toBe("盘库移位");
    expect(zh.events.PICKUP_NOTICE_RESENT).toBe("重发取件通知");
  });

  it("reads a moved parcel's slots and the other details as sentences", () => {
    expect(zh.eventDetails.shelfMoved).toBe("货架位 {{from}} → {{to}}");
    expect(en.eventDetails.shelfMoved).toContain("{{from}}");
    for (const k of ["rolledFrom", "holdExpired", "byExceptionQueue", "announcedAt"] as const) {
      expect(zh.eventDetails[k], k).toMatch(/[\u4e00-\u9fff]/);
      expect(en.eventDetails[k], k).toMatch(/\S/);
    }
  });
});
