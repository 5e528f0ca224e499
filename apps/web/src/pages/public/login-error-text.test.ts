import { TRPCClientError } from "@trpc/client";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { zh } from "../../i18n/zh.ts";
import { loginErrorText } from "./login-error-text.ts";

const i18n = createInstance();
await i18n.init({ lng: "zh-CN", resources: { "zh-CN": { translation: zh } }, interpolation: { escapeValue: false } });

function failure(code: string, data: Record<string, unknown> = {}) {
  return new TRPCClientError("server message", {
    result: { error: { message: "server message", code: -32600, data: { code, ...data } } } as never,
  });
}

describe("loginErrorText", () => {
  it("explains wrong credentials and rate limits", () => {
    expect(loginErrorText(failure("UNAUTHORIZED", { appCode: "UNAUTHENTICATED" }), i18n.t)).toBe(zh.login.unauthorized);
    expect(loginErrorText(failure("TOO_MANY_REQUESTS", { appCode: "RATE_LIMITED" }), i18n.t)).toBe(zh.login.rateLimited);
  });

  it("says how long to wait when the server gives retryAfterSeconds", () => {
    const wait = (s: number) =>
      failure("TOO_MANY_REQUESTS", { appCode: "RATE_LIMITED", details: { retryAfterSeconds: s, scope: "USERNAME" } });
    expect(loginErrorText(wait(8), i18n.t)).toBe("登录尝试过于频繁，请 8 秒后再试。");
    expect(loginErrorText(wait(900), i18n.t)).toBe("登录尝试过于频繁，请 15 分钟后再试。");
  });

  it("asks to check the fields when the server reports field issues", () => {
    const err = failure("BAD_REQUEST", { appCode: "INVALID_INPUT", zodIssues: [{ path: "username", message: "required" }] });
    expect(loginErrorText(err, i18n.t)).toBe(zh.login.invalid);
  });

  it("says so when the server cannot be reached", () => {
    expect(loginErrorText(new TRPCClientError("Failed to fetch"), i18n.t)).toBe(zh.login.network);
    expect(loginErrorText(null, i18n.t)).toBeNull();
  });
});
