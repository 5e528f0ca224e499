// A stand-in for dysmsapi.aliyuncs.com's SendSms that checks requests as Aliyun documents them (RPC signature v1.0:
// HMAC-SHA1 over "GET&%2F&" + the encoded sorted query, key = secret + "&"), written apart from the adapter so a
// mistake in one is not repeated in the other.
import { createHmac, randomUUID } from "node:crypto";
import { fakeProviderServer, type Canned, type FakeProvider } from "./http-server.ts";

export interface AliyunSent {
  phone: string;
  templateCode: string;
  params: Record<string, string>;
  outId: string;
  bizId: string;
}

export interface AliyunFakeOptions {
  keyId: string;
  secret: string;
  signName: string;
  /// Template code → the variable names its text has.
  templates: Record<string, string[]>;
}

/// The documented encoding, byte by byte: A-Z a-z 0-9 - _ . ~ kept, every other UTF-8 byte %XY in capitals.
function encode(s: string): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

const err = (status: number, code: string, message: string): { answer: Canned } => ({
  answer: { status, body: { RequestId: randomUUID(), HostId: "dysmsapi.aliyuncs.com", Code: code, Message: message } },
});

export async function fakeAliyun(o: AliyunFakeOptions): Promise<FakeProvider<AliyunSent>> {
  const nonces = new Set<string>();
  return fakeProviderServer<AliyunSent>((req) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method !== "GET" && req.method !== "POST") return err(400, "UnsupportedHTTPMethod", "method");
    const q: Record<string, string> = {};
    for (const [k, v] of url.searchParams) q[k] = v;
    for (const k of [
      "AccessKeyId",
      "Action",
      "Format",
      "SignatureMethod",
      "SignatureNonce",
      "SignatureVersion",
      "Timestamp",
      "Version",
      "Signature",
    ]) {
      if (!q[k]) return err(400, "MissingParameter", `${k} is mandatory for this action.`);
    }
    if (q.AccessKeyId !== o.keyId) return err(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    if (q.SignatureMethod !== "HMAC-SHA1" || q.SignatureVersion !== "1.0") return err(400, "InvalidParameter", "signature method");
    const { Signature, ...rest } = q;
    const canonical = Object.keys(rest)
      .sort()
      .map((k) => `${encode(k)}=${encode(rest[k]!)}`)
      .join("&");
    const expected = createHmac("sha1", `${o.secret}&`)
      .update(`${req.method}&${encode("/")}&${encode(canonical)}`)
      .digest("base64");
    if (expected !== Signature) {
      return err(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
    }
    if (nonces.has(q.SignatureNonce!)) return err(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    nonces.add(q.SignatureNonce!);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(q.Timestamp!) || Math.abs(Date.parse(q.Timestamp!) - Date.now()) > 15 * 60_000) {
      return err(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }
    if (q.Action !== "SendSms" || q.Version !== "2017-05-25" || q.Format !== "JSON") return err(404, "InvalidAction.NotFound", "action");
    if (!/^1\d{10}$/.test(q.PhoneNumbers ?? ""))
      return { answer: { status: 200, body: { Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号", RequestId: randomUUID() } } };
    if (q.SignName !== o.signName)
      return { answer: { status: 200, body: { Code: "isv.SMS_SIGNATURE_ILLEGAL", Message: "签名不合法", RequestId: randomUUID() } } };
    const vars = o.templates[q.TemplateCode ?? ""];
    if (!vars)
      return { answer: { status: 200, body: { Code: "isv.SMS_TEMPLATE_ILLEGAL", Message: "模板不合法", RequestId: randomUUID() } } };
    let params: Record<string, string>;
    try {
      params = JSON.parse(q.TemplateParam ?? "{}") as Record<string, string>;
    } catch {
      return { answer: { status: 200, body: { Code: "isv.INVALID_JSON_PARAM", Message: "JSON参数不合法", RequestId: randomUUID() } } };
    }
    if (vars.some((v) => typeof params[v] !== "string" || !params[v])) {
      return {
        answer: {
          status: 200,
          body: { Code: "isv.TEMPLATE_MISSING_PARAMETERS", Message: "模板变量缺少对应参数值", RequestId: randomUUID() },
        },
      };
    }
    const bizId = `${Date.now()}^${randomUUID().slice(0, 8)}`;
    return {
      answer: { status: 200, body: { Code: "OK", Message: "OK", BizId: bizId, RequestId: randomUUID() } },
      sent: { phone: q.PhoneNumbers!, templateCode: q.TemplateCode!, params, outId: q.OutId ?? "", bizId },
    };
  });
}
