// Where messages to people go. A logging sender now; SMS providers plug in behind the same interface.
import type { Db } from "@xiangda/db";
import type { Prisma } from "@xiangda/db";

export interface OutgoingMessage {
  /// Idempotency key: the job that produced the message.
  jobId: string;
  channel: "SMS" | "IN_APP";
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
}

export interface Sender {
  send(msg: OutgoingMessage): Promise<void>;
}

/// Records every message in the Notification table (once per jobId) and logs it.
export function loggingSender(db: Db, log: (o: object, m: string) => void): Sender {
  return {
    async send(msg) {
      const r = await db.notification.createMany({
        data: [{ jobId: msg.jobId, channel: msg.channel, recipient: msg.recipient, template: msg.template, payload: msg.payload as Prisma.InputJsonValue }],
        skipDuplicates: true,
      });
      if (r.count) log({ channel: msg.channel, recipient: msg.recipient, template: msg.template }, "notification sent");
    },
  };
}
