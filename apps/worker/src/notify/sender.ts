// Where messages to people go: the Sender interface and the logging sender (the default); SMS providers sit behind it (sms-sender.ts).
import type { Job } from "bullmq";
import type { Db } from "@xiangda/db";
import type { Prisma } from "@xiangda/db";
import { isSmsTemplate, renderSms } from "./templates.ts";

export interface OutgoingMessage {
  /// Idempotency key: the job that produced the message.
  jobId: string;
  channel: "SMS" | "IN_APP";
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  /// The job's last attempt: a provider error that would be retried is recorded FAILED instead of left PENDING.
  finalAttempt?: boolean;
}

/// Whether this run of a job is its last: BullMQ counts failed attempts in attemptsMade (a run put back for a database
/// outage is not one).
export const isFinalAttempt = (job: Pick<Job, "attemptsMade" | "opts">) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

export interface Sender {
  send(msg: OutgoingMessage): Promise<void>;
}

/// Records every message in the Notification table (once per jobId, status LOGGED) and logs it, an SMS with its
/// Chinese text. The default when no provider is configured (XD_SMS_PROVIDER=LOG).
export function loggingSender(db: Db, log: (o: object, m: string) => void): Sender {
  return {
    async send(msg) {
      const r = await db.notification.createMany({
        data: [
          {
            jobId: msg.jobId,
            channel: msg.channel,
            recipient: msg.recipient,
            template: msg.template,
            payload: msg.payload as Prisma.InputJsonValue,
          },
        ],
        skipDuplicates: true,
      });
      if (!r.count) return;
      const text = msg.channel === "SMS" && isSmsTemplate(msg.template) ? renderSms(msg.template, msg.payload).text : undefined;
      log({ channel: msg.channel, recipient: msg.recipient, template: msg.template, ...(text ? { text } : {}) }, "notification sent");
    },
  };
}
