import { TRPCClientError } from "@trpc/client";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { publicZh as zh } from "../../i18n/public.zh.ts";
import type { TT } from "../../i18n/use-t.ts";
import { loginErrorText } from "./login-error-text.ts";

const i18n = createInstance();
await i18n.init({
  lng: "zh-CN",
  ns: ["public"],
  defaultNS: "public",
  resources: { "zh-CN": { public: zh } },
  interpolation: { escapeValue: false },
});
const t = (i18n.getFixedT as unknown as (lng: string, ns: string) => TT<"public">)("zh-CN", "public");

function failure(code: string, data: Record<string, unknown> = {}) {
  return new TRPCClientError("server message", {
    result: { error: { message: "server message", code: -32600, data: { code, ...data } } } as never,
  });
}

describe("loginErrorText", () => {
  it("explains wrong credentials and rate limits", () => {
    expect(loginErrorText(failure("UNAUTHORIZED", { appCode: "UNAUTHENTICATED" }), t)).toBe(zh.login.unauthorized);
    expect(loginErrorText(failure("TOO_MANY_REQUESTS", { appCode: "RATE_LIMITED" }), t)).toBe(zh.login.rateLimited);
  });

  it("says how long to wait when the server gives retryAfterSeconds", () => {
    const wait = (s: number) =>
      failure("TOO_MANY_REQUESTS", { appCode: "RATE_LIMITED", details: { retryAfterSeconds: s, scope: "USERNAME" } });
    expect(loginErrorText(wait(8), t)).toBe("登录尝试过于频繁，请 8 秒后再试。");
    expect(loginErrorText(wait(900), t)).toBe("登录尝试过于频繁，请 15 分钟后再试。");
  });

  it("asks to check the fields when the server reports field issues", () => {
    const err = failure("BAD_REQUEST", { appCode: "INVALID_INPUT", zodIssues: [{ path: "username", message: "required" }] });
    expect(loginErrorText(err, t)).toBe(zh.login.invalid);
  });

  it("says so when the server cannot be reached", () => {
    expect(loginErrorText(new TRPCClientError("Failed to fetch"), t)).toBe(zh.login.network);
    expect(loginErrorText(null, t)).toBeNull();
  });
});
