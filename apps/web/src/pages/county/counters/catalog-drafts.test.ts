import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { TCounter, TMerchant } from "../../../components/counters/counters-api.ts";
import { counterDraftOf, counterSchema } from "./counter-draft.ts";
import { merchantDraftOf, merchantSchema } from "./merchant-draft.ts";

/** The input, or the paths of the form's issues with their messages. */
function parsed(schema: z.ZodType, draft: unknown) {
  const r = schema.safeParse(draft);
  return r.success
    ? { ok: true, input: r.data }
    : { ok: false, errors: Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message])) };
}

const merchant: TMerchant = {
  id: "22222222-2222-4222-8222-222222222222",
  countyCode: "210881",
  name: "盖州市高屯果蔬专业合作社",
  type: "COOPERATIVE",
  originAreaCode: "210881102200",
  originAreaName: "高屯村",
  recognitionNo: "FP-2026-001",
  recognitionValidUntil: "2027-12-31",
  creditCode: null,
  contactName: "张三",
  contactPhone: "13812345678",
  active: true,
  updatedAt: "2026-11-23T00:00:00.000Z",
};

const sent = ({ originAreaName: _name, active: _active, updatedAt: _at, countyCode: _county, id: _id, ...rest }: TMerchant) => rest;

describe("merchant form", () => {
  it("round-trips a merchant, finding the township of its village", () => {
    const draft = merchantDraftOf(merchant, (code) => code.slice(0, 9) + "000");
    expect(draft.townshipCode).toBe("210881102000");
    expect(parsed(merchantSchema("210881", merchant.id), draft)).toEqual({
      ok: true,
      // All but the stored-only fields (village name, active, updatedAt) goes back as it came.
      input: { ...sent(merchant), countyCode: "210881", id: merchant.id },
    });
  });

  it("asks for the origin village and the recognition's number and date together", () => {
    const draft = { ...merchantDraftOf(null, () => ""), name: "新社", recognitionNo: "FP-1" };
    expect(parsed(merchantSchema("210881", undefined), draft)).toEqual({
      ok: false,
      errors: { originAreaCode: "form.required", recognitionValidUntil: "form.required" },
    });
  });
});

const counter: TCounter = {
  id: "33333333-3333-4333-8333-333333333333",
  countyCode: "210881",
  code: "GZ-C01",
  name: "盖州服务区扶贫专柜",
  venueType: "HIGHWAY_SERVICE_AREA",
  operatorName: "盖州服务区",
  address: null,
  areaCode: "210881102000",
  areaName: "高屯镇",
  city: null,
  active: true,
  node: { id: "44444444-4444-4444-8444-444444444444", code: "GZ-102", name: "高屯镇服务站", status: "ACTIVE" },
  operators: [],
  updatedAt: "2026-11-23T00:00:00.000Z",
};

describe("counter form", () => {
  const nodeIdOf = (code: string) => (code === "GZ-102" ? "44444444-4444-4444-8444-444444444444" : undefined);

  it("round-trips a counter in a township, sending the node by id", () => {
    const { countyCode, code, name, venueType, operatorName, address, areaCode, city, active } = counter;
    const draft = counterDraftOf(counter, (code) => code);
    expect(draft).toMatchObject({ place: "area", townshipCode: "210881102000", areaCode: "210881102000", nodeId: "GZ-102" });
    expect(parsed(counterSchema("210881", nodeIdOf), draft)).toEqual({
      ok: true,
      // The counter as it came, its node by id, without what only the list shows.
      input: { countyCode, code, name, venueType, operatorName, address, areaCode, city, active, nodeId: counter.node.id },
    });
  });

  it("sends a city outside the county, or neither for an online channel", () => {
    const city = { ...counterDraftOf(counter, (c) => c), place: "city" as const, city: "大连" };
    expect(parsed(counterSchema("210881", nodeIdOf), city)).toMatchObject({ ok: true, input: { areaCode: null, city: "大连" } });
    const online = { ...city, place: "online" as const };
    expect(parsed(counterSchema("210881", nodeIdOf), online)).toMatchObject({ ok: true, input: { areaCode: null, city: null } });
    expect(counterDraftOf({ ...counter, areaCode: null, areaName: null, city: null }, (c) => c).place).toBe("online");
  });

  it("names what is missing", () => {
    const draft = { ...counterDraftOf(null, () => ""), place: "city" as const };
    expect(parsed(counterSchema("210881", nodeIdOf), draft)).toEqual({
      ok: false,
      errors: {
        code: "form.required",
        name: "form.required",
        operatorName: "form.required",
        nodeId: "form.required",
        city: "form.required",
      },
    });
  });
});
