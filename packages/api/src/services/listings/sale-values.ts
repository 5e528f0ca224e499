// The values people type into a sales sheet: amounts in yuan and sale times; each returns a value or a message.
import { fromShanghaiWallClock } from "./days.ts";
import { MAX_PRICE_FEN } from "./schemas.ts";

/// Yuan with at most two decimals ("12", "12.5", "¥12.50") → fen.
export function parseYuan(raw: string | undefined): { ok: true; value: number | null } | { ok: false; message: string } {
  const v = (raw ?? "").trim().replace(/^[¥￥]\s*/, "");
  if (!v) return { ok: true, value: null };
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) return { ok: false, message: `"${raw}" is not an amount in yuan with at most 2 decimals` };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (fen <= 0) return { ok: false, message: "must be positive" };
  if (fen > MAX_PRICE_FEN) return { ok: false, message: `must be at most ${MAX_PRICE_FEN / 100} yuan` };
  return { ok: true, value: fen };
}

/// A sale time: "2026-11-20 14:30[:05]" or "2026/11/20" (Asia/Shanghai wall clock) or ISO with an
/// offset. XLSX date cells arrive as ISO "…Z" strings holding the wall clock typed in the sheet (Excel
/// has no time zones), so in an XLSX file those are read as Asia/Shanghai too.
export function parseSoldAt(raw: string | undefined, xlsx: boolean): { ok: true; value: Date } | { ok: false; message: string } {
  const v = (raw ?? "").trim();
  if (!v) return { ok: false, message: "required" };
  const cell = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/.exec(v);
  const wall = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  const m = xlsx && cell ? cell : wall;
  if (m) {
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
    const at = fromShanghaiWallClock(y, mo, d, h, mi, s);
    const back = new Date(at.getTime() + 8 * 3_600_000);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
      return { ok: false, message: `"${v}" is not a real date and time` };
    return { ok: true, value: at };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)))
    return { ok: true, value: new Date(v) };
  return { ok: false, message: `"${v}" is not a time like 2026-11-20 14:30` };
}
