// Resident IDs: known-good numbers, generated numbers, and each kind of failure.
import { describe, expect, it } from "vitest";
import { residentIdCheckChar, validateResidentId } from "./resident-id.ts";

const today = new Date("2024-06-15T04:00:00Z");
/// A valid ID for a region code, a birth date YYYYMMDD and a 3-digit sequence.
const make = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
};

describe("residentIdCheckChar", () => {
  it("computes the MOD 11-2 character of the published example", () => {
    expect(residentIdCheckChar("11010519491231002")).toBe("X");
  });
  it("yields every character 0-9 and X over a range of sequences", () => {
    const seen = new Set<string>();
    for (let s = 0; s < 200; s++) seen.add(residentIdCheckChar(`21088119900101${String(s).padStart(3, "0")}`));
    expect([...seen].sort().join("")).toBe("0123456789X");
  });
  it("rejects input that is not 17 digits", () => {
    expect(() => residentIdCheckChar("1234")).toThrow(RangeError);
  });
});

describe("validateResidentId", () => {
  it("accepts the published example and reads birth date and sex", () => {
    expect(validateResidentId("11010519491231002X", today)).toEqual({
      ok: true,
      id: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "F",
    });
  });

  it("accepts a lower-case x, trims spaces, and normalises to upper case", () => {
    expect(validateResidentId(" 11010519491231002x ", today)).toMatchObject({ ok: true, id: "11010519491231002X" });
  });

  it("accepts generated IDs: odd sequence digit is male, even is female", () => {
    expect(validateResidentId(make("210881", "19900101", "123"), today)).toMatchObject({ ok: true, birthDate: "1990-01-01", sex: "M" });
    expect(validateResidentId(make("210881", "20000229", "124"), today)).toMatchObject({ ok: true, birthDate: "2000-02-29", sex: "F" });
    expect(validateResidentId(make("211021", "19000101", "001"), today)).toMatchObject({ ok: true, birthDate: "1900-01-01" });
    for (let s = 0; s < 100; s++) expect(validateResidentId(make("210881", "19750615", String(s).padStart(3, "0")), today).ok).toBe(true);
  });

  it("accepts a birth date equal to today in Shanghai, even when it is still yesterday in UTC", () => {
    const lateUtc = new Date("2024-06-14T17:00:00Z"); // 2024-06-15 01:00 in Shanghai
    expect(validateResidentId(make("210881", "20240615", "001"), lateUtc).ok).toBe(true);
    expect(validateResidentId(make("210881", "20240616", "001"), lateUtc)).toMatchObject({ ok: false, reason: "BIRTH_DATE" });
  });

  it("reports FORMAT for wrong length, letters, and X anywhere but the end", () => {
    for (const bad of ["", "1101051949123100", "11010519491231002X1", "1101051949123100XX", "11010519491231O02X", "110105 19491231002X"]) {
      expect(validateResidentId(bad, today)).toMatchObject({ ok: false, reason: "FORMAT" });
    }
    expect(validateResidentId("123", today)).toEqual({ ok: false, reason: "FORMAT", length: 3, message: expect.stringContaining("has 3 characters") });
  });

  it("reports CHECK_DIGIT for every wrong check character, never naming the expected one", () => {
    const good = make("210881", "19850704", "321");
    for (const c of "0123456789X") {
      if (c === good[17]) continue;
      const r = validateResidentId(good.slice(0, 17) + c, today);
      expect(r).toMatchObject({ ok: false, reason: "CHECK_DIGIT" });
      if (!r.ok) {
        expect(r.message).toContain(`Check character ${c} does not match`);
        expect(r.message.replace(good.slice(0, 17), "").replace(`character ${c}`, "")).not.toContain(good[17]);
      }
    }
  });

  it("reports CHECK_DIGIT for a single mistyped digit", () => {
    const good = make("210881", "19850704", "321");
    const typo = good.slice(0, 3) + String((Number(good[3]) + 1) % 10) + good.slice(4);
    expect(validateResidentId(typo, today)).toMatchObject({ ok: false, reason: "CHECK_DIGIT" });
  });

  it("reports BIRTH_DATE for impossible dates, non-leap 29 February, the future and years before 1900", () => {
    const cases: [string, string][] = [
      ["19490231", "not a calendar date"],
      ["19901301", "not a calendar date"],
      ["19900100", "not a calendar date"],
      ["19000229", "not a calendar date"], // 1900 is not a leap year
      ["20230229", "not a calendar date"],
      ["20240616", "in the future"],
      ["18991231", "before 1900"],
    ];
    for (const [birth, why] of cases) {
      const r = validateResidentId(make("210881", birth, "001"), today);
      expect(r).toMatchObject({ ok: false, reason: "BIRTH_DATE" });
      if (!r.ok) expect(r.message).toContain(why);
    }
  });
});
