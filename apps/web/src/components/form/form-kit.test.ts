import { ZCreateUserSchema } from "@xiangda/domain";
import type { ResolverOptions } from "react-hook-form";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { setLanguage } from "../../i18n/index.ts";
import { optionalWholeNumber, parseDecimal, parseWholeNumber, requiredDecimal, requiredWholeNumber } from "./draft-fields.ts";
import { issueKey, issueText, placePath, serverFieldErrors, zodFormResolver } from "./issue-text.ts";

const options: ResolverOptions<{ n: string; name: string }> = { fields: {}, shouldUseNativeValidation: false };

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected issues");
  return result.error.issues;
}

describe("issueText", () => {
  beforeEach(() => setLanguage("zh-CN"));

  it("translates zod's own checks by their code, never zod's English", () => {
    const [tooShort] = issuesOf(z.string().min(3, "at least 3 characters"), "ab");
    expect(issueText(tooShort!)).toBe("至少 3 个字符");
    const [empty] = issuesOf(z.string().min(1, "required"), "");
    expect(issueText(empty!)).toBe("必填");
  });

  it("translates a catalog key with its params and a key of the common namespace or of another one", async () => {
    const [forRole] = issuesOf(ZCreateUserSchema, { username: "abc", password: "12345678", displayName: "x", role: "MERCHANT" });
    expect(forRole!.path).toEqual(["merchantId"]);
    expect(issueText(forRole!)).toMatch(/商户/);
    // A carrier user's organisation: the role in words, never its code.
    const [forCarrier] = issuesOf(ZCreateUserSchema, { username: "abc", password: "12345678", displayName: "x", role: "CARRIER_USER" });
    expect(issueText(forCarrier!)).toContain("快递企业用户");
    expect(issueText(forCarrier!)).not.toContain("CARRIER_USER");
    const [whole] = issuesOf(optionalWholeNumber(), "1.5");
    expect(issueText(whole!)).toBe("请输入非负整数");
    const [hold] = issuesOf(
      z.string().refine(() => false, issueKey("network", "nodes.pickupHoldDaysError.wholeNumber")),
      "",
    );
    expect(issueText(hold!)).toBe("请输入整数天数");
    const [bare] = issuesOf(
      z.string().refine(() => false, "nodes.pickupHoldDaysError.wholeNumber"),
      "",
    );
    expect(issueText(bare!)).toBe("请输入整数天数");
    await setLanguage("en");
    expect(issueText(whole!)).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("draft fields", () => {
  it("parse numbers typed in boxes", () => {
    expect(parseWholeNumber(" 12 ")).toBe(12);
    expect(parseWholeNumber("")).toBeNull();
    expect(parseWholeNumber("1.5")).toBe("invalid");
    expect(parseDecimal("1.5")).toBe(1.5);
    expect(optionalWholeNumber().parse("")).toBeNull();
    expect(requiredWholeNumber().safeParse("").success).toBe(false);
    expect(requiredDecimal().parse("2.25")).toBe(2.25);
  });
});

describe("zodFormResolver", () => {
  const schema = z
    .object({ n: requiredWholeNumber(), name: z.string().min(1, "required") })
    .transform((d) => ({ ...d, name: d.name.trim() }));

  it("gives the schema's output when the draft is fine", async () => {
    const result = await zodFormResolver(schema)({ n: "3", name: " a " }, undefined, options);
    expect(result).toEqual({ values: { n: 3, name: "a" }, errors: {} });
  });

  it("gives one translated error per field otherwise", async () => {
    await setLanguage("zh-CN");
    const result = await zodFormResolver(schema)({ n: "x", name: "" }, undefined, options);
    expect(result.values).toEqual({});
    expect(result.errors.n?.message).toBe("请输入非负整数");
    expect(result.errors.name?.message).toBe("必填");
  });
});

describe("placePath", () => {
  const placeAt = { weightG: "weightKg", "inspection.prohibitedAbsent": "prohibited" };

  it("puts an input path under the draft field named for it or for its nearest parent", () => {
    expect(placePath("weightG", placeAt)).toBe("weightKg");
    expect(placePath("inspection.prohibitedAbsent.cash", placeAt)).toBe("prohibited");
    expect(placePath("inspection.notes", placeAt)).toBe("inspection.notes");
    expect(placePath("senderName")).toBe("senderName");
  });

  it("places a piped shared schema's issues under their draft fields in the resolver", async () => {
    await setLanguage("zh-CN");
    const piped = z
      .object({ kg: z.string() })
      .transform((d) => ({ weightG: Math.round(Number(d.kg) * 1000) }))
      .pipe(z.object({ weightG: z.number().max(1000) }));
    const result = await zodFormResolver(piped, { weightG: "kg" })({ kg: "2" }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(Object.keys(result.errors)).toEqual(["kg"]);
    expect(result.errors.kg?.message).toMatch(/1000/);
  });
});

describe("serverFieldErrors", () => {
  it("picks the server's messages for the form's fields, also for a part of one", () => {
    expect(serverFieldErrors({ "departures.1": "bad", code: "taken", other: "x" }, ["code", "departures"])).toEqual([
      ["code", "taken"],
      ["departures", "bad"],
    ]);
  });
});
