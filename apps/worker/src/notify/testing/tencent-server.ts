// A stand-in for sms.tencentcloudapi.com's SendSms (API 3.0) that checks requests as Tencent documents them
// (TC3-HMAC-SHA256 over the canonical request of the headers the Authorization names), written apart from the adapter.
import { createHash, createHmac, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { fakeProviderServer, type Canned, type FakeProvider } from "./http-server.ts";

export interface TencentSent {
  phone: string;
  templateId: string;
  params: string[];
  sessionContext: string;
  serialNo: string;
}

export interface TencentFakeOptions {
  secretId: string;
  secretKey: string;
  appId: string;
  signName: string;
  /// Template id → how many variables its text has.
  templates: Record<string, number>;
}

const answer = (body: Record<string, unknown>): Canned => ({ status: 200, body: { Response: { ...body, RequestId: randomUUID() } } });
const error = (code: string, message: string) => ({ answer: answer({ Error: { Code: code, Message: message } }) });
const status = (phone: string, code: string, message: string) => ({
  answer: answer({
    SendStatusSet: [{ SerialNo: "", PhoneNumber: phone, Fee: 0, SessionContext: "", Code: code, Message: message, IsoCode: "CN" }],
  }),
});

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : (v ?? "");
}

/// The signature Tencent computes for a request: canonical request, string to sign, key derived from the date.
function expectedSignature(req: IncomingMessage, body: string, key: string, signedHeaders: string, date: string, ts: string): string {
  const canonicalHeaders = signedHeaders
    .split(";")
    .map((n) => `${n}:${header(req, n).trim().toLowerCase()}\n`)
    .join("");
  const hashedPayload = createHash("sha256").update(body).digest("hex");
  const url = new URL(req.url ?? "/", "http://x");
  const canonical = `${req.method}\n${url.pathname}\n${url.search.slice(1)}\n${canonicalHeaders}\n${signedHeaders}\n${hashedPayload}`;
  const toSign = `TC3-HMAC-SHA256\n${ts}\n${date}/sms/tc3_request\n${createHash("sha256").update(canonical).digest("hex")}`;
  const kDate = createHmac("sha256", `TC3${key}`).update(date).digest();
  const kService = createHmac("sha256", kDate).update("sms").digest();
  const kSigning = createHmac("sha256", kService).update("tc3_request").digest();
  return createHmac("sha256", kSigning).update(toSign).digest("hex");
}

function checkAuth(o: TencentFakeOptions, req: IncomingMessage, body: string): { answer: Canned } | null {
  const auth =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d\d-\d\d)\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      header(req, "authorization"),
    );
  if (!auth) return error("AuthFailure.InvalidAuthorization", "Authorization header format error.");
  const [, id, date, service, signedHeaders, signature] = auth as unknown as [string, string, string, string, string, string];
  if (id !== o.secretId) return error("AuthFailure.SecretIdNotFound", "The SecretId is not found.");
  const ts = header(req, "x-tc-timestamp");
  if (!/^\d+$/.test(ts) || Math.abs(Number(ts) * 1000 - Date.now()) > 5 * 60_000)
    return error("AuthFailure.SignatureExpire", "Signature expired.");
  if (service !== "sms" || date !== new Date(Number(ts) * 1000).toISOString().slice(0, 10)) {
    return error("AuthFailure.InvalidAuthorization", "Credential scope does not match the request.");
  }
  if (!signedHeaders.split(";").includes("content-type") || !signedHeaders.split(";").includes("host")) {
    return error("AuthFailure.InvalidAuthorization", "SignedHeaders must include content-type and host.");
  }
  if (expectedSignature(req, body, o.secretKey, signedHeaders, date, ts) !== signature) {
    return error(
      "AuthFailure.SignatureFailure",
      "The provided credentials could not be validated. Please check your signature is correct.",
    );
  }
  return null;
}

export async function fakeTencent(o: TencentFakeOptions): Promise<FakeProvider<TencentSent>> {
  return fakeProviderServer<TencentSent>((req, raw) => {
    if (req.method !== "POST" || !header(req, "content-type").startsWith("application/json"))
      return error("InvalidParameter", "POST JSON only.");
    const refused = checkAuth(o, req, raw);
    if (refused) return refused;
    if (header(req, "x-tc-action") !== "SendSms") return error("InvalidAction", "The action does not exist.");
    if (header(req, "x-tc-version") !== "2021-01-11") return error("NoSuchVersion", "The version does not exist.");
    if (!header(req, "x-tc-region")) return error("MissingParameter", "X-TC-Region is required.");
    let b: {
      PhoneNumberSet?: unknown;
      SmsSdkAppId?: unknown;
      SignName?: unknown;
      TemplateId?: unknown;
      TemplateParamSet?: unknown;
      SessionContext?: unknown;
    };
    try {
      b = JSON.parse(raw) as typeof b;
    } catch {
      return error("InvalidParameter", "The body is not JSON.");
    }
    const phones = Array.isArray(b.PhoneNumberSet) ? (b.PhoneNumberSet as unknown[]) : [];
    if (phones.length !== 1 || typeof phones[0] !== "string") return error("MissingParameter", "PhoneNumberSet");
    const phone = phones[0];
    if (b.SmsSdkAppId !== o.appId) return error("FailedOperation.SdkAppIdNotExist", "SmsSdkAppId does not exist.");
    if (!/^\+861\d{10}$/.test(phone)) return status(phone, "InvalidParameterValue.IncorrectPhoneNumber", "incorrect number format");
    if (b.SignName !== o.signName) return error("FailedOperation.SignatureIncorrectOrUnapproved", "signature unapproved");
    const count = o.templates[String(b.TemplateId)];
    if (count === undefined) return error("FailedOperation.TemplateIncorrectOrUnapproved", "template unapproved");
    const params = Array.isArray(b.TemplateParamSet) ? (b.TemplateParamSet as unknown[]) : [];
    if (params.length !== count || params.some((p) => typeof p !== "string")) {
      return error("InvalidParameterValue.TemplateParameterFormatError", "TemplateParamSet does not match the template.");
    }
    const session = typeof b.SessionContext === "string" ? b.SessionContext : "";
    const serialNo = `2640:${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    return {
      answer: answer({
        SendStatusSet: [
          { SerialNo: serialNo, PhoneNumber: phone, Fee: 1, SessionContext: session, Code: "Ok", Message: "send success", IsoCode: "CN" },
        ],
      }),
      sent: { phone, templateId: String(b.TemplateId), params: params as string[], sessionContext: session, serialNo },
    };
  });
}
