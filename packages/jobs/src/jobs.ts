// Every job of the platform. Processors live in apps/worker/src/processors/<domain>/.
import { z } from "zod";
import { defineJob } from "./define.ts";

export const usersWelcome = defineJob({
  queue: "notify",
  name: "users.welcome",
  schema: z.object({ userId: z.string().uuid(), username: z.string(), displayName: z.string() }),
  jobId: (p) => `users.welcome-${p.userId}`,
});

export const systemPing = defineJob({
  queue: "system",
  name: "system.ping",
  schema: z.object({ key: z.string().min(1), note: z.string().optional() }),
  jobId: (p) => `system.ping-${p.key}`,
});

/// Runs a bulk network import (nodes, lanes, vehicles, poor villages, divisions) with progress.
export const networkImport = defineJob({
  queue: "network",
  name: "network.import",
  schema: z.object({ importId: z.string().uuid() }),
  jobId: (p) => `network.import-${p.importId}`,
  options: { attempts: 3 },
});

/// Re-plans shipments after a node or lane was suspended, closed or reopened.
export const networkReroute = defineJob({
  queue: "network",
  name: "network.reroute",
  schema: z.object({
    countyCode: z.string().regex(/^\d{6}$/),
    nodeId: z.string().uuid().optional(),
    laneId: z.string().uuid().optional(),
    reopened: z.boolean().default(false),
    /// Identifies the status change (e.g. the row's updatedAt): the same change is re-planned once.
    changeId: z.string().min(1),
  }),
  jobId: (p) => `network.reroute-${p.nodeId ?? p.laneId ?? "all"}-${p.changeId}`,
});

/// Recomputes traffic lights as time passes (scheduled every minute) and after events.
export const shipmentsRecomputeLights = defineJob({
  queue: "shipments",
  name: "shipments.recomputeLights",
  schema: z.object({
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    at: z.string().datetime().optional(),
  }),
  jobId: (p) => `shipments.recomputeLights-${p.countyCode ?? "all"}-${p.at ?? "now"}`,
  options: { attempts: 2 },
});

/// A misrouted parcel is planned again from where it was scanned.
export const shipmentsReplan = defineJob({
  queue: "shipments",
  name: "shipments.replan",
  /// `scanId` names the event (a scan, or the leg that missed its load); `readyAt`: not before then.
  schema: z.object({ shipmentId: z.string().uuid(), scanId: z.string().uuid(), readyAt: z.string().datetime().optional() }),
  jobId: (p) => `shipments.replan-${p.scanId}`,
});

/// Tells the recipient their parcel waits at a node, with its pickup code.
export const notifyPickupReady = defineJob({
  queue: "notify",
  name: "notify.pickupReady",
  schema: z.object({ shipmentId: z.string().uuid(), scanId: z.string().uuid() }),
  jobId: (p) => `notify.pickupReady-${p.scanId}`,
});

/// Tells the recipient their parcel was delivered or picked up (the DELIVER / PICKUP scan).
export const notifyDelivered = defineJob({
  queue: "notify",
  name: "notify.delivered",
  schema: z.object({ shipmentId: z.string().uuid(), scanId: z.string().uuid() }),
  jobId: (p) => `notify.delivered-${p.scanId}`,
});

/// Tells the recipient something went wrong with their parcel (the EXCEPTION scan), with the reason.
export const notifyException = defineJob({
  queue: "notify",
  name: "notify.exception",
  schema: z.object({ shipmentId: z.string().uuid(), scanId: z.string().uuid() }),
  jobId: (p) => `notify.exception-${p.scanId}`,
});

/// Flags parcels left on the shelf past their node's hold days for return (scheduled hourly).
export const shipmentsFlagUncollected = defineJob({
  queue: "shipments",
  name: "shipments.flagUncollected",
  schema: z.object({ at: z.string().datetime().optional() }),
  jobId: (p) => `shipments.flagUncollected-${p.at ?? "now"}`,
  options: { attempts: 2 },
});

/// Parcels ready to leave join the open load of their next lane departure (or milk run). `key` only
/// makes the job id unique per trigger; the work is a set-based sweep, idempotent and safe to race.
export const consolidationAssign = defineJob({
  queue: "consolidation",
  name: "consolidation.assign",
  schema: z.object({
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    nodeIds: z.array(z.string().uuid()).max(1000).optional(),
    key: z.string().min(1).max(120),
  }),
  jobId: (p) => `consolidation.assign-${p.key}`,
  options: { attempts: 5 },
});

/// Seals a load at its cut-off: by id, or the departure a scheduler fired for (lane or station milk run).
export const consolidationSeal = defineJob({
  queue: "consolidation",
  name: "consolidation.seal",
  schema: z.object({
    loadId: z.string().uuid().optional(),
    kind: z.enum(["lane", "milk"]).optional(),
    laneId: z.string().uuid().optional(),
    stationId: z.string().uuid().optional(),
    departure: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .optional(),
  }),
  // Scheduler-fired seals get their ids from the scheduler (one per firing); added ones name the load.
  jobId: (p) => `consolidation.seal-${p.loadId ?? `${p.laneId ?? p.stationId ?? "x"}-${(p.departure ?? "").replace(":", "")}`}`,
  options: { attempts: 5 },
});

/// Plans one vehicle of a sealed load (a child in the seal → plan → manifest flow).
export const consolidationPlan = defineJob({
  queue: "consolidation",
  name: "consolidation.plan",
  schema: z.object({ loadVehicleId: z.string().uuid() }),
  jobId: (p) => `consolidation.plan-${p.loadVehicleId}`,
});

/// The flow's parent: once every vehicle is planned, the manifest, figures and the per-carrier baseline.
export const consolidationManifest = defineJob({
  queue: "consolidation",
  name: "consolidation.manifest",
  schema: z.object({ loadId: z.string().uuid() }),
  jobId: (p) => `consolidation.manifest-${p.loadId}`,
});

/// Every minute: assigns stragglers and seals any open load past its cut-off whose scheduler did not fire.
export const consolidationSweep = defineJob({
  queue: "consolidation",
  name: "consolidation.sweep",
  schema: z.object({ at: z.string().datetime().optional() }),
  jobId: (p) => `consolidation.sweep-${p.at ?? "now"}`,
  options: { attempts: 2 },
});

/// Keeps the seal schedulers in step with the lane timetables (after lane changes, and every 10 minutes).
export const consolidationSyncSchedulers = defineJob({
  queue: "consolidation",
  name: "consolidation.syncSchedulers",
  schema: z.object({ key: z.string().min(1).max(120) }),
  jobId: (p) => `consolidation.syncSchedulers-${p.key}`,
  options: { attempts: 3 },
});

/// Daily at 02:00 Asia/Shanghai: flags ACTIVE listings whose merchant recognition or product certification
/// expired and clears renewed ones. One idempotent UPDATE, so overlapping runs and retries are harmless.
export const listingsFlagExpired = defineJob({
  queue: "system",
  name: "listings.flagExpired",
  schema: z.object({
    at: z.string().datetime().optional(),
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  }),
  jobId: (p) => `listings.flagExpired-${p.countyCode ?? "all"}-${(p.at ?? "now").replace(/:/g, "")}`,
  options: { attempts: 3 },
});

const ZCounty = z.string().regex(/^\d{6}$/, "must be a 6-digit county code");
const ZDay = z.string().date("must be a date YYYY-MM-DD");

/// Recomputes one county-day of the dashboard roll-ups after parcels were created or finished, or sales recorded
/// (outbox). Events of one 30-second `bucket` share a job; `tail` is the one follow-up run after the bucket closed,
/// for events that came after the first run had started.
export const dashboardRollup = defineJob({
  queue: "dashboard",
  name: "dashboard.rollup",
  schema: z.object({
    countyCode: ZCounty,
    day: ZDay,
    bucket: z.string().regex(/^\d{1,15}$/, "must be a bucket number"),
    tail: z.boolean().optional(),
  }),
  jobId: (p) => `dashboard.rollup-${p.countyCode}-${p.day}-${p.bucket}${p.tail ? "-tail" : ""}`,
  options: { attempts: 5 },
});

/// Nightly (01:30 Asia/Shanghai): rebuilds the last `days` days (default 2: yesterday and today) of every county, or one.
export const dashboardRebuild = defineJob({
  queue: "dashboard",
  name: "dashboard.rebuild",
  schema: z.object({
    days: z.number().int().min(1).max(400).optional(),
    countyCode: ZCounty.optional(),
    at: z.string().datetime().optional(),
    key: z.string().min(1).max(120),
  }),
  jobId: (p) => `dashboard.rebuild-${p.key}`,
  options: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
});

/// Every minute: recomputes the lights, records new REDs for their responsible node, resolves the rest, and takes
/// today's light snapshot. Set-based and idempotent, so overlapping runs are harmless.
export const dashboardSlaWatch = defineJob({
  queue: "dashboard",
  name: "dashboard.slaWatch",
  schema: z.object({ key: z.string().min(1).max(120).optional(), at: z.string().datetime().optional() }),
  jobId: (p) => `dashboard.slaWatch-${p.key ?? "now"}`,
  options: { attempts: 2 },
});

/// A manager chased a node's RED parcels: one message to the node's contact and staff listing the waybills of the
/// alerts marked at `notifiedAt`.
export const dashboardNotifyRed = defineJob({
  queue: "notify",
  name: "dashboard.notifyRed",
  schema: z.object({
    countyCode: ZCounty,
    nodeId: z.string().uuid(),
    requestId: z.string().min(1).max(120),
    notifiedAt: z.string().datetime().optional(),
  }),
  jobId: (p) => `dashboard.notifyRed-${p.nodeId}-${p.requestId.replace(/:/g, "-")}`,
});

/// Delivers one webhook subscription's pending events in order (one deliverer at a time per subscription). `wake`
/// makes each request a job of its own (the sequencer's batch, a retry's attempt); a job finding nothing due ends.
export const webhooksDeliver = defineJob({
  queue: "webhooks",
  name: "webhooks.deliver",
  schema: z.object({ subscriptionId: z.string().uuid(), wake: z.string().min(1).max(80) }),
  jobId: (p) => `webhooks.deliver-${p.subscriptionId}-${p.wake}`,
  options: { attempts: 1 },
});

export const ALL_JOBS = [
  usersWelcome,
  systemPing,
  networkImport,
  networkReroute,
  shipmentsRecomputeLights,
  shipmentsReplan,
  notifyPickupReady,
  notifyDelivered,
  notifyException,
  webhooksDeliver,
  shipmentsFlagUncollected,
  consolidationAssign,
  consolidationSeal,
  consolidationPlan,
  consolidationManifest,
  consolidationSweep,
  consolidationSyncSchedulers,
  listingsFlagExpired,
  dashboardRollup,
  dashboardRebuild,
  dashboardSlaWatch,
  dashboardNotifyRed,
] as const;
