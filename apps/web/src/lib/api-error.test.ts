import { TRPCClientError } from "@trpc/client";
import { ERROR_MESSAGES, type TErrorKey } from "@xiangda/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorsEn } from "../i18n/errors.en.ts";
import { errorsZh } from "../i18n/errors.zh.ts";
import { setLanguage } from "../i18n/index.ts";
import { fieldError, onUntranslated, readApiError, unplacedErrors } from "./api-error.ts";

function clientError(data: unknown): TRPCClientError<never> {
  return new TRPCClientError("boom", { result: { error: { message: "boom", code: -32600, data } } as never });
}

describe("readApiError", () => {
  beforeEach(() => setLanguage("en"));

  it("collects field issues and codes", () => {
    const err = readApiError(
      clientError({
        code: "BAD_REQUEST",
        appCode: "INVALID_INPUT",
        zodIssues: [
          { path: "username", message: "required" },
          { path: "", message: "bad form" },
        ],
      }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.appCode).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toEqual({ username: "required" });
    expect(err.formErrors).toEqual(["bad form"]);
    expect(err.isNetwork).toBe(false);
  });

  it("treats an error without data as a network failure", () => {
    const err = readApiError(new TRPCClientError("Failed to fetch"));
    expect(err.code).toBeNull();
    expect(err.isNetwork).toBe(true);
  });
});

describe("fieldError / unplacedErrors", () => {
  const errors = { code: "taken", "departures.1": "bad time", "stops.0.code": "unknown" };

  it("finds a field by its exact path or a nested one", () => {
    expect(fieldError(errors, "code")).toBe("taken");
    expect(fieldError(errors, "departures")).toBe("bad time");
    expect(fieldError(errors, "depart")).toBeUndefined();
  });

  it("lists the errors no field of the form shows", () => {
    expect(unplacedErrors(errors, ["code", "departures"])).toEqual(["stops.0.code: unknown"]);
  });
});

// Defect 7 of issue #17: the server's English ("must not be in the future", "only 47 in stock") reached the Chinese UI.
describe("server messages are translated, never shown raw in Chinese", () => {
  const untranslated: string[] = [];
  beforeEach(async () => {
    untranslated.length = 0;
    onUntranslated((text) => untranslated.push(text));
    await setLanguage("zh-CN");
  });
  afterEach(() => onUntranslated(null));

  it("translates the message key and the field issues' keys with their parameters", () => {
    const err = readApiError(
      clientError({
        code: "BAD_REQUEST",
        appCode: "INVALID_INPUT",
        messageKey: "ONLY_IN_STOCK",
        messageParams: { stock: 47 },
        zodIssues: [
          { path: "quantity", message: "only 47 in stock", key: "ONLY_IN_STOCK", params: { stock: 47 } },
          { path: "producedOn", message: "must not be in the future", key: "NOT_IN_FUTURE", params: {} },
        ],
      }),
    );
    expect(err.message).toBe("库存只有 47 件");
    expect(err.fieldErrors).toEqual({ quantity: "库存只有 47 件", producedOn: "不能是将来的日期" });
    expect(untranslated).toEqual([]);
  });

  it("shows a generic Chinese message, never the English, for a message without a key — and reports it", () => {
    const err = readApiError(
      clientError({
        code: "CONFLICT",
        appCode: "CONFLICT",
        zodIssues: [{ path: "batchNo", message: "already used for this product" }],
      }),
    );
    expect(err.message).toBe(errorsZh.generic.CONFLICT);
    expect(err.fieldErrors).toEqual({ batchNo: errorsZh.generic.field });
    expect(JSON.stringify(err)).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
    expect(untranslated).toEqual(["already used for this product", "boom"]);
  });

  it("an unknown key is no key: generic text, reported", () => {
    const err = readApiError(clientError({ code: "NOT_FOUND", appCode: "NOT_FOUND", messageKey: "NO_SUCH_THING", messageParams: {} }));
    expect(err.message).toBe(errorsZh.generic.NOT_FOUND);
    expect(untranslated).toEqual(["boom"]);
  });

  it("in English a message without a key shows as the server wrote it", async () => {
    await setLanguage("en");
    expect(readApiError(clientError({ code: "CONFLICT", appCode: "CONFLICT" })).message).toBe("boom");
  });

  it("shows status parameters as their labels, never the server's word (a lost parcel, a listing under review)", async () => {
    const lost = readApiError(
      clientError({ code: "CONFLICT", appCode: "INVALID_TRANSITION", messageKey: "PARCEL_FINISHED", messageParams: { status: "lost" } }),
    );
    expect(lost.message).toBe("包裹已丢失，不能再操作");
    const listing = readApiError(
      clientError({ code: "CONFLICT", appCode: "INVALID_TRANSITION", messageKey: "LISTING_CANNOT_SUBMIT", messageParams: { listingStatus: "ACTIVE" } }),
    );
    expect(listing.message).toBe("“在售”的上架不能提交审核");
    await setLanguage("en");
    const en = readApiError(
      clientError({ code: "CONFLICT", appCode: "INVALID_TRANSITION", messageKey: "PARCEL_FINISHED", messageParams: { status: "LOST" } }),
    );
    expect(en.message).not.toMatch(/LOST/);
    await setLanguage("zh-CN");
    const route = readApiError(
      clientError({
        code: "BAD_REQUEST",
        appCode: "INVALID_INPUT",
        messageKey: "RESTOCK_LINE_NO_ROUTE",
        messageParams: { product: "散养鸡", temp: "chilled", route: "no cold-chain route for a CHILLED parcel from V1 to S105 within 3 days" },
      }),
    );
    expect(route.message).toBe("散养鸡（冷藏）无法规划路由：没有冷链路由（V1 → S105，3 天内）");
    expect(untranslated).toEqual([]);
  });

  it("network and internal errors have their own texts", () => {
    expect(readApiError(new TRPCClientError("Failed to fetch")).message).toBe(errorsZh.generic.network);
    expect(readApiError(clientError({ code: "INTERNAL_SERVER_ERROR", appCode: null })).message).toBe(errorsZh.generic.internal);
  });
});

describe("the errors catalog", () => {
  const placeholders = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1] ?? "").sort();

  it("has every server key in zh and en, with the server's parameters (or fewer, never others)", () => {
    for (const key of Object.keys(ERROR_MESSAGES) as TErrorKey[]) {
      const server = placeholders(ERROR_MESSAGES[key], /\{(\w+)\}/g);
      for (const text of [errorsZh[key], errorsEn[key]]) {
        expect(text, key).toBeTruthy();
        for (const p of placeholders(text, /\{\{\s*(\w+)\s*\}\}/g)) expect(server, `${key}: {{${p}}}`).toContain(p);
      }
    }
  });
});
