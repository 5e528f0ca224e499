// Pure parts of the scan console: modes and shortcuts, outcome colours, what is worth queueing offline,
// and the merge of today's server list with the scans made on this screen.
import { TRPCClientError } from "@trpc/client";

/** The seven scan actions, in shortcut order (F1–F7). */
export const ACTION_MODES = ["ARRIVE", "DEPART", "LOAD", "HANDOVER", "DELIVER", "PICKUP", "EXCEPTION"] as const;
export type TAction = (typeof ACTION_MODES)[number];
/** AUTO sends no action: the server infers it from the code and the node and says which it applied. */
export const CONSOLE_MODES = ["AUTO", ...ACTION_MODES] as const;
export type TMode = (typeof CONSOLE_MODES)[number];
/** EXCEPTION mode's reasons to pick (scan.reasons.*); "other" takes a typed one. */
export const REASON_KEYS = ["damaged", "wrongAddress", "unreachable", "refused", "missing"] as const;

export const isAction = (x: string): x is TAction => (ACTION_MODES as readonly string[]).includes(x);

/** The shortcut shown on a mode's button. */
export function keyLabel(m: TMode): string {
  return m === "AUTO" ? "F8" : `F${ACTION_MODES.indexOf(m) + 1}`;
}

/** F1..F7 or Alt+1..7 → an action, F8 or Alt+0 → AUTO, else null. */
export function modeForKey(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): TMode | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.key === "F8" || (e.altKey && e.key === "0")) return "AUTO";
  const f = /^F([1-7])$/.exec(e.key);
  if (f) return ACTION_MODES[Number(f[1]) - 1] ?? null;
  if (e.altKey && /^[1-7]$/.test(e.key)) return ACTION_MODES[Number(e.key) - 1] ?? null;
  return null;
}

export type TServerOutcome = "OK" | "DUPLICATE" | "MISROUTED" | "INVALID_TRANSITION" | "UNKNOWN_CODE" | "FORBIDDEN";
/** Local states besides the server's outcomes: being sent, saved offline, refused by the API (4xx). */
export type TOutcome = TServerOutcome | "SENDING" | "QUEUED" | "ERROR";

export type TTone = "ok" | "duplicate" | "error" | "queued" | null;

export function toneFor(outcome: TOutcome): TTone {
  if (outcome === "OK") return "ok";
  if (outcome === "DUPLICATE") return "duplicate";
  if (outcome === "QUEUED") return "queued";
  if (outcome === "SENDING") return null;
  return "error";
}

/** CSS class suffix: ok (green), warn (amber), bad (red), wait (blue/grey). */
export function colourFor(outcome: TOutcome): "ok" | "warn" | "bad" | "wait" {
  if (outcome === "OK") return "ok";
  if (outcome === "DUPLICATE") return "warn";
  if (outcome === "SENDING" || outcome === "QUEUED") return "wait";
  return "bad";
}

/** True when the API was not reached or failed on its side (network error, 5xx): the scan is queued and retried. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true; // fetch failed, aborted, anything outside tRPC
  const data = (error as TRPCClientError<never>).data as { httpStatus?: unknown; code?: unknown } | undefined;
  if (!data || typeof data.code !== "string") return true; // no tRPC error shape: a proxy or the network answered
  const status = typeof data.httpStatus === "number" ? data.httpStatus : 0;
  return status >= 500 || status === 0 || data.code === "TIMEOUT";
}

export interface TScanWarning {
  code: string;
  params: Record<string, string | number> | null;
  message: string;
}

/** A successful scan that carries a warning is shown amber, never as a plain green success. */
export function colourForEntry(e: { outcome: TOutcome; warning?: TScanWarning | null }): "ok" | "warn" | "bad" | "wait" {
  return e.outcome === "OK" && e.warning ? "warn" : colourFor(e.outcome);
}

export interface TScanEntry {
  clientScanId: string;
  code: string;
  action: string;
  outcome: TOutcome;
  message: string;
  /** The server's reason code and parameters (scan-text.ts shows them in the console's language). */
  reason?: string | null;
  params?: Record<string, string | number> | null;
  at: string;
  waybillNo: string | null;
  nextHop: string | null;
  shelfSlot: string | null;
  /** The server chose the action (AUTO mode). */
  inferred?: boolean;
  /** Said beside a successful scan: the parcel is late, behind its plan or has no route (issue #17 defect 8). */
  warning?: TScanWarning | null;
  /** This screen's running number of the scan (1, 2, …): tells two identical results apart. */
  seq?: number;
}

export interface TTodayServer {
  counts: { action: string; outcome: string; count: number }[];
  scans: {
    clientScanId: string;
    code: string;
    action: string;
    outcome: string;
    message: string;
    reason?: string | null;
    params?: Record<string, string | number> | null;
    deviceAt: string;
  }[];
}

/** Local entries first (newest first), then the server's that this screen has not made; OK counts per action. */
export function mergeToday(
  local: readonly TScanEntry[],
  server: TTodayServer | undefined,
): { entries: TScanEntry[]; okCounts: Record<string, number> } {
  const okCounts: Record<string, number> = {};
  const serverIds = new Set(server?.scans.map((s) => s.clientScanId) ?? []);
  for (const c of server?.counts ?? []) if (c.outcome === "OK") okCounts[c.action] = (okCounts[c.action] ?? 0) + c.count;
  for (const e of local) if (e.outcome === "OK" && !serverIds.has(e.clientScanId)) okCounts[e.action] = (okCounts[e.action] ?? 0) + 1;
  const localIds = new Set(local.map((e) => e.clientScanId));
  const fromServer: TScanEntry[] = (server?.scans ?? [])
    .filter((s) => !localIds.has(s.clientScanId))
    .sort((a, b) => b.deviceAt.localeCompare(a.deviceAt))
    .map((s) => ({
      clientScanId: s.clientScanId,
      code: s.code,
      action: s.action,
      outcome: s.outcome as TOutcome,
      message: s.message,
      reason: s.reason ?? null,
      params: s.params ?? null,
      at: s.deviceAt,
      waybillNo: null,
      nextHop: null,
      shelfSlot: null,
    }));
  return { entries: [...local, ...fromServer], okCounts };
}

/** Waybills of the last `n` OK scans (newest first, each once). */
export function lastOkWaybills(entries: readonly TScanEntry[], n: number): string[] {
  const out: string[] = [];
  for (const e of entries) {
    if (out.length >= n) break;
    if (e.outcome !== "OK") continue;
    const w = e.waybillNo ?? e.code;
    if (!out.includes(w)) out.push(w);
  }
  return out;
}
