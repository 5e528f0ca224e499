// Worker process: BullMQ workers and the outbox relay; SIGTERM/SIGINT let active jobs finish.
import { pino } from "pino";
import { loadEnvOrExit } from "@xiangda/config";
import { createDb } from "@xiangda/db";
import {
  DEFAULT_JOB_OPTIONS,
  QUEUES,
  consolidationSweep,
  consolidationSyncSchedulers,
  createProducerConnection,
  dashboardRebuild,
  dashboardSlaWatch,
  listingsFlagExpired,
  createWorkerConnection,
  enqueue,
  Queues,
  shipmentsFlagUncollected,
  shipmentsRecomputeLights,
} from "@xiangda/jobs";
import { senderFromEnv } from "./notify/from-config.ts";
import { startWorkers } from "./start.ts";

const env = loadEnvOrExit();
const log = pino({ level: env.LOG_LEVEL, base: { app: "worker", pid: process.pid } });
const db = createDb(env.DATABASE_URL, { poolSize: 10 });
const producer = createProducerConnection(env.REDIS_URL);
const connection = createWorkerConnection(env.REDIS_URL);
const queues = new Queues(producer, env.REDIS_PREFIX);
/// One retention for every job of a queue: BullMQ trims a queue's whole finished set by the options of the job that
/// just finished, so a scheduler with a short retention would drop other jobs' records (and with them the dedupe
/// that makes a re-sent outbox row a no-op).
const RETENTION = { removeOnComplete: DEFAULT_JOB_OPTIONS.removeOnComplete, removeOnFail: DEFAULT_JOB_OPTIONS.removeOnFail };
// The SMS provider and its templates are checked here: a provider configured without them stops the start.
let sender;
try {
  sender = senderFromEnv(env, { db, redis: producer, redisPrefix: env.REDIS_PREFIX, log });
} catch (e) {
  log.fatal({ err: String(e) }, "worker not started");
  process.exit(1);
}
const handle = startWorkers(
  { db, queues, sender, log },
  {
    connection,
    prefix: env.REDIS_PREFIX,
    lockMs: env.XD_WORKER_LOCK_MS,
    stalledMs: env.XD_WORKER_STALLED_MS,
    concurrency: Object.fromEntries(QUEUES.map((q) => [q, env.XD_WORKER_CONCURRENCY])),
  },
);
// Lights follow the clock: the SLA watcher recomputes them every minute (one scheduler for the whole deployment;
// upsert is idempotent across processes), records new REDs and takes the day's snapshot. It replaces the older
// lights-only scheduler, removed so lights are not computed twice.
void queues
  .get(shipmentsRecomputeLights.queue)
  .removeJobScheduler("lights-every-minute")
  .then(() =>
    queues
      .get(dashboardSlaWatch.queue)
      .upsertJobScheduler("dashboard-sla-every-minute", { every: 60_000 }, { name: dashboardSlaWatch.name, data: {}, opts: RETENTION }),
  )
  .catch((e: unknown) => log.warn({ err: String(e) }, "could not register the SLA watcher yet (Redis down?)"));
// Dashboard roll-ups: rebuilt nightly at 01:30 Asia/Shanghai (yesterday and today, every county).
void queues
  .get(dashboardRebuild.queue)
  .upsertJobScheduler(
    "dashboard-rebuild-nightly",
    { pattern: "30 1 * * *", tz: "Asia/Shanghai" },
    {
      name: dashboardRebuild.name,
      data: { key: "nightly", days: 2 },
      opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, ...RETENTION },
    },
  )
  .catch((e: unknown) => log.warn({ err: String(e) }, "could not register the dashboard rebuild scheduler yet"));
void queues
  .get(shipmentsFlagUncollected.queue)
  .upsertJobScheduler("uncollected-hourly", { every: 3_600_000 }, { name: shipmentsFlagUncollected.name, data: {}, opts: RETENTION })
  .catch((e: unknown) => log.warn({ err: String(e) }, "could not register the uncollected-parcel scheduler yet"));
// Consolidation: the sweep seals what a scheduler missed; seal schedulers follow the lane timetables.
void queues
  .get(consolidationSweep.queue)
  .upsertJobScheduler("consolidation-sweep-every-minute", { every: 60_000 }, { name: consolidationSweep.name, data: {}, opts: RETENTION })
  .catch((e: unknown) => log.warn({ err: String(e) }, "could not register the consolidation sweep yet"));
void queues
  .get(consolidationSyncSchedulers.queue)
  .upsertJobScheduler(
    "consolidation-sync-every-10-minutes",
    { every: 600_000 },
    { name: consolidationSyncSchedulers.name, data: { key: "scheduled" }, opts: RETENTION },
  )
  .then(() => enqueue(queues, consolidationSyncSchedulers, { key: `start-${process.pid}-${Date.now()}` }))
  .catch((e: unknown) => log.warn({ err: String(e) }, "could not register the seal scheduler sync yet"));
// Listings: the expiry check once a day at 02:00 Asia/Shanghai (one scheduler per deployment; the check is idempotent).
void queues
  .get(listingsFlagExpired.queue)
  .upsertJobScheduler(
    "listings-flag-expired-daily",
    { pattern: "0 2 * * *", tz: "Asia/Shanghai" },
    { name: listingsFlagExpired.name, data: {}, opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, ...RETENTION } },
  )
  .catch((e: unknown) => log.warn({ err: String(e) }, "could not register the listings expiry scheduler yet"));
log.info({ queues: handle.workers.map((w) => w.name) }, "worker started");

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, "worker shutting down: finishing active jobs");
  const force = setTimeout(() => process.exit(1), 60_000);
  force.unref();
  await handle.close();
  await queues.close();
  connection.disconnect();
  producer.disconnect();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
