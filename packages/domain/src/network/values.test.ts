import { describe, expect, it } from "vitest";
import {
  parseAreaCode,
  parseBool,
  parseCold,
  parseDepartures,
  parseEnergy,
  parseIntField,
  parseLaneMode,
  parseTier,
  parseWeekdays,
  splitDepartures,
} from "./values.ts";

const value = <T>(p: { ok: boolean; value?: T }) => (p.ok ? p.value : "ERR");

describe("network values", () => {
  it("parses departures, sorted and normalised", () => {
    expect(value(parseDepartures("14:30;08:00"))).toEqual(["08:00", "14:30"]);
    expect(value(parseDepartures("8:00, 8:00 、21:15"))).toEqual(["08:00", "21:15"]);
    expect(parseDepartures("25:00")).toMatchObject({ ok: false, message: expect.stringContaining("25:00") });
    expect(parseDepartures("")).toMatchObject({ ok: false });
    expect(parseDepartures("8am")).toMatchObject({ ok: false });
  });

  it("splits departures on ; , 、 ， ； and spaces, without checking them", () => {
    expect(splitDepartures("08:00;14:30")).toEqual(["08:00", "14:30"]);
    expect(splitDepartures(" 08:00 ，14:30； 19:00 、8:00,8am")).toEqual(["08:00", "14:30", "19:00", "8:00", "8am"]);
    expect(splitDepartures("")).toEqual([]);
    expect(splitDepartures(undefined)).toEqual([]);
    expect(value(parseDepartures("14:30，08:00"))).toEqual(["08:00", "14:30"]);
  });

  it("parses weekdays as ranges and lists", () => {
    expect(value(parseWeekdays("1-5"))).toEqual([1, 2, 3, 4, 5]);
    expect(value(parseWeekdays("1,3,5"))).toEqual([1, 3, 5]);
    expect(value(parseWeekdays("1-3,6-7"))).toEqual([1, 2, 3, 6, 7]);
    expect(value(parseWeekdays(""))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(value(parseWeekdays("每天"))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseWeekdays("0")).toMatchObject({ ok: false });
    expect(parseWeekdays("5-1")).toMatchObject({ ok: false, message: expect.stringContaining("backwards") });
  });

  it("parses enums with Chinese and lower-case aliases", () => {
    expect(value(parseTier("township_station"))).toBe("TOWNSHIP_STATION");
    expect(value(parseTier("村级服务点"))).toBe("VILLAGE_POINT");
    expect(parseTier("castle")).toMatchObject({ ok: false, message: expect.stringContaining("COUNTY_HUB") });
    expect(value(parseLaneMode("milk-run"))).toBe("MILK_RUN");
    expect(value(parseEnergy("新能源"))).toBe("NEW_ENERGY");
  });

  it("parses booleans and cold classes", () => {
    expect(value(parseBool("是"))).toBe(true);
    expect(value(parseBool(""))).toBe(false);
    expect(parseBool("maybe")).toMatchObject({ ok: false });
    expect(value(parseCold("true"))).toBe("BOTH");
    expect(value(parseCold("chilled"))).toBe("CHILLED");
    expect(value(parseCold("冷冻"))).toBe("FROZEN");
    expect(value(parseCold("chilled;frozen"))).toBe("BOTH");
    expect(value(parseCold("0"))).toBe("NONE");
    expect(parseCold("warm")).toMatchObject({ ok: false });
  });

  it("parses numbers and area codes", () => {
    expect(value(parseIntField("30", { min: 0 }))).toBe(30);
    expect(parseIntField("-1", { min: 0 })).toMatchObject({ ok: false });
    expect(parseIntField("1.5")).toMatchObject({ ok: false });
    expect(value(parseIntField("", { fallback: 0 }))).toBe(0);
    expect(value(parseAreaCode("210881102"))).toBe("210881102000");
    expect(value(parseAreaCode("210881102201"))).toBe("210881102201");
    expect(parseAreaCode("2108")).toMatchObject({ ok: false });
  });
});
