// Speaks a parcel's shelf slot aloud in Chinese (Web Speech API), for staff who shelve without looking at the screen.
// Off by default; the choice is kept on this device. A browser without speech synthesis simply stays silent.
const SPEAK_KEY = "xd.scan.speak";

export function speechAvailable(): boolean {
  return typeof globalThis.speechSynthesis !== "undefined" && typeof globalThis.SpeechSynthesisUtterance !== "undefined";
}

export function readSpeakSetting(): boolean {
  try {
    return globalThis.localStorage?.getItem(SPEAK_KEY) === "1";
  } catch {
    return false;
  }
}

export function storeSpeakSetting(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(SPEAK_KEY, on ? "1" : "0");
  } catch {
    // kept for this page only
  }
}

/** "A-03-12" → "A 3 12": letters and numbers said one by one, without the dashes or leading zeros. */
export function slotForSpeech(slot: string): string {
  return slot
    .split("-")
    .map((part) => (/^\d+$/.test(part) ? String(Number(part)) : part))
    .join(" ");
}

export function speak(text: string): void {
  if (!speechAvailable()) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = "zh-CN";
  u.rate = 1.05;
  globalThis.speechSynthesis.cancel(); // the newest slot, not a backlog of older ones
  globalThis.speechSynthesis.speak(u);
}
