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
  schema: z.object({ countyCode: z.string().regex(/^\d{6}$/).optional(), at: z.string().datetime().optional() }),
  jobId: (p) => `shipments.recomputeLights-${p.countyCode ?? "all"}-${p.at ?? "now"}`,
  options: { attempts: 2, removeOnComplete: { age: 3600, count: 1000 } },
});

/// A misrouted parcel is planned again from where it was scanned.
export const shipmentsReplan = defineJob({
  queue: "shipments",
  name: "shipments.replan",
  schema: z.object({ shipmentId: z.string().uuid(), scanId: z.string().uuid() }),
  jobId: (p) => `shipments.replan-${p.scanId}`,
});

/// Tells the recipient their parcel waits at a node, with its pickup code.
export const notifyPickupReady = defineJob({
  queue: "notify",
  name: "notify.pickupReady",
  schema: z.object({ shipmentId: z.string().uuid(), scanId: z.string().uuid() }),
  jobId: (p) => `notify.pickupReady-${p.scanId}`,
});

/// Flags parcels left on the shelf past their node's hold days for return (scheduled hourly).
export const shipmentsFlagUncollected = defineJob({
  queue: "shipments",
  name: "shipments.flagUncollected",
  schema: z.object({ at: z.string().datetime().optional() }),
  jobId: (p) => `shipments.flagUncollected-${p.at ?? "now"}`,
  options: { attempts: 2, removeOnComplete: { age: 86_400, count: 100 } },
});

export const ALL_JOBS = [usersWelcome, systemPing, networkImport, networkReroute, shipmentsRecomputeLights, shipmentsReplan, notifyPickupReady, shipmentsFlagUncollected] as const;
