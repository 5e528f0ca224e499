import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodIssueKey } from "../schemas.ts";
import {
  MAX_PRICE_FEN,
  MAX_STOCK,
  ZAdjustStockSchema,
  ZCreateListingSchema,
  ZDelistSchema,
  ZRecordSaleSchema,
  ZRejectSchema,
  ZUpdateListingSchema,
} from "./listing-schemas.ts";

const ID = "0b6f2a3e-5c1d-4e8f-9a7b-1c2d3e4f5a6b";

/** Each issue as the API's answer names it: path, catalog key with params, and the English message. */
function issues(r: { error?: z.ZodError }) {
  return (r.error?.issues ?? []).map((i) => ({ path: i.path.join("."), ...zodIssueKey(i), message: i.message }));
}

describe("listing inputs shared by the API and the web forms", () => {
  it("creates with the price in fen and counts defaulting to 0, within the limits", () => {
    expect(ZCreateListingSchema.parse({ productId: ID, counterId: ID, priceFen: 1250 })).toEqual({
      productId: ID,
      counterId: ID,
      priceFen: 1250,
      stock: 0,
      minStock: 0,
    });
    expect(
      issues(ZCreateListingSchema.safeParse({ productId: ID, counterId: "x", priceFen: MAX_PRICE_FEN + 1, stock: MAX_STOCK + 1 })),
    ).toEqual([
      { path: "counterId", key: "ZOD_FORMAT", params: {}, message: "must be a counter id" },
      { path: "priceFen", key: "ZOD_TOO_BIG", params: { maximum: MAX_PRICE_FEN }, message: "must be at most 10000000 fen" },
      { path: "stock", key: "ZOD_TOO_BIG", params: { maximum: MAX_STOCK }, message: "must be at most 1000000" },
    ]);
  });

  it("updates a price or a minimum, one of them at least", () => {
    expect(issues(ZUpdateListingSchema.safeParse({ listingId: ID }))).toEqual([
      { path: "priceFen", key: "GIVE_PRICE_OR_MIN_STOCK", params: {}, message: "GIVE_PRICE_OR_MIN_STOCK" },
    ]);
  });

  it("adjusts stock by a non-zero delta with a reason of at most 200 characters", () => {
    expect(ZAdjustStockSchema.parse({ listingId: ID, delta: -3, reason: " 破损 " })).toEqual({ listingId: ID, delta: -3, reason: "破损" });
    expect(issues(ZAdjustStockSchema.safeParse({ listingId: ID, delta: 0, reason: "x".repeat(201) })).map((i) => [i.path, i.key])).toEqual([
      ["delta", "MUST_NOT_BE_ZERO"],
      ["reason", "ZOD_TOO_LONG"],
    ]);
    expect(issues(ZAdjustStockSchema.safeParse({ listingId: ID, delta: -MAX_STOCK - 1, reason: " " })).map((i) => [i.path, i.key])).toEqual(
      [
        ["delta", "ZOD_TOO_SMALL"],
        ["reason", "REQUIRED"],
      ],
    );
  });

  it("delists with an optional reason and rejects with a required one", () => {
    expect(ZDelistSchema.parse({ listingId: ID })).toEqual({ listingId: ID });
    expect(issues(ZDelistSchema.safeParse({ listingId: ID, reason: "x".repeat(201) }))[0]).toMatchObject({
      path: "reason",
      key: "ZOD_TOO_LONG",
      params: { maximum: 200 },
    });
    expect(issues(ZRejectSchema.safeParse({ listingId: ID, reason: "" }))[0]).toMatchObject({
      path: "reason",
      key: "REQUIRED",
      message: "a reason is required",
    });
    expect(issues(ZRejectSchema.safeParse({ listingId: ID, reason: "x".repeat(501) }))[0]).toMatchObject({
      path: "reason",
      params: { maximum: 500 },
    });
  });

  it("records a sale of a whole positive quantity at a time with its offset", () => {
    const sale = { listingId: ID, quantity: 2, soldAt: "2026-11-20T14:30:00+08:00", clientRef: "till-1" };
    expect(ZRecordSaleSchema.parse(sale)).toEqual(sale);
    expect(
      issues(ZRecordSaleSchema.safeParse({ ...sale, quantity: 100_001, soldAt: "2026-11-20 14:30", unitPriceFen: 0 })).map((i) => [
        i.path,
        i.key,
      ]),
    ).toEqual([
      ["quantity", "ZOD_TOO_BIG"],
      ["soldAt", "ZOD_FORMAT"],
      ["unitPriceFen", "ZOD_TOO_SMALL"],
    ]);
  });
});
