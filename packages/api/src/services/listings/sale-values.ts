// The values people type into a sales sheet: amounts in yuan and sale times; each returns a value or a message.
import { errorText, type ErrorParamsArg, type TErrorKey, type TErrorParamValue } from "@xiangda/domain";
import { fromShanghaiWallClock } from "./days.ts";
import { MAX_PRICE_FEN } from "./schemas.ts";

/// A value that could not be read: a catalog key with its parameters (and the English for logs).
export type ValueProblem = { ok: false; message: string; key: TErrorKey; params: Record<string, TErrorParamValue> };
function bad<K extends TErrorKey>(key: K, ...[params]: ErrorParamsArg<K>): ValueProblem {
  return { ok: false, ...problemOf(key, ...([params] as ErrorParamsArg<K>)) };
}

/// A catalog key with its parameters and its English sentence, as row issues carry them.
export function problemOf<K extends TErrorKey>(
  key: K,
  ...[params]: ErrorParamsArg<K>
): { message: string; key: K; params: Record<string, TErrorParamValue> } {
  const p = (params ?? {}) as Record<string, TErrorParamValue>;
  return { message: errorText(key, p), key, params: p };
}

/// Yuan with at most two decimals ("12", "12.5", "¥12.50") → fen.
export function parseYuan(raw: string | undefined): { ok: true; value: number | null } | ValueProblem {
  const v = (raw ?? "").trim().replace(/^[¥￥]\s*/, "");
  if (!v) return { ok: true, value: null };
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) return bad("NOT_YUAN", { value: raw ?? "" });
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (fen <= 0) return bad("MUST_BE_POSITIVE");
  if (fen > MAX_PRICE_FEN) return bad("AT_MOST_YUAN", { max: MAX_PRICE_FEN / 100 });
  return { ok: true, value: fen };
}

/// A sale time: "2026-11-20 14:30[:05]" or "2026/11/20" (Asia/Shanghai wall clock) or ISO with an
/// offset. XLSX date cells arrive as ISO "…Z" strings holding the wall clock typed in the sheet (Excel
/// has no time zones), so in an XLSX file those are read as Asia/Shanghai too.
export function parseSoldAt(raw: string | undefined, xlsx: boolean): { ok: true; value: Date } | ValueProblem {
  const v = (raw ?? "").trim();
  if (!v) return bad("REQUIRED");
  const cell = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/.exec(v);
  const wall = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  const m = xlsx && cell ? cell : wall;
  if (m) {
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
    const at = fromShanghaiWallClock(y, mo, d, h, mi, s);
    const back = new Date(at.getTime() + 8 * 3_600_000);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
      return bad("NOT_REAL_DATE_TIME", { value: v });
    return { ok: true, value: at };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)))
    return { ok: true, value: new Date(v) };
  return bad("NOT_A_SALE_TIME", { value: v });
}
