// NODE_ENV=production refuses to start on the development defaults: the data key and the servers must be given.
import { describe, expect, it } from "vitest";
import { loadEnv } from "./index.ts";

const PRODUCTION = {
  NODE_ENV: "production",
  XD_DATA_KEY: "5a".repeat(32),
  DATABASE_URL: "postgresql://xd:secret@db.internal:5432/xiangda",
  REDIS_URL: "redis://redis.internal:6379",
  PUBLIC_URL: "https://xiangda.example.cn",
};

describe("loadEnv in production", () => {
  it("refuses the development defaults, naming every variable left unset", () => {
    let message = "";
    try {
      loadEnv({ NODE_ENV: "production" });
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of ["XD_DATA_KEY", "DATABASE_URL", "REDIS_URL", "PUBLIC_URL"])
      expect(message).toContain(`${name}: required when NODE_ENV=production`);
  });

  it("names only what is missing", () => {
    const { REDIS_URL: _r, XD_DATA_KEY: _k, ...rest } = PRODUCTION;
    expect(() => loadEnv(rest)).toThrow(/XD_DATA_KEY: required[\s\S]*REDIS_URL: required/);
    expect(() => loadEnv(rest)).not.toThrow(/DATABASE_URL|PUBLIC_URL/);
    expect(() => loadEnv({ ...PRODUCTION, DATABASE_URL: "  " })).toThrow(/DATABASE_URL: required when NODE_ENV=production/);
  });

  it("with an SMS provider, wants the receipt callbacks' token", () => {
    expect(() => loadEnv({ ...PRODUCTION, XD_SMS_PROVIDER: "ALIYUN" })).toThrow(/XD_SMS_RECEIPT_TOKEN: required/);
    expect(loadEnv({ ...PRODUCTION, XD_SMS_PROVIDER: "ALIYUN", XD_SMS_RECEIPT_TOKEN: "t".repeat(24) }).XD_SMS_RECEIPT_TOKEN).toBe(
      "t".repeat(24),
    );
    expect(() => loadEnv({ ...PRODUCTION, XD_SMS_PROVIDER: "LOG" })).not.toThrow();
  });

  it("refuses a data key that is not 32 bytes", () => {
    expect(() => loadEnv({ ...PRODUCTION, XD_DATA_KEY: "abc" })).toThrow(/XD_DATA_KEY: must be 32 bytes/);
    expect(() => loadEnv({ ...PRODUCTION, XD_DATA_KEY: "5a".repeat(31) })).toThrow(/XD_DATA_KEY/);
    expect(loadEnv({ ...PRODUCTION, XD_DATA_KEY: Buffer.alloc(32, 7).toString("base64") }).NODE_ENV).toBe("production");
  });

  it("starts with everything given", () => {
    const env = loadEnv(PRODUCTION);
    expect(env).toMatchObject({ NODE_ENV: "production", REDIS_URL: PRODUCTION.REDIS_URL, PUBLIC_URL: PRODUCTION.PUBLIC_URL });
  });

  it("keeps the development defaults outside production", () => {
    expect(loadEnv({})).toMatchObject({ NODE_ENV: "development", DATABASE_URL: "postgresql://postgres@127.0.0.1:55432/xiangda" });
    expect(loadEnv({ NODE_ENV: "test" }).XD_DATA_KEY).toBeUndefined();
  });
});
