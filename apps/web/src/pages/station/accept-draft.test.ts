import { describe, expect, it } from "vitest";
import { checkResidentId } from "../county/shipments/shipment-format.ts";
import { checkDraft, emptyDraft, type TDraft } from "./accept-draft.ts";
import { allAbsent } from "./three-rules-fields.tsx";

const t = (key: string) => key;
const today = new Date("2026-05-01T00:00:00Z");
const goodId = "11010519491231002X";

function filled(patch: Partial<TDraft> = {}): TDraft {
  return {
    ...emptyDraft(),
    senderName: " 王芳 ",
    senderIdNumber: goodId.toLowerCase(),
    senderPhone: "13800000000",
    recipientName: "李四",
    recipientPhone: "13900000000",
    outboundCity: "沈阳",
    weightKg: "1.25",
    contentsCategory: "衣服",
    prohibited: allAbsent(),
    inspected: true,
    device: "X-1",
    ...patch,
  };
}

describe("the acceptance desk's draft", () => {
  it("builds the server's input from a complete draft", () => {
    const draft = filled({ lengthCm: "30", declaredYuan: "" });
    const { errors, input } = checkDraft(draft, checkResidentId(draft.senderIdNumber, today), "node-1", t, t);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      nodeId: "node-1",
      senderName: "王芳",
      senderIdNumber: goodId,
      weightG: 1250,
      lengthMm: 300,
      widthMm: undefined,
      declaredValueFen: 0,
      recipientAddress: undefined,
      inspection: { inspected: true, notes: undefined },
      screening: { screened: true, device: "X-1" },
    });
  });

  it("names each problem by the server's field path and sends nothing", () => {
    const draft = filled({ senderIdNumber: "", weightKg: "", widthCm: "x", declaredYuan: "1.234", inspected: false });
    draft.prohibited = { ...draft.prohibited, [Object.keys(draft.prohibited)[0]!]: false };
    const { errors, input } = checkDraft(draft, checkResidentId(draft.senderIdNumber, today), "node-1", t, t);
    expect(input).toBeNull();
    expect(errors).toEqual({
      senderIdNumber: "form.required",
      weightG: "form.required",
      widthMm: "accept.invalidCm",
      declaredValueFen: "accept.invalidYuan",
      "inspection.prohibitedAbsent": "accept.mustCheck",
      "inspection.inspected": "accept.mustInspect",
    });
  });

  it("keeps the screening choice and machine for the next parcel", () => {
    expect(emptyDraft({ screened: false, device: "X-2" })).toMatchObject({ screened: false, device: "X-2", senderName: "" });
  });
});
