// Tencent Cloud SMS, API 3.0: SendSms (Version 2021-01-11) POSTed as JSON to sms.tencentcloudapi.com, signed with
// TC3-HMAC-SHA256 (canonical request → string to sign → key derived from "TC3" + SecretKey, the date, "sms",
// "tc3_request").
import { createHash, createHmac } from "node:crypto";
import { callProvider, DEFAULT_SMS_TIMEOUT_MS, type SmsOutcome, type SmsProvider, type SmsRequest } from "./provider.ts";

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  signName: string;
  /// SmsSdkAppId, e.g. 1400006666.
  appId: string;
  region: string;
  /// Default https://sms.tencentcloudapi.com/.
  endpoint?: string | undefined;
  timeoutMs?: number;
}

export const TENCENT_SMS_ENDPOINT = "https://sms.tencentcloudapi.com/";
const SERVICE = "sms";
const VERSION = "2021-01-11";
const CONTENT_TYPE = "application/json; charset=utf-8";

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s, "utf8").digest();

export interface Tc3Input {
  secretKey: string;
  /// Header names (any case) and values of the signed headers, e.g. content-type, host, x-tc-action.
  headers: Record<string, string>;
  payload: string;
  timestamp: number;
  service: string;
}

/// The signature and its parts: headers lower-cased, trimmed and sorted; the date is the timestamp's UTC day.
export function tc3Signature(i: Tc3Input): { signature: string; signedHeaders: string; scope: string } {
  const names = Object.keys(i.headers)
    .map((n) => n.toLowerCase())
    .sort();
  const value = (n: string) => Object.entries(i.headers).find(([k]) => k.toLowerCase() === n)?.[1] ?? "";
  const canonicalHeaders = names.map((n) => `${n}:${value(n).trim().toLowerCase()}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, signedHeaders, sha256(i.payload)].join("\n");
  const date = new Date(i.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${i.service}/tc3_request`;
  const stringToSign = ["TC3-HMAC-SHA256", String(i.timestamp), scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(`TC3${i.secretKey}`, date), i.service), "tc3_request");
  return { signature: createHmac("sha256", key).update(stringToSign, "utf8").digest("hex"), signedHeaders, scope };
}

const RETRYABLE = /^(InternalError|RequestLimitExceeded|ResourceUnavailable)/;

export function tencentSmsProvider(cfg: TencentSmsConfig, now: () => Date = () => new Date()): SmsProvider {
  const endpoint = new URL(cfg.endpoint ?? TENCENT_SMS_ENDPOINT);
  return {
    name: "TENCENT",
    async send(req: SmsRequest): Promise<SmsOutcome> {
      const payload = JSON.stringify({
        PhoneNumberSet: [req.phone.startsWith("+") ? req.phone : `+86${req.phone}`],
        SmsSdkAppId: cfg.appId,
        SignName: cfg.signName,
        TemplateId: req.templateCode,
        TemplateParamSet: req.params.map(([, v]) => v),
        SessionContext: req.outId,
      });
      const timestamp = Math.floor(now().getTime() / 1000);
      const signed = { "Content-Type": CONTENT_TYPE, Host: endpoint.host, "X-TC-Action": "SendSms" };
      const { signature, signedHeaders, scope } = tc3Signature({
        secretKey: cfg.secretKey,
        headers: signed,
        payload,
        timestamp,
        service: SERVICE,
      });
      const headers = {
        ...signed,
        Authorization: `TC3-HMAC-SHA256 Credential=${cfg.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
        "X-TC-Timestamp": String(timestamp),
        "X-TC-Version": VERSION,
        "X-TC-Region": cfg.region,
      };
      const res = await callProvider(
        endpoint.toString(),
        { method: "POST", headers, body: payload },
        cfg.timeoutMs ?? DEFAULT_SMS_TIMEOUT_MS,
      );
      if ("kind" in res) return res;
      return tencentOutcome(res.status, res.body);
    },
  };
}

interface TencentAnswer {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string }[];
  };
}

/// The answer: an API error (Response.Error), or the number's status (SendStatusSet[0], "Ok" with its SerialNo).
export function tencentOutcome(status: number, body: unknown): SmsOutcome {
  const r = (body as TencentAnswer | null)?.Response;
  if (!r)
    return status >= 500 || status === 429
      ? { kind: "RETRY", code: `HTTP_${status}`, message: "" }
      : { kind: "UNKNOWN", code: `HTTP_${status}`, message: "" };
  if (r.Error) {
    const code = r.Error.Code ?? `HTTP_${status}`;
    const message = r.Error.Message ?? "";
    return RETRYABLE.test(code) || status >= 500 ? { kind: "RETRY", code, message } : { kind: "FAILED", code, message };
  }
  const s = r.SendStatusSet?.[0];
  if (!s) return { kind: "UNKNOWN", code: "NO_SEND_STATUS", message: "" };
  if (s.Code === "Ok" && s.SerialNo) return { kind: "SENT", id: s.SerialNo };
  const code = s.Code ?? "UNKNOWN";
  return RETRYABLE.test(code) ? { kind: "RETRY", code, message: s.Message ?? "" } : { kind: "FAILED", code, message: s.Message ?? "" };
}
