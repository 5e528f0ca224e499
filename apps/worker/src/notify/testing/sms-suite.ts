// The behaviour every SMS provider adapter must show, run against its local stand-in server with a real PostgreSQL
// (a database of the file's own) and Redis (a prefix of its own): once per job, retries, opt-out, limits, refusals.
import { Queue, Worker } from "bullmq";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, testRedisPrefix, type TestDatabase } from "@xiangda/db/testing";
import { createProducerConnection, createWorkerConnection } from "@xiangda/jobs";
import { waitFor } from "@xiangda/config/testing";
import type { Redis } from "ioredis";
import type { SmsProvider } from "../provider.ts";
import { phoneRateLimiter, type SmsRateLimits } from "../rate-limit.ts";
import { isFinalAttempt, loggingSender, type OutgoingMessage } from "../sender.ts";
import { OUTCOME_UNKNOWN, smsSender } from "../sms-sender.ts";
import { SMS_TEMPLATE_NAMES } from "../templates.ts";
import type { Canned, FakeProvider } from "./http-server.ts";

/// What the suite needs of a provider: its stand-in, adapters with the right or a wrong secret, and how to read a
/// request the stand-in accepted.
export interface ProviderUnderTest<R> {
  start(): Promise<FakeProvider<R>>;
  provider(url: string, opts?: { wrongSecret?: boolean; timeoutMs?: number }): SmsProvider;
  /// The template code and variables (name → value; Tencent's by position under the template's names) of a request.
  read(r: R): { templateCode: string; params: Record<string, string>; outId: string; providerId: string; phone: string };
  signatureError: string;
  badNumberError: string;
  throttled: Canned;
  throttledCode: string;
  serverError: Canned;
}

export const TEMPLATE_CODES: Record<string, string> = Object.fromEntries(SMS_TEMPLATE_NAMES.map((n, i) => [n, `SMS_${1000 + i}`]));

const quiet = { info() {}, warn() {}, error() {} };
const REDIS = process.env.REDIS_URL ?? "redis://127.0.0.1:56379";
let seq = 0;
export const pickupMessage = (phone = "13800138000", jobId = `notify.pickupReady-test-${++seq}`): OutgoingMessage => ({
  jobId,
  channel: "SMS",
  recipient: phone,
  template: "pickup.ready",
  payload: {
    waybillNo: "XD0000000001",
    node: "高屯村(东)服务点",
    openingHours: "08:00-20:00 *节假日照常!",
    shelfSlot: "A-01-03",
    pickupCode: "123456",
  },
});

interface SuiteState<R> {
  tdb: TestDatabase;
  redis: Redis;
  fake: FakeProvider<R>;
}

export function smsProviderSuite<R>(p: ProviderUnderTest<R>) {
  const st = {} as SuiteState<R>;
  const prefix = testRedisPrefix();
  const sender = (o: { limits?: SmsRateLimits; wrongSecret?: boolean; leaseMs?: number; timeoutMs?: number } = {}) =>
    smsSender({
      db: st.tdb.db,
      provider: p.provider(st.fake.url, o),
      templateCodes: TEMPLATE_CODES,
      limiter: phoneRateLimiter(st.redis, `${prefix}:${++seq}`, o.limits ?? { perHour: 100, perDay: 100 }),
      fallback: loggingSender(st.tdb.db, () => {}),
      log: quiet,
      ...(o.leaseMs !== undefined ? { leaseMs: o.leaseMs } : {}),
    });
  beforeAll(async () => {
    st.tdb = await createTestDatabase();
    st.redis = createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
    st.fake = await p.start();
  });
  afterAll(async () => {
    await st.fake?.close();
    st.redis?.disconnect();
    await st.tdb?.drop();
  });
  const t = { st, prefix, sender, row: (jobId: string) => st.tdb.db.notification.findUniqueOrThrow({ where: { jobId } }) };
  sendingOnce(p, t);
  guards(p, t);
}

type Tools<R> = {
  st: SuiteState<R>;
  prefix: string;
  sender: (o?: { limits?: SmsRateLimits; wrongSecret?: boolean; timeoutMs?: number }) => ReturnType<typeof smsSender>;
  row: (jobId: string) => ReturnType<SuiteState<R>["tdb"]["db"]["notification"]["findUniqueOrThrow"]>;
};

function sendingOnce<R>(p: ProviderUnderTest<R>, { st, prefix, sender, row }: Tools<R>) {
  it("sends a message once, with its template's code and variables, stored SENT with the provider's id", async () => {
    const msg = pickupMessage();
    const s = sender();
    await s.send(msg);
    await s.send(msg);
    // Another process with the same job: nothing more goes out.
    await sender().send(msg);
    expect(st.fake.sent).toHaveLength(1);
    const r = p.read(st.fake.sent[0]!);
    expect(r).toMatchObject({
      templateCode: TEMPLATE_CODES["pickup.ready"],
      params: { node: "高屯村(东)服务点", slot: "A-01-03", code: "123456", hours: "08:00-20:00 *节假日照常!" },
      outId: msg.jobId,
    });
    expect(r.phone).toMatch(/13800138000$/);
    const stored = await row(msg.jobId);
    expect(stored).toMatchObject({ status: "SENT", providerMessageId: r.providerId, errorCode: null });
    expect(stored.sentAt).toBeInstanceOf(Date);
  });

  it("with a wrong secret is refused by the provider's signature check: FAILED with its code, not retried", async () => {
    const msg = pickupMessage();
    const before = st.fake.hits;
    await sender({ wrongSecret: true }).send(msg);
    expect(await row(msg.jobId)).toMatchObject({ status: "FAILED", errorCode: p.signatureError, providerMessageId: null });
    await sender({ wrongSecret: true }).send(msg);
    expect(st.fake.hits).toBe(before + 1);
  });

  it("a refused number is FAILED with the provider's code", async () => {
    const msg = pickupMessage("1380013800");
    const sent = st.fake.sent.length;
    await sender().send(msg);
    expect(await row(msg.jobId)).toMatchObject({ status: "FAILED", errorCode: p.badNumberError });
    expect(st.fake.sent).toHaveLength(sent);
  });

  it("throttled or a 5xx: the job is retried by BullMQ with backoff and the message goes out once", async () => {
    st.fake.failNext(1, p.throttled);
    st.fake.failNext(1, p.serverError);
    const before = { hits: st.fake.hits, sent: st.fake.sent.length };
    const queueName = `sms-${seq}`;
    const queue = new Queue(queueName, {
      connection: createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379"),
      prefix,
    });
    const s = sender();
    const conn = createWorkerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
    // As the notify processors do: the job's id is the message's.
    const worker = new Worker(
      queueName,
      async (job) => s.send({ ...pickupMessage("13800138001", job.id), finalAttempt: isFinalAttempt(job) }),
      { connection: conn, prefix },
    );
    try {
      const job = await queue.add(
        "notify.pickupReady",
        {},
        { jobId: `notify.pickupReady-retry-${seq}`, attempts: 5, backoff: { type: "exponential", delay: 50 } },
      );
      await waitFor(async () => (await job.isCompleted()) || (await job.isFailed()), { what: "the job to finish" });
      expect(await job.isCompleted()).toBe(true);
      expect(st.fake.hits - before.hits).toBe(3);
      expect(st.fake.sent.length - before.sent).toBe(1);
      expect(await row(job.id!)).toMatchObject({ status: "SENT", errorCode: null });
      // The job added again (a replayed outbox row) sends nothing.
      await s.send(pickupMessage("13800138001", job.id));
      expect(st.fake.hits - before.hits).toBe(3);
    } finally {
      await worker.close();
      await queue.close();
      conn.disconnect();
    }
  });
}

function guards<R>(p: ProviderUnderTest<R>, { st, prefix, sender, row }: Tools<R>) {
  it("still throttled on the job's last attempt: FAILED with the provider's code, not left pending", async () => {
    st.fake.failNext(2, p.throttled);
    const hits = st.fake.hits;
    const queueName = `sms-last-${++seq}`;
    const queue = new Queue(queueName, { connection: createProducerConnection(REDIS), prefix });
    const conn = createWorkerConnection(REDIS);
    const s = sender();
    const worker = new Worker(
      queueName,
      async (job) => s.send({ ...pickupMessage("13800138004", job.id), finalAttempt: isFinalAttempt(job) }),
      {
        connection: conn,
        prefix,
      },
    );
    try {
      const job = await queue.add(
        "notify.pickupReady",
        {},
        { jobId: `notify.pickupReady-last-${seq}`, attempts: 2, backoff: { type: "fixed", delay: 20 } },
      );
      await waitFor(async () => (await job.isCompleted()) || (await job.isFailed()), { what: "the job to finish" });
      expect(st.fake.hits - hits).toBe(2);
      expect(await row(job.id!)).toMatchObject({ status: "FAILED", errorCode: p.throttledCode });
    } finally {
      await worker.close();
      await queue.close();
      conn.disconnect();
    }
  });

  it("a job whose sender died mid-call is not sent again: in flight it waits, after the lease it is FAILED unknown", async () => {
    const msg = pickupMessage();
    const hits = st.fake.hits;
    await st.tdb.db.notification.create({
      data: {
        jobId: msg.jobId,
        channel: "SMS",
        recipient: msg.recipient,
        template: msg.template,
        payload: {},
        status: "SENDING",
        sentAt: new Date(),
      },
    });
    await expect(sender().send(msg)).rejects.toThrow(/another attempt/);
    await st.tdb.db.notification.update({ where: { jobId: msg.jobId }, data: { sentAt: new Date(Date.now() - 60_000) } });
    await sender().send(msg);
    expect(await row(msg.jobId)).toMatchObject({ status: "FAILED", errorCode: OUTCOME_UNKNOWN });
    await sender().send(msg);
    expect(st.fake.hits).toBe(hits);
  });

  it("a call that got no answer (time-out) may have gone out: FAILED unknown, not sent again", async () => {
    const msg = pickupMessage("13800138003");
    st.fake.hangNext(1);
    const sent = st.fake.sent.length;
    await sender({ timeoutMs: 300 }).send(msg);
    expect(st.fake.sent.length - sent).toBe(1);
    expect(await row(msg.jobId)).toMatchObject({ status: "FAILED", errorCode: `${OUTCOME_UNKNOWN}:TIMEOUT` });
    await sender().send(msg);
    expect(st.fake.sent.length - sent).toBe(1);
  });

  it("racing senders of one job (two worker processes) send it once", async () => {
    const msg = pickupMessage("13800138002");
    const sent = st.fake.sent.length;
    const results = await Promise.allSettled([sender().send(msg), sender().send(msg), sender().send(msg)]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(st.fake.sent.length - sent).toBe(1);
    expect(await row(msg.jobId)).toMatchObject({ status: "SENT" });
  });

  it("an opted-out phone gets nothing (OPTED_OUT)", async () => {
    await st.tdb.db.smsOptOut.create({ data: { phone: "13900139000", reason: "退订" } });
    const msg = pickupMessage("+86 139-0013-9000");
    const hits = st.fake.hits;
    await sender().send(msg);
    expect(st.fake.hits).toBe(hits);
    expect(await row(msg.jobId)).toMatchObject({ status: "OPTED_OUT", providerMessageId: null });
  });

  it("a phone over its hourly limit gets no more (RATE_LIMITED), counted across senders in Redis", async () => {
    const limits = { perHour: 2, perDay: 10 };
    const limiterPrefix = `${prefix}:shared`;
    const make = () =>
      smsSender({
        db: st.tdb.db,
        provider: p.provider(st.fake.url),
        templateCodes: TEMPLATE_CODES,
        limiter: phoneRateLimiter(st.redis, limiterPrefix, limits),
        fallback: loggingSender(st.tdb.db, () => {}),
        log: quiet,
      });
    const msgs = [1, 2, 3].map(() => pickupMessage("13700137000"));
    const sent = st.fake.sent.length;
    for (const [i, m] of msgs.entries())
      await make()
        .send(m)
        .then(() => i);
    expect(st.fake.sent.length - sent).toBe(2);
    expect((await Promise.all(msgs.map((m) => row(m.jobId)))).map((r) => r.status)).toEqual(["SENT", "SENT", "RATE_LIMITED"]);
    // Another phone is not held back.
    await make().send(pickupMessage("13700137001"));
    expect(st.fake.sent.length - sent).toBe(3);
  });

  it("in-app messages go to the logging sender, not the provider", async () => {
    const hits = st.fake.hits;
    await sender().send({
      jobId: `users.welcome-${++seq}`,
      channel: "IN_APP",
      recipient: "user:1",
      template: "users.welcome",
      payload: {},
    });
    expect(st.fake.hits).toBe(hits);
  });
}
