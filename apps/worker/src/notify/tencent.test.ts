// The Tencent Cloud SMS adapter against a local stand-in that checks its TC3-HMAC-SHA256 signature as Tencent documents it.
import { describe, expect, it } from "vitest";
import { tc3Signature, tencentSmsProvider } from "./tencent.ts";
import { fakeTencent, type TencentSent } from "./testing/tencent-server.ts";
import { smsProviderSuite, TEMPLATE_CODES } from "./testing/sms-suite.ts";
import { SMS_TEMPLATES, type SmsTemplateName } from "./templates.ts";

const KEY = { secretId: "AKIDtestSecretId", secretKey: "test-secret-tencent", appId: "1400006666", signName: "乡达物流" };
const nameOf = Object.fromEntries(Object.entries(TEMPLATE_CODES).map(([n, code]) => [code, n as SmsTemplateName]));
const templates = Object.fromEntries(Object.entries(nameOf).map(([code, n]) => [code, SMS_TEMPLATES[n].vars.length]));

describe("tencent TC3 signature", () => {
  it("reproduces the documented example (cvm DescribeInstances, 2019-02-25)", () => {
    const s = tc3Signature({
      secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******",
      headers: { "Content-Type": "application/json; charset=utf-8", Host: "cvm.tencentcloudapi.com" },
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
      timestamp: 1551113065,
      service: "cvm",
    });
    expect(s).toEqual({
      signature: "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
      signedHeaders: "content-type;host",
      scope: "2019-02-25/cvm/tc3_request",
    });
  });
});

describe("tencent adapter", () => {
  smsProviderSuite<TencentSent>({
    start: () => fakeTencent({ ...KEY, templates }),
    provider: (url, o) =>
      tencentSmsProvider({
        ...KEY,
        secretKey: o?.wrongSecret ? "wrong" : KEY.secretKey,
        region: "ap-guangzhou",
        endpoint: url,
        ...(o?.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
      }),
    // Tencent's variables are positional: named here by the template's order.
    read: (r) => ({
      templateCode: r.templateId,
      params: Object.fromEntries(SMS_TEMPLATES[nameOf[r.templateId]!].vars.map(([v], i) => [v, r.params[i] ?? ""])),
      outId: r.sessionContext,
      providerId: r.serialNo,
      phone: r.phone,
    }),
    signatureError: "AuthFailure.SignatureFailure",
    badNumberError: "InvalidParameterValue.IncorrectPhoneNumber",
    throttledCode: "RequestLimitExceeded",
    throttled: {
      status: 200,
      body: { Response: { Error: { Code: "RequestLimitExceeded", Message: "request limit exceeded" }, RequestId: "r" } },
    },
    serverError: { status: 502, body: "<html>502 Bad Gateway</html>" },
  });
});
