// What an SMS provider adapter is, and the one HTTP call they share: a time-out, and network errors sorted into
// "surely not sent" (retry) and "may have been sent" (never resent).
import { errorCodeOf } from "./errors.ts";

export type SmsProviderName = "ALIYUN" | "TENCENT";

export interface SmsRequest {
  /// A mainland mobile number, 11 digits (the adapter adds what its provider wants, e.g. +86).
  phone: string;
  /// The provider's approved template (Aliyun TemplateCode, Tencent TemplateId).
  templateCode: string;
  /// The template's variables in the template's order, named (Aliyun takes them by name, Tencent by position).
  params: readonly (readonly [string, string])[];
  /// Our id of the message (the job's id): Aliyun OutId, Tencent SessionContext.
  outId: string;
}

export type SmsOutcome =
  /// Accepted by the provider; `id` is what its receipts name (Aliyun BizId, Tencent SerialNo).
  | { kind: "SENT"; id: string }
  /// Refused for good (bad number, template, signature, keys): not retried.
  | { kind: "FAILED"; code: string; message: string }
  /// Not sent (throttled, the provider's 5xx, no connection): safe to send again.
  | { kind: "RETRY"; code: string; message: string }
  /// The request may have reached the provider but no answer came (time-out, connection cut): not sent again.
  | { kind: "UNKNOWN"; code: string; message: string };

export interface SmsProvider {
  readonly name: SmsProviderName;
  send(req: SmsRequest): Promise<SmsOutcome>;
}

export const DEFAULT_SMS_TIMEOUT_MS = 10_000;

/// Errors raised before a byte of the request could reach the provider.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/// The provider's answer (status and parsed JSON, null when not JSON), or the outcome of a call that got none.
export async function callProvider(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status: number; body: unknown } | Extract<SmsOutcome, { kind: "RETRY" | "UNKNOWN" }>> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (e) {
    const code = errorCodeOf(e);
    const message = e instanceof Error ? e.message : String(e);
    return NOT_SENT.has(code) ? { kind: "RETRY", code, message } : { kind: "UNKNOWN", code, message };
  }
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body };
}
