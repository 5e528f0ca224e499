// What a trace look-up accepts: the batch's trace code as typed (any case, spaces or dashes between
// groups) or the URL its QR label carries (…/t/<code>). Codes are Crockford base32, where O reads as 0
// and I or L as 1; both the plain and the folded form are tried, so codes stored either way are found.

/// The longest input worth reading: a full URL with a code in it.
export const MAX_TRACE_INPUT = 300;

export function traceCodeCandidates(raw: string): string[] {
  let s = raw.trim();
  const inUrl = /\/t\/([^/?#\s]+)/i.exec(s);
  if (inUrl) {
    try {
      s = decodeURIComponent(inUrl[1]!);
    } catch {
      s = inUrl[1]!;
    }
  }
  const plain = s.replace(/[\s-]+/g, "").toUpperCase();
  if (!plain || plain.length > 64 || !/^[0-9A-Z]+$/.test(plain)) return [];
  const folded = plain.replace(/O/g, "0").replace(/[IL]/g, "1");
  return [...new Set([plain, folded])];
}
