// The worker's sender from configuration: LOG by default; a provider without its keys or template codes stops the start.
import { describe, expect, it } from "vitest";
import { loadEnv } from "@xiangda/config";
import { smsProviderOf, templateCodesOf } from "./from-config.ts";
import { renderSms } from "./templates.ts";

const base = { DATABASE_URL: "postgresql://x@127.0.0.1:1/x", REDIS_URL: "redis://127.0.0.1:1" };
const all = JSON.stringify({
  "pickup.ready": "SMS_1",
  "shipment.delivered": "SMS_2",
  "shipment.exception": "SMS_3",
  "dashboard.redParcels": "SMS_4",
});

describe("SMS configuration", () => {
  it("is the logging sender when no provider is configured", () => {
    expect(smsProviderOf(loadEnv(base))).toBeNull();
  });

  it("names what a provider lacks", () => {
    expect(() => smsProviderOf(loadEnv({ ...base, XD_SMS_PROVIDER: "TENCENT", XD_SMS_KEY_ID: "id" }))).toThrow(
      /XD_SMS_PROVIDER=TENCENT needs XD_SMS_KEY_SECRET, XD_SMS_SIGN_NAME, XD_SMS_APP_ID/,
    );
    const aliyun = loadEnv({ ...base, XD_SMS_PROVIDER: "ALIYUN", XD_SMS_KEY_ID: "id", XD_SMS_KEY_SECRET: "s", XD_SMS_SIGN_NAME: "乡达" });
    expect(smsProviderOf(aliyun)?.name).toBe("ALIYUN");
  });

  it("needs a template code for every message", () => {
    const env = (t: string) => loadEnv({ ...base, XD_SMS_PROVIDER: "ALIYUN", XD_SMS_TEMPLATES: t });
    expect(() => templateCodesOf(env(JSON.stringify({ "pickup.ready": "SMS_1" })))).toThrow(
      /no ALIYUN template code for shipment.delivered, shipment.exception, dashboard.redParcels/,
    );
    expect(() => templateCodesOf(env("not json"))).toThrow(/not JSON/);
    expect(templateCodesOf(env(all))).toMatchObject({ "pickup.ready": "SMS_1", "dashboard.redParcels": "SMS_4" });
  });
});

describe("SMS templates", () => {
  it("render in Chinese with their variables in order", () => {
    const r = renderSms("pickup.ready", { node: "高屯村服务点", shelfSlot: "A-01-03", pickupCode: "123456", openingHours: null });
    expect(r.params.map(([k]) => k)).toEqual(["node", "slot", "code", "hours"]);
    expect(r.text).toBe("您的包裹已到高屯村服务点,货架A-01-03,取件码123456,营业时间以服务点公示为准。");
    expect(renderSms("shipment.exception", { waybillNo: "YT123", reason: "外包装破损" }).text).toContain("YT123出现异常:外包装破损");
  });
});
