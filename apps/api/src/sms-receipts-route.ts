// What the SMS providers push back. Delivery receipts: Aliyun's SmsReport (HTTP batch push) and Tencent Cloud's status
// callback; each marks its Notification DELIVERED or UNDELIVERED with the time and the receipt itself (they come again
// and out of order: applying one twice changes nothing more). Replies: Aliyun's SmsUp and Tencent's reply callback; a
// reply such as TD or 退订 puts the number on the opt-out list, which every sender honours.
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db, Prisma } from "@xiangda/db";
import { isOptOutReply, smsPhoneKey } from "@xiangda/domain";

export interface SmsReceiptDeps {
  db: Db;
}

export interface SmsReceiptOptions {
  /// When set, a push must carry `?token=<this>` (put it in the callback URL configured at the provider): the
  /// providers do not sign their pushes.
  token?: string | undefined;
}

/// Aliyun SmsReport: a JSON array; `biz_id` is SendSms's BizId, `out_id` our OutId (the job's id).
const ZAliyunReport = z.array(
  z.looseObject({
    biz_id: z.string().optional(),
    out_id: z.string().optional(),
    success: z.boolean(),
    err_code: z.string().optional(),
    report_time: z.string().optional(),
  }),
);

/// Tencent status callback: a JSON array; `sid` is SendSms's SerialNo.
const ZTencentReport = z.array(
  z.looseObject({
    sid: z.string(),
    report_status: z.enum(["SUCCESS", "FAIL"]),
    errmsg: z.string().optional(),
    user_receive_time: z.string().optional(),
  }),
);

/// Aliyun SmsUp (replies, HTTP batch push): a JSON array.
const ZAliyunReplies = z.array(z.looseObject({ phone_number: z.string(), content: z.string(), send_time: z.string().optional() }));

/// Tencent reply callback: one reply a request.
const ZTencentReply = z.looseObject({
  mobile: z.string(),
  text: z.string(),
  nationcode: z.string().optional(),
  time: z.number().optional(),
});

/// A recipient's reply: TD, 退订 and the like put the number on the opt-out list (kept once, the first reason stays).
export async function applySmsReply(db: Db, r: { phone: string; text: string; provider: string }): Promise<boolean> {
  if (!isOptOutReply(r.text)) return false;
  await db.smsOptOut.createMany({
    data: [{ phone: smsPhoneKey(r.phone), reason: `${r.provider} reply: ${r.text.trim().slice(0, 40)}` }],
    skipDuplicates: true,
  });
  return true;
}

export interface SmsReceipt {
  provider: "ALIYUN" | "TENCENT";
  providerMessageId: string | null;
  /// Our id of the message (Aliyun echoes OutId): finds a message whose send answer never arrived.
  jobId: string | null;
  delivered: boolean;
  code: string | null;
  at: Date;
  raw: Prisma.InputJsonValue;
}

/// "yyyy-MM-dd HH:mm:ss" in China time (both providers' format) as UTC; the receiving time when absent or unreadable.
export function chinaTime(s: string | undefined, fallback: Date): Date {
  const m = s ? /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)$/.exec(s.trim()) : null;
  const d = m ? new Date(`${m[1]}T${m[2]}+08:00`) : null;
  return d && !Number.isNaN(d.getTime()) ? d : fallback;
}

/// Applies one receipt to its message; true when a message was found. Rows a receipt may settle: sent (or being
/// sent), already receipted, or left unknown after a sender died mid-call.
export async function applySmsReceipt(db: Db, r: SmsReceipt): Promise<boolean> {
  const which: Prisma.NotificationWhereInput[] = [];
  if (r.providerMessageId) which.push({ providerMessageId: r.providerMessageId });
  if (r.jobId) which.push({ jobId: r.jobId, providerMessageId: null });
  if (!which.length) return false;
  const res = await db.notification.updateMany({
    where: {
      provider: r.provider,
      AND: [
        { OR: which },
        {
          OR: [
            { status: { in: ["SENDING", "SENT", "DELIVERED", "UNDELIVERED"] } },
            { status: "FAILED", errorCode: { startsWith: "OUTCOME_UNKNOWN" } },
          ],
        },
      ],
    },
    data: {
      status: r.delivered ? "DELIVERED" : "UNDELIVERED",
      receiptAt: r.at,
      receipt: r.raw,
      errorCode: r.delivered ? null : r.code,
      ...(r.providerMessageId ? { providerMessageId: r.providerMessageId } : {}),
    },
  });
  return res.count > 0;
}

function tokenOk(req: FastifyRequest, token: string | undefined): boolean {
  if (!token) return true;
  const q = (req.query as { token?: unknown } | undefined)?.token;
  const given = Buffer.from(typeof q === "string" ? q : "");
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export function registerSmsReceiptRoutes(app: FastifyInstance, deps: SmsReceiptDeps, opts: SmsReceiptOptions = {}) {
  const refuse = (reply: FastifyReply, status: number, body: object) => reply.code(status).send(body);

  app.post("/sms/receipts/aliyun", async (req, reply) => {
    if (!tokenOk(req, opts.token)) return refuse(reply, 403, { code: 1, msg: "forbidden" });
    const parsed = ZAliyunReport.safeParse(req.body);
    if (!parsed.success) return refuse(reply, 400, { code: 1, msg: "not an SmsReport array" });
    const now = new Date();
    for (const r of parsed.data) {
      await applySmsReceipt(deps.db, {
        provider: "ALIYUN",
        providerMessageId: r.biz_id ?? null,
        jobId: r.out_id ?? null,
        delivered: r.success,
        code: r.err_code ?? null,
        at: chinaTime(r.report_time, now),
        raw: r as Prisma.InputJsonValue,
      });
    }
    return { code: 0, msg: "接收成功" };
  });

  app.post("/sms/receipts/tencent", async (req, reply) => {
    if (!tokenOk(req, opts.token)) return refuse(reply, 403, { result: 1, errmsg: "forbidden" });
    const parsed = ZTencentReport.safeParse(req.body);
    if (!parsed.success) return refuse(reply, 400, { result: 1, errmsg: "not a status callback array" });
    const now = new Date();
    for (const r of parsed.data) {
      await applySmsReceipt(deps.db, {
        provider: "TENCENT",
        providerMessageId: r.sid,
        jobId: null,
        delivered: r.report_status === "SUCCESS",
        code: r.errmsg ?? null,
        at: chinaTime(r.user_receive_time, now),
        raw: r as Prisma.InputJsonValue,
      });
    }
    return { result: 0, errmsg: "OK" };
  });

  app.post("/sms/replies/aliyun", async (req, reply) => {
    if (!tokenOk(req, opts.token)) return refuse(reply, 403, { code: 1, msg: "forbidden" });
    const parsed = ZAliyunReplies.safeParse(req.body);
    if (!parsed.success) return refuse(reply, 400, { code: 1, msg: "not an SmsUp array" });
    for (const r of parsed.data) await applySmsReply(deps.db, { phone: r.phone_number, text: r.content, provider: "ALIYUN" });
    return { code: 0, msg: "接收成功" };
  });

  app.post("/sms/replies/tencent", async (req, reply) => {
    if (!tokenOk(req, opts.token)) return refuse(reply, 403, { result: 1, errmsg: "forbidden" });
    const parsed = ZTencentReply.safeParse(req.body);
    if (!parsed.success) return refuse(reply, 400, { result: 1, errmsg: "not a reply callback" });
    await applySmsReply(deps.db, { phone: parsed.data.mobile, text: parsed.data.text, provider: "TENCENT" });
    return { result: 0, errmsg: "OK" };
  });
}
