import { describe, expect, it } from "vitest";
import { readSpeakSetting, slotForSpeech, speak, speechAvailable } from "./scan-speech.ts";

describe("speaking the shelf slot", () => {
  it("says a slot's parts one by one, without dashes or leading zeros", () => {
    expect(slotForSpeech("A-03-12")).toBe("A 3 12");
    expect(slotForSpeech("C-10-01")).toBe("C 10 1");
  });

  it("is off by default and silent where the browser cannot speak", () => {
    expect(readSpeakSetting()).toBe(false);
    expect(speechAvailable()).toBe(false);
    expect(() => speak("货架 A 3 12")).not.toThrow();
  });
});
