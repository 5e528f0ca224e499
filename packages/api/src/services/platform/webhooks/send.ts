// One webhook POST: to the address the SSRF guard checked (the connection is pinned to it, so a DNS answer that
// changes between the check and the connect cannot move it), no redirects, a time-out, at most 64 KiB read back.
import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import { isAppError } from "@xiangda/domain";
import { checkWebhookUrl, type HostLookup } from "./safe-url.ts";

export const SEND_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface SendOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  lookup?: HostLookup;
}

export interface SendResult {
  ok: boolean;
  /// The receiver's HTTP status, null when there was no answer.
  status: number | null;
  latencyMs: number;
  /// Why it failed, as a code the delivery log shows in the reader's language (null when delivered):
  /// HTTP_STATUS (the status is `status`), TIMEOUT, TOO_LARGE (the answer's body), REFUSED:<catalog key> (the outbound
  /// guard: WEBHOOK_URL_PRIVATE, WEBHOOK_URL_UNRESOLVED, WEBHOOK_URL_INVALID), NETWORK:<the system's error code>.
  error: string | null;
}

function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/// Connections are kept per checked address (keep-alive: no new TCP and TLS handshake per event), a bounded number of
/// them; each agent connects only to the address it was made for.
const AGENTS = new Map<string, Agent>();
const MAX_AGENTS = 100;

function agentFor(address: string, family: 4 | 6, timeoutMs: number): Agent {
  const key = `${family}|${address}|${timeoutMs}`;
  let agent = AGENTS.get(key);
  if (agent) {
    AGENTS.delete(key);
  } else {
    agent = new Agent({ connect: { lookup: pinnedLookup(address, family), timeout: timeoutMs }, pipelining: 1, keepAliveTimeout: 30_000 });
    if (AGENTS.size >= MAX_AGENTS) {
      const [oldest, old] = AGENTS.entries().next().value!;
      AGENTS.delete(oldest);
      void old.close().catch(() => undefined);
    }
  }
  AGENTS.set(key, agent);
  return agent;
}

async function readAtMost(body: AsyncIterable<Uint8Array>, max: number): Promise<boolean> {
  let n = 0;
  for await (const chunk of body) {
    n += chunk.byteLength;
    if (n > max) return false;
  }
  return true;
}

/// POSTs `body` to `rawUrl`; never throws for the receiver's faults (they are the result), only for programming ones.
export async function postWebhook(rawUrl: string, body: string, headers: Record<string, string>, opts: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? SEND_TIMEOUT_MS;
  const elapsed = () => Math.round(performance.now() - started);
  let target;
  try {
    target = await checkWebhookUrl(rawUrl, { allowPrivate: opts.allowPrivate, ...(opts.lookup ? { lookup: opts.lookup } : {}) });
  } catch (e) {
    const key = isAppError(e) ? (e.issues[0]?.key ?? e.key ?? "WEBHOOK_URL_INVALID") : "WEBHOOK_URL_INVALID";
    return { ok: false, status: null, latencyMs: elapsed(), error: `REFUSED:${key}` };
  }
  const agent = agentFor(target.address, target.family, timeoutMs);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(target.url, {
      dispatcher: agent,
      method: "POST",
      headers,
      body,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const fits = await readAtMost(res.body, opts.maxResponseBytes ?? MAX_RESPONSE_BYTES);
    if (!fits) {
      res.body.destroy();
      return { ok: false, status: res.statusCode, latencyMs: elapsed(), error: "TOO_LARGE" };
    }
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    return { ok, status: res.statusCode, latencyMs: elapsed(), error: ok ? null : "HTTP_STATUS" };
  } catch (e) {
    if (signal.aborted) return { ok: false, status: null, latencyMs: elapsed(), error: "TIMEOUT" };
    const err = e as { code?: unknown; cause?: { code?: unknown } };
    const code = [err.cause?.code, err.code].find((c): c is string => typeof c === "string" && /^[A-Z_]{2,40}$/.test(c)) ?? "UNKNOWN";
    return { ok: false, status: null, latencyMs: elapsed(), error: `NETWORK:${code}` };
  }
}
