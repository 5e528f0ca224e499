// Feedback tones made with the Web Audio API (no audio files): a high short beep for OK, two mid beeps for a
// duplicate, a low buzz for an error, a soft blip for a scan saved offline.
export type TTone = "ok" | "duplicate" | "error" | "queued";

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return null;
  try {
    ctx ??= new window.AudioContext();
    if (ctx.state === "suspended") void ctx.resume();
    return ctx;
  } catch {
    return null;
  }
}

function beep(ac: AudioContext, start: number, freq: number, duration: number, type: OscillatorType, volume = 0.2): void {
  const osc = ac.createOscillator();
  const gain = ac.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(volume, start);
  gain.gain.exponentialRampToValueAtTime(0.001, start + duration);
  osc.connect(gain).connect(ac.destination);
  osc.start(start);
  osc.stop(start + duration + 0.02);
}

export function playTone(tone: TTone): void {
  const ac = audio();
  if (!ac) return;
  const t = ac.currentTime;
  if (tone === "ok") beep(ac, t, 1320, 0.12, "sine");
  else if (tone === "duplicate") {
    beep(ac, t, 660, 0.1, "triangle");
    beep(ac, t + 0.15, 660, 0.1, "triangle");
  } else if (tone === "queued") beep(ac, t, 880, 0.08, "sine", 0.1);
  else beep(ac, t, 180, 0.4, "square", 0.15);
}
