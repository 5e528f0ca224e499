import { describe, expect, it } from "vitest";
import { acceptDraftSchema, emptyDraft, PLACE_AT, type TDraft } from "./accept-draft.ts";
import { allAbsent } from "./rules-draft.ts";
import { announcedDraftSchema } from "./use-announced-desk.ts";
import { placePath } from "../../components/form/issue-text.ts";

const today = new Date("2026-05-01T00:00:00Z");
const goodId = "11010519491231002X";
const schema = acceptDraftSchema("node-1", () => today);

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

/** Each issue's draft field (as the form kit places it) with its message. */
function issuesOf(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [placePath(i.path.map(String).join("."), PLACE_AT), i.message]));
}

describe("the acceptance desk's draft", () => {
  it("builds the server's input from a complete draft", () => {
    const result = schema.safeParse(filled({ lengthCm: "30", declaredYuan: "" }));
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({
      nodeId: "node-1",
      senderName: "王芳",
      senderIdNumber: goodId,
      weightG: 1250,
      lengthMm: 300,
      widthMm: undefined,
      declaredValueFen: 0,
      recipientAddress: undefined,
      inspection: { inspected: true, prohibitedAbsent: allAbsent(), notes: undefined },
      screening: { screened: true, device: "X-1" },
    });
  });

  it("names every problem at once, each under its draft field, and sends nothing", () => {
    const draft = filled({ senderIdNumber: "", weightKg: "", widthCm: "x", declaredYuan: "1.234", inspected: false, senderPhone: "123" });
    draft.prohibited = { ...draft.prohibited, explosives: false };
    const result = schema.safeParse(draft);
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toEqual({
      senderIdNumber: "form.required",
      senderPhone: "NOT_A_PHONE",
      weightKg: "form.required",
      widthCm: "station:accept.invalidCm",
      declaredYuan: "station:accept.invalidYuan",
      prohibited: "station:accept.mustCheck",
      inspected: "station:accept.mustInspect",
    });
  });

  it("refuses an ID as the live check words it, with its parameters", () => {
    const short = schema.safeParse(filled({ senderIdNumber: "1101051949" }));
    expect(short.error?.issues[0]).toMatchObject({ path: ["senderIdNumber"], message: "station:accept.idFormat", params: { count: 10 } });
    const wrongCheck = schema.safeParse(filled({ senderIdNumber: goodId.slice(0, 17) + "1" }));
    expect(wrongCheck.error?.issues[0]).toMatchObject({ message: "station:accept.idCheckDigit", params: { got: "1" } });
  });

  it("applies the shared schema's limits under the field typed in another unit", () => {
    const result = schema.safeParse(filled({ weightKg: "1000.001", lengthCm: "0" }));
    const issues = issuesOf(result);
    expect(Object.keys(issues).sort()).toEqual(["lengthCm", "weightKg"]);
  });

  it("keeps the screening choice and machine for the next parcel", () => {
    expect(emptyDraft({ screened: false, device: "X-2" })).toMatchObject({ screened: false, device: "X-2", senderName: "" });
  });
});

describe("the announced-parcel desk's draft", () => {
  const announced = announcedDraftSchema("node-1");
  const base = {
    waybillNo: " xd123 ",
    senderName: "",
    senderId: "",
    prohibited: allAbsent(),
    inspected: true,
    notes: "",
    screened: false,
    device: "",
  };

  it("sends the waybill in capitals, screening only when done here", () => {
    expect(announced.parse(base)).toEqual({
      nodeId: "node-1",
      waybillNo: "XD123",
      senderName: undefined,
      senderIdNumber: undefined,
      inspection: { inspected: true, prohibitedAbsent: allAbsent(), notes: undefined },
      screening: undefined,
    });
    expect(announced.parse({ ...base, screened: true, device: " M-2 ", senderId: "x" })).toMatchObject({
      senderIdNumber: "X",
      screening: { screened: true, device: "M-2" },
    });
  });

  it("holds the machine's name to the shared limit, under the device box", () => {
    const result = announced.safeParse({ ...base, screened: true, device: "M".repeat(61) });
    expect(result.error?.issues.map((i) => placePath(i.path.join("."), { "screening.device": "device" }))).toEqual(["device"]);
  });

  it("refuses a missing waybill and an unticked checklist", () => {
    const result = announced.safeParse({ ...base, waybillNo: " ", inspected: false });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["waybillNo", "inspected"]);
  });
});
