// Provider delivery receipts update their messages: Aliyun's SmsReport push and Tencent's status callback, applied
// once however often they come; a receipt may also settle a message whose send answer was lost (Aliyun's out_id).
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "@xiangda/api/testing";
import { registerSmsReceiptRoutes } from "./sms-receipts-route.ts";

let h: Harness;
let app: FastifyInstance;
beforeAll(async () => {
  h = await createHarness();
  app = Fastify();
  registerSmsReceiptRoutes(app, { db: h.deps.db }, { token: "receipt-token" });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const note = (jobId: string, data: { provider: string; status: string; providerMessageId?: string | null; errorCode?: string }) =>
  h.deps.db.notification.create({
    data: { jobId, channel: "SMS", recipient: "13800138000", template: "pickup.ready", payload: {}, ...data },
  });
const row = (jobId: string) => h.deps.db.notification.findUniqueOrThrow({ where: { jobId } });
const post = (url: string, payload: unknown) =>
  app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload: JSON.stringify(payload) });

describe("SMS receipts", () => {
  it("Aliyun SmsReport: delivered and failed receipts, by BizId or by OutId, applied once", async () => {
    await note("job-a1", { provider: "ALIYUN", status: "SENT", providerMessageId: "900^1" });
    await note("job-a2", { provider: "ALIYUN", status: "SENT", providerMessageId: "900^2" });
    await note("job-a3", { provider: "ALIYUN", status: "FAILED", errorCode: "OUTCOME_UNKNOWN" });
    const report = [
      {
        phone_number: "13800138000",
        send_time: "2026-12-08 08:00:00",
        report_time: "2026-12-08 08:00:05",
        success: true,
        err_code: "DELIVERED",
        err_msg: "用户接收成功",
        sms_size: "1",
        biz_id: "900^1",
        out_id: "job-a1",
      },
      {
        phone_number: "13800138000",
        send_time: "2026-12-08 08:00:00",
        report_time: "2026-12-08 08:01:00",
        success: false,
        err_code: "MK:0001",
        err_msg: "停机",
        sms_size: "1",
        biz_id: "900^2",
        out_id: "job-a2",
      },
      {
        phone_number: "13800138000",
        send_time: "2026-12-08 08:00:00",
        report_time: "2026-12-08 08:02:00",
        success: true,
        err_code: "DELIVERED",
        err_msg: "用户接收成功",
        sms_size: "1",
        biz_id: "900^3",
        out_id: "job-a3",
      },
    ];
    expect((await post("/sms/receipts/aliyun?token=wrong", report)).statusCode).toBe(403);
    for (let i = 0; i < 2; i++) {
      const res = await post("/sms/receipts/aliyun?token=receipt-token", report);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ code: 0, msg: "接收成功" });
    }
    expect(await row("job-a1")).toMatchObject({
      status: "DELIVERED",
      errorCode: null,
      receiptAt: new Date("2026-12-08T00:00:05Z"),
      receipt: report[0],
    });
    expect(await row("job-a2")).toMatchObject({ status: "UNDELIVERED", errorCode: "MK:0001", receiptAt: new Date("2026-12-08T00:01:00Z") });
    // The send's answer was lost; the receipt found it by OutId and names its BizId.
    expect(await row("job-a3")).toMatchObject({ status: "DELIVERED", providerMessageId: "900^3", errorCode: null });
  });

  it("Tencent status callback: by SerialNo; another provider's message or a refused one is left alone", async () => {
    await note("job-t1", { provider: "TENCENT", status: "SENT", providerMessageId: "2640:abc" });
    await note("job-t2", { provider: "ALIYUN", status: "SENT", providerMessageId: "2640:def" });
    await note("job-t3", { provider: "TENCENT", status: "OPTED_OUT", providerMessageId: "2640:ghi" });
    const body = ["abc", "def", "ghi"].map((s) => ({
      user_receive_time: "2026-12-08 09:00:00",
      nationcode: "86",
      mobile: "13800138000",
      report_status: s === "abc" ? "SUCCESS" : "FAIL",
      errmsg: s === "abc" ? "DELIVRD" : "MI:0013",
      description: "用户短信送达成功",
      sid: `2640:${s}`,
    }));
    const res = await post("/sms/receipts/tencent?token=receipt-token", body);
    expect(res.json()).toEqual({ result: 0, errmsg: "OK" });
    expect(await row("job-t1")).toMatchObject({ status: "DELIVERED", receiptAt: new Date("2026-12-08T01:00:00Z") });
    expect(await row("job-t2")).toMatchObject({ status: "SENT", receiptAt: null });
    expect(await row("job-t3")).toMatchObject({ status: "OPTED_OUT", receiptAt: null });
    expect((await post("/sms/receipts/tencent?token=receipt-token", { sid: 1 })).statusCode).toBe(400);
  });
});

describe("SMS replies", () => {
  it("TD / 退订 by Aliyun SmsUp or Tencent's reply callback puts the number on the opt-out list; other replies do not", async () => {
    const aliyun = await post("/sms/replies/aliyun?token=receipt-token", [
      {
        phone_number: "13900001111",
        send_time: "2026-12-08 09:00:00",
        content: "TD",
        sign_name: "乡达物流",
        dest_code: "1",
        sequence_id: 1,
      },
      {
        phone_number: "13900002222",
        send_time: "2026-12-08 09:00:01",
        content: "谢谢，明天来取",
        sign_name: "乡达物流",
        dest_code: "1",
        sequence_id: 2,
      },
    ]);
    expect(aliyun.json()).toEqual({ code: 0, msg: "接收成功" });
    const tencent = await post("/sms/replies/tencent?token=receipt-token", {
      extend: "",
      mobile: "+8613900003333",
      nationcode: "86",
      sign: "乡达物流",
      text: "退订",
      time: 1765155600,
    });
    expect(tencent.json()).toEqual({ result: 0, errmsg: "OK" });
    const again = await post("/sms/replies/tencent?token=receipt-token", { mobile: "13900003333", text: "T" });
    expect(again.statusCode).toBe(200);
    const out = await h.deps.db.smsOptOut.findMany({
      where: { phone: { in: ["13900001111", "13900002222", "13900003333"] } },
      orderBy: { phone: "asc" },
    });
    expect(out.map((o) => [o.phone, o.reason])).toEqual([
      ["13900001111", "ALIYUN reply: TD"],
      ["13900003333", "TENCENT reply: 退订"],
    ]);
    expect((await post("/sms/replies/aliyun", [{ phone_number: "13900004444", content: "TD" }])).statusCode).toBe(403);
    expect((await post("/sms/replies/tencent?token=receipt-token", { text: "TD" })).statusCode).toBe(400);
  });
});
