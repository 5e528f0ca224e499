// XD_TRUSTED_PROXIES: none by default; addresses, CIDR ranges and proxy-addr's range names; anything else refused.
import { describe, expect, it } from "vitest";
import { isProxyAddress, loadEnv } from "./index.ts";

describe("XD_TRUSTED_PROXIES", () => {
  it("trusts no proxy unless told", () => {
    expect(loadEnv({}).XD_TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv({ XD_TRUSTED_PROXIES: " " }).XD_TRUSTED_PROXIES).toEqual([]);
  });

  it("reads a comma- or space-separated list of addresses and ranges", () => {
    expect(loadEnv({ XD_TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8 ::1,fd00::/8 loopback" }).XD_TRUSTED_PROXIES).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuses what is not an address or range, naming the variable", () => {
    for (const bad of ["proxy.example.com", "10.0.0.0/33", "::1/129", "10.0.0.1/8/8", "10.0.0/8", "*", "true"]) {
      expect(isProxyAddress(bad), bad).toBe(false);
      expect(() => loadEnv({ XD_TRUSTED_PROXIES: `127.0.0.1,${bad}` }), bad).toThrow(/XD_TRUSTED_PROXIES/);
    }
  });
});
