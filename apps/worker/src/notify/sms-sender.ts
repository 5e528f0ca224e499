// A Sender that sends SMS through a provider at most once per job: the Notification row (unique jobId) is claimed
// (PENDING → SENDING) before the provider is called, then becomes SENT, FAILED, OPTED_OUT or RATE_LIMITED. In-app
// messages go to the fallback sender.
import { AppError, smsPhoneKey } from "@xiangda/domain";
import type { Db, Prisma } from "@xiangda/db";
import type { OutgoingMessage, Sender } from "./sender.ts";
import type { SmsProvider } from "./provider.ts";
import type { PhoneRateLimiter } from "./rate-limit.ts";
import { isSmsTemplate, renderSms } from "./templates.ts";

export interface SmsSenderOptions {
  db: Db;
  provider: SmsProvider;
  /// Template name → the provider's template code (checked complete at start-up, see smsConfigOf).
  templateCodes: Readonly<Record<string, string>>;
  limiter: PhoneRateLimiter;
  /// IN_APP messages.
  fallback: Sender;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  /// How long a SENDING row is taken to be in flight in another attempt; older, its sender died mid-call. Twice the
  /// provider time-out by default.
  leaseMs?: number;
  now?: () => Date;
}

/// Rows in these states are finished: a retried job sends nothing.
const DONE = new Set(["SENT", "DELIVERED", "UNDELIVERED", "FAILED", "OPTED_OUT", "RATE_LIMITED", "LOGGED"]);
export const DEFAULT_SMS_LEASE_MS = 20_000;
/// The errorCode of a message whose sender died, or lost the answer, after the request may have left.
export const OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

export function smsSender(o: SmsSenderOptions): Sender {
  return {
    async send(msg) {
      if (msg.channel !== "SMS") return o.fallback.send(msg);
      await sendSmsOnce(o, msg);
    },
  };
}

/// Mainland numbers are stored as typed; the opt-out list and the limits key on the 11 digits.
/// The opt-out list's and the limits' key of a number (smsPhoneKey, @xiangda/domain).
export const phoneKey = smsPhoneKey;

async function sendSmsOnce(o: SmsSenderOptions, msg: OutgoingMessage): Promise<void> {
  const { db } = o;
  const now = o.now ?? (() => new Date());
  const where = { jobId: msg.jobId };
  await db.notification.createMany({
    data: [
      {
        ...where,
        channel: msg.channel,
        recipient: msg.recipient,
        template: msg.template,
        payload: msg.payload as Prisma.InputJsonValue,
        status: "PENDING",
        provider: o.provider.name,
      },
    ],
    skipDuplicates: true,
  });
  const row = await db.notification.findUniqueOrThrow({ where, select: { status: true, sentAt: true } });
  if (DONE.has(row.status)) return;
  if (row.status === "SENDING") return settleInFlight(o, msg, row.sentAt, now());
  const set = (status: string, data: Prisma.NotificationUpdateManyMutationInput = {}) =>
    db.notification.updateMany({ where: { ...where, status: "SENDING" }, data: { status, ...data } });

  const phone = phoneKey(msg.recipient);
  if (await db.smsOptOut.findUnique({ where: { phone }, select: { phone: true } })) {
    await db.notification.updateMany({ where: { ...where, status: "PENDING" }, data: { status: "OPTED_OUT" } });
    return;
  }
  const code = isSmsTemplate(msg.template) ? o.templateCodes[msg.template] : undefined;
  if (!code || !isSmsTemplate(msg.template)) {
    await db.notification.updateMany({ where: { ...where, status: "PENDING" }, data: { status: "FAILED", errorCode: "NO_TEMPLATE" } });
    o.log.warn({ jobId: msg.jobId, template: msg.template }, "sms: no provider template for this message");
    return;
  }
  // The claim: one attempt of one process moves PENDING to SENDING; any other sees SENDING and sends nothing.
  const claimed = await db.notification.updateMany({ where: { ...where, status: "PENDING" }, data: { status: "SENDING", sentAt: now() } });
  if (!claimed.count) throw new AppError("UNAVAILABLE", `sms ${msg.jobId}: claimed by another attempt, looked at again later`);
  let allowed: boolean;
  try {
    allowed = await o.limiter.take(phone);
  } catch (e) {
    await db.notification.updateMany({ where: { ...where, status: "SENDING" }, data: { status: "PENDING", sentAt: null } });
    throw e;
  }
  if (!allowed) {
    await set("RATE_LIMITED", { sentAt: null });
    o.log.info({ jobId: msg.jobId, template: msg.template }, "sms: phone over its limit, not sent");
    return;
  }
  const { params } = renderSms(msg.template, msg.payload);
  const out = await o.provider.send({ phone, templateCode: code, params, outId: msg.jobId });
  switch (out.kind) {
    case "SENT":
      await set("SENT", { providerMessageId: out.id, sentAt: now(), errorCode: null });
      o.log.info({ jobId: msg.jobId, template: msg.template, provider: o.provider.name, id: out.id }, "sms sent");
      return;
    case "FAILED":
      await set("FAILED", { errorCode: out.code, sentAt: null });
      o.log.warn({ jobId: msg.jobId, code: out.code, message: out.message }, "sms refused by the provider: not retried");
      return;
    case "UNKNOWN":
      await set("FAILED", { errorCode: `${OUTCOME_UNKNOWN}:${out.code}` });
      o.log.warn({ jobId: msg.jobId, code: out.code }, "sms may have been sent (no answer): not sent again");
      return;
    case "RETRY":
      if (msg.finalAttempt) {
        await set("FAILED", { errorCode: out.code, sentAt: null });
        o.log.warn({ jobId: msg.jobId, code: out.code }, "sms: the provider still refuses on the job's last attempt: FAILED");
        return;
      }
      await set("PENDING", { errorCode: out.code, sentAt: null });
      throw new AppError("UNAVAILABLE", `sms ${msg.jobId}: ${o.provider.name} answered ${out.code} ${out.message}; retried`);
  }
}

/// A row left SENDING: in flight in another attempt (retry later), or its sender died after the request may have left
/// (not resent: FAILED with OUTCOME_UNKNOWN; a provider receipt can still make it DELIVERED).
async function settleInFlight(o: SmsSenderOptions, msg: OutgoingMessage, since: Date | null, now: Date): Promise<void> {
  const leaseMs = o.leaseMs ?? DEFAULT_SMS_LEASE_MS;
  if (since && now.getTime() - since.getTime() < leaseMs) {
    throw new AppError("UNAVAILABLE", `sms ${msg.jobId}: being sent by another attempt, looked at again later`);
  }
  const r = await o.db.notification.updateMany({
    where: { jobId: msg.jobId, status: "SENDING", sentAt: since },
    data: { status: "FAILED", errorCode: OUTCOME_UNKNOWN },
  });
  if (r.count) o.log.warn({ jobId: msg.jobId }, "sms: a sender died mid-call; the message may have gone out, not sent again");
}
