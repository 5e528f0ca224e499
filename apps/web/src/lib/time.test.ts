import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatShortDateTime } from "./time.ts";

describe("time helpers", () => {
  it("shows instants in Asia/Shanghai (UTC+8)", () => {
    expect(formatDateTime("2024-01-01T16:30:05Z")).toBe("2024/01/02 00:30:05");
    expect(formatDate("2024-01-01T16:30:05Z")).toBe("2024/01/02");
    expect(formatShortDateTime("2024-01-01T16:30:05Z")).toBe("01/02 00:30");
  });

  it("leaves empty and unparsable values readable", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("not a date")).toBe("not a date");
  });
});
