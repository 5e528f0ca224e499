import { describe, expect, it } from "vitest";
import { zodIssueKey } from "../schemas.ts";
import { ZRestockCreateSchema } from "./schemas.ts";

const ID = "0b6f2a3e-5c1d-4e8f-9a7b-1c2d3e4f5a6b";
const order = { counterId: ID, merchantId: ID, clientRef: "order-0001", lines: [{ listingId: ID, quantity: 3 }] };

describe("restock order input shared by the API and the counter's order form", () => {
  it("takes whole quantities up to 100000 per line, at most 100 lines and a note of at most 200 characters", () => {
    expect(ZRestockCreateSchema.parse({ ...order, note: " 周五前 " })).toEqual({ ...order, note: "周五前" });
    const r = ZRestockCreateSchema.safeParse({
      ...order,
      lines: [
        { listingId: ID, quantity: 100_001 },
        { listingId: ID, quantity: 0 },
      ],
      note: "x".repeat(201),
    });
    expect(r.error?.issues.map((i) => [i.path.join("."), zodIssueKey(i).key, i.message])).toEqual([
      ["lines.0.quantity", "ZOD_TOO_BIG", "at most 100000 units"],
      ["lines.1.quantity", "ZOD_TOO_SMALL", "must be more than 0"],
      ["note", "ZOD_TOO_LONG", "at most 200 characters"],
    ]);
    const many = ZRestockCreateSchema.safeParse({ ...order, lines: Array.from({ length: 101 }, () => order.lines[0]), clientRef: "short" });
    expect(many.error?.issues.map((i) => [i.path.join("."), zodIssueKey(i).key])).toEqual([
      ["lines", "ZOD_TOO_MANY"],
      ["clientRef", "ZOD_TOO_SHORT"],
    ]);
  });
});
