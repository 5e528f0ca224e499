// The code of a failed fetch: undici puts the socket's error (ECONNREFUSED …) in `cause`; a time-out is TimeoutError.
export function errorCodeOf(e: unknown): string {
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return "TIMEOUT";
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  const own = (e as { code?: unknown } | null)?.code;
  return typeof own === "string" ? own : "NETWORK";
}
