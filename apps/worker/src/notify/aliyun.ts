// Aliyun SMS (dysmsapi, RPC style): SendSms, Version 2017-05-25, GET with the parameters signed by HMAC-SHA1
// (Signature mechanism, SignatureVersion 1.0): Base64(HMAC-SHA1(secret + "&", "GET&%2F&" + enc(sorted canonical query))).
import { createHmac, randomUUID } from "node:crypto";
import { callProvider, DEFAULT_SMS_TIMEOUT_MS, type SmsOutcome, type SmsProvider, type SmsRequest } from "./provider.ts";

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /// Default https://dysmsapi.aliyuncs.com/.
  endpoint?: string | undefined;
  timeoutMs?: number;
}

export const ALIYUN_SMS_ENDPOINT = "https://dysmsapi.aliyuncs.com/";

/// Aliyun's percent-encoding: RFC 3986 unreserved characters kept, everything else %XY (space %20, "*" %2A, "~" kept).
export function aliyunPercentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/// The string to sign of an RPC request: method, "/" and the canonical query (sorted by name), each encoded.
export function aliyunStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k] ?? "")}`)
    .join("&");
  return `${method}&${aliyunPercentEncode("/")}&${aliyunPercentEncode(canonical)}`;
}

export function aliyunSignature(method: string, params: Record<string, string>, secret: string): string {
  return createHmac("sha1", `${secret}&`).update(aliyunStringToSign(method, params)).digest("base64");
}

/// Codes worth trying again later: the API's throttling and its own failures. Everything else is the request's fault.
const RETRYABLE = /^(Throttling|ServiceUnavailable|InternalError|SignatureNonceUsed|isp\.SYSTEM_ERROR)/;

export function aliyunSmsProvider(cfg: AliyunSmsConfig, now: () => Date = () => new Date()): SmsProvider {
  const endpoint = cfg.endpoint ?? ALIYUN_SMS_ENDPOINT;
  return {
    name: "ALIYUN",
    async send(req: SmsRequest): Promise<SmsOutcome> {
      const params: Record<string, string> = {
        AccessKeyId: cfg.accessKeyId,
        Action: "SendSms",
        Format: "JSON",
        RegionId: "cn-hangzhou",
        SignatureMethod: "HMAC-SHA1",
        SignatureNonce: randomUUID(),
        SignatureVersion: "1.0",
        Timestamp: now()
          .toISOString()
          .replace(/\.\d{3}Z$/, "Z"),
        Version: "2017-05-25",
        PhoneNumbers: req.phone,
        SignName: cfg.signName,
        TemplateCode: req.templateCode,
        TemplateParam: JSON.stringify(Object.fromEntries(req.params)),
        OutId: req.outId,
      };
      const signature = aliyunSignature("GET", params, cfg.accessKeySecret);
      const query = Object.entries({ Signature: signature, ...params })
        .map(([k, v]) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(v)}`)
        .join("&");
      const url = new URL(endpoint);
      url.search = query;
      const res = await callProvider(url.toString(), { method: "GET" }, cfg.timeoutMs ?? DEFAULT_SMS_TIMEOUT_MS);
      if ("kind" in res) return res;
      return aliyunOutcome(res.status, res.body);
    },
  };
}

/// SendSms's answer: Code "OK" with the BizId, or the error Code and Message.
export function aliyunOutcome(status: number, body: unknown): SmsOutcome {
  const b = (body ?? {}) as { Code?: unknown; Message?: unknown; BizId?: unknown };
  const code = typeof b.Code === "string" ? b.Code : `HTTP_${status}`;
  const message = typeof b.Message === "string" ? b.Message : "";
  if (code === "OK" && typeof b.BizId === "string" && b.BizId) return { kind: "SENT", id: b.BizId };
  if (status >= 500 || status === 429 || RETRYABLE.test(code)) return { kind: "RETRY", code, message };
  // A 2xx without a usable answer: the provider may have taken it.
  if (status < 300 && (code === "OK" || typeof b.Code !== "string")) return { kind: "UNKNOWN", code, message };
  return { kind: "FAILED", code, message };
}
