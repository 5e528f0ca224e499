// The Aliyun SMS adapter against a local stand-in that checks its signature as Aliyun documents it.
import { describe, expect, it } from "vitest";
import { aliyunSignature, aliyunSmsProvider } from "./aliyun.ts";
import { fakeAliyun, type AliyunSent } from "./testing/aliyun-server.ts";
import { smsProviderSuite, TEMPLATE_CODES } from "./testing/sms-suite.ts";
import { SMS_TEMPLATES, type SmsTemplateName } from "./templates.ts";

const KEY = { keyId: "LTAI5tTestKeyId", secret: "test-secret-aliyun", signName: "乡达物流" };
const templates = Object.fromEntries(
  Object.entries(TEMPLATE_CODES).map(([n, code]) => [code, SMS_TEMPLATES[n as SmsTemplateName].vars.map(([v]) => v)]),
);

describe("aliyun signature", () => {
  it("reproduces the documented example (DescribeRegions, secret testsecret)", () => {
    const params = {
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      Format: "XML",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      Timestamp: "2016-02-23T12:46:24Z",
      Version: "2014-05-26",
    };
    expect(aliyunSignature("GET", params, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });
});

describe("aliyun adapter", () => {
  smsProviderSuite<AliyunSent>({
    start: () => fakeAliyun({ ...KEY, templates }),
    provider: (url, o) =>
      aliyunSmsProvider({
        accessKeyId: KEY.keyId,
        accessKeySecret: o?.wrongSecret ? "wrong" : KEY.secret,
        signName: KEY.signName,
        endpoint: url,
        ...(o?.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
      }),
    read: (r) => ({ templateCode: r.templateCode, params: r.params, outId: r.outId, providerId: r.bizId, phone: r.phone }),
    signatureError: "SignatureDoesNotMatch",
    badNumberError: "isv.MOBILE_NUMBER_ILLEGAL",
    throttledCode: "Throttling.User",
    throttled: { status: 400, body: { Code: "Throttling.User", Message: "Request was denied due to user flow control." } },
    serverError: {
      status: 503,
      body: { Code: "ServiceUnavailable", Message: "The request has failed due to a temporary failure of the server." },
    },
  });
});
