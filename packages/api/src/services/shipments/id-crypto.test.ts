import { describe, expect, it } from "vitest";
import { dataKeyFrom, decryptId, encryptId, hashId, protectId } from "./id-crypto.ts";

const key = dataKeyFrom("11".repeat(32), "test");
const id = "11010519491231002X";

describe("ID protection", () => {
  it("round-trips through AES-256-GCM with a fresh IV each time", () => {
    const a = encryptId(key, id);
    const b = encryptId(key, id);
    expect(a.equals(b)).toBe(false);
    expect(a.toString("latin1")).not.toContain(id);
    expect(decryptId(key, a)).toBe(id);
  });
  it("detects tampering and a wrong key", () => {
    const a = encryptId(key, id);
    a[a.length - 1] = a[a.length - 1]! ^ 1;
    expect(() => decryptId(key, a)).toThrow();
    expect(() => decryptId(dataKeyFrom("22".repeat(32), "test"), encryptId(key, id))).toThrow();
  });
  it("hashes deterministically per key and masks for display", () => {
    expect(hashId(key, id)).toBe(hashId(key, id.toLowerCase()));
    expect(hashId(key, id)).not.toBe(hashId(dataKeyFrom("22".repeat(32), "test"), id));
    expect(protectId(key, id).senderIdMasked).toBe("110***********002X");
  });
  it("refuses a missing key in production and a short key anywhere", () => {
    expect(() => dataKeyFrom(undefined, "production")).toThrow(/XD_DATA_KEY/);
    expect(() => dataKeyFrom("abcd", "development")).toThrow(/32 bytes/);
    expect(dataKeyFrom(undefined, "development")).toHaveLength(32);
  });
});
