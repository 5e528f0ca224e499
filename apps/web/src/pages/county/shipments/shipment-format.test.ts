import { formatScaled, parseScaled } from "../../../lib/numbers.ts";
import { residentIdCheckChar } from "@xiangda/domain";
import { describe, expect, it } from "vitest";
import type { TLeg } from "../../../lib/shipments-api.ts";
import {
  checkResidentId,
  detailEntries,
  knownEventType,
  legDisplayLight,
  lightReasonKey,
  minutesBetween,
  splitLegs,
} from "./shipment-format.ts";

function leg(plan: number, seq: number, status: TLeg["status"], extra: Partial<TLeg> = {}): TLeg {
  return {
    plan,
    seq,
    lane: `L${plan}${seq}`,
    from: "A",
    to: "B",
    plannedDepart: "2026-05-01T00:00:00.000Z",
    plannedArrive: "2026-05-01T02:00:00.000Z",
    actualDepart: null,
    actualArrive: null,
    status,
    light: "GREEN",
    ...extra,
  };
}

describe("parseScaled", () => {
  it("turns kg, yuan and cm into whole g, fen and mm exactly", () => {
    expect(parseScaled("1.25", 3)).toBe(1250);
    expect(parseScaled("0.001", 3)).toBe(1);
    expect(parseScaled("2", 3)).toBe(2000);
    expect(parseScaled("12.5", 2)).toBe(1250);
    expect(parseScaled("0.29", 2)).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(parseScaled("30", 1)).toBe(300);
    expect(parseScaled(".5", 1)).toBe(5);
    expect(parseScaled("1。5", 1)).toBe(15);
  });

  it("keeps empty apart from invalid", () => {
    expect(parseScaled("  ", 3)).toBeNull();
    expect(parseScaled("1.2345", 3)).toBe("invalid");
    expect(parseScaled("-1", 3)).toBe("invalid");
    expect(parseScaled("abc", 2)).toBe("invalid");
    expect(parseScaled("1e3", 2)).toBe("invalid");
  });

  it("formats back", () => {
    expect(formatScaled(1250, 3)).toBe("1.25");
    expect(formatScaled(1, 3)).toBe("0.001");
    expect(formatScaled(2000, 3)).toBe("2");
    expect(formatScaled(0, 2)).toBe("0");
  });
});

describe("splitLegs", () => {
  it("keeps travelled and current legs in order and groups cancelled ones by plan, newest first", () => {
    const legs = [leg(2, 0, "PLANNED"), leg(1, 1, "CANCELLED"), leg(1, 0, "ARRIVED"), leg(3, 0, "PLANNED"), leg(2, 1, "CANCELLED")];
    // (plan 2 partly cancelled as a plan 3 replaced it)
    const { current, previous } = splitLegs(legs);
    expect(current.map((l) => `${l.plan}.${l.seq}`)).toEqual(["1.0", "2.0", "3.0"]);
    expect(previous.map((g) => g.plan)).toEqual([2, 1]);
    expect(previous[1]?.legs.map((l) => l.seq)).toEqual([1]);
  });
});

describe("legDisplayLight", () => {
  const now = new Date("2026-05-01T01:50:00.000Z");
  it("is red past the planned arrival even when the stored light is green", () => {
    expect(legDisplayLight(leg(1, 0, "PLANNED"), new Date("2026-05-01T03:00:00.000Z"))).toBe("RED");
  });
  it("is yellow near the planned arrival and keeps a worse stored light", () => {
    expect(legDisplayLight(leg(1, 0, "DEPARTED"), now)).toBe("YELLOW");
    expect(legDisplayLight(leg(1, 0, "PLANNED", { light: "RED" }), new Date("2026-05-01T00:10:00.000Z"))).toBe("RED");
  });
  it("has no light when cancelled, and an arrival on time is green", () => {
    expect(legDisplayLight(leg(1, 0, "CANCELLED"), now)).toBeNull();
    expect(legDisplayLight(leg(1, 0, "ARRIVED", { actualArrive: "2026-05-01T01:00:00.000Z" }), new Date("2026-06-01T00:00:00Z"))).toBe(
      "GREEN",
    );
  });
});

describe("checkResidentId", () => {
  const today = new Date("2026-05-01T00:00:00Z");
  const first17 = "21088119800101123";
  const good = first17 + residentIdCheckChar(first17);

  it("accepts a valid ID (lower-case x too) and gives the birth date", () => {
    expect(checkResidentId(good, today)).toEqual({ state: "ok", birthDate: "1980-01-01" });
    const withX = "11010519491231002X";
    expect(checkResidentId(withX.toLowerCase(), today).state).toBe("ok");
  });

  it("is only typing while fewer than 18 digits are in", () => {
    expect(checkResidentId("", today)).toEqual({ state: "empty" });
    expect(checkResidentId("2108811980", today)).toEqual({ state: "typing", length: 10 });
  });

  it("names the reason: format, check digit, birth date", () => {
    expect(checkResidentId("21088A", today)).toEqual({ state: "FORMAT", length: 6 });
    expect(checkResidentId(`${good}1`, today)).toEqual({ state: "FORMAT", length: 19 });
    const wrong = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    expect(checkResidentId(wrong, today)).toEqual({ state: "CHECK_DIGIT", got: wrong[17] });
    const badDate = "21088119801301123";
    expect(checkResidentId(badDate + residentIdCheckChar(badDate), today)).toEqual({ state: "BIRTH_DATE", birth: "19801301" });
  });
});

describe("small lookups", () => {
  it("knows event types and light reasons, and summarises details", () => {
    expect(knownEventType("ACCEPTED")).toBe("ACCEPTED");
    expect(knownEventType("SOMETHING_NEW")).toBeNull();
    expect(lightReasonKey("leg overdue")).toBe("legOverdue");
    expect(lightReasonKey("no lane from X")).toBeNull();
    expect(detailEntries({ device: "X-ray 1", screened: true, nested: { a: 1 } })).toEqual([
      ["device", "X-ray 1"],
      ["screened", "true"],
    ]);
    expect(detailEntries(null)).toEqual([]);
    expect(minutesBetween("2026-05-01T00:00:00Z", "2026-05-01T01:30:59Z")).toBe(90);
  });
});
