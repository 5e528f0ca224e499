// Job name → processor. Every job defined in @xiangda/jobs must have one (checked by a test).
import {
  consolidationAssign,
  consolidationManifest,
  dashboardNotifyRed,
  dashboardRebuild,
  dashboardRollup,
  dashboardSlaWatch,
  consolidationPlan,
  consolidationSeal,
  consolidationSweep,
  consolidationSyncSchedulers,
  listingsFlagExpired,
  networkImport,
  networkReroute,
  notifyPickupReady,
  notifyDelivered,
  notifyException,
  webhooksDeliver,
  shipmentsFlagUncollected,
  shipmentsRecomputeLights,
  shipmentsReplan,
  systemPing,
  usersWelcome,
} from "@xiangda/jobs";
import { flagUncollected } from "@xiangda/api";
import { processPickupReady } from "./notify/pickup-ready.ts";
import { processDelivered, processException } from "./notify/shipment-notices.ts";
import { processWebhooksDeliver } from "./webhooks/deliver.ts";
import { processReplan } from "./shipments/replan.ts";
import { processReroute } from "./network/reroute.ts";
import { processRecomputeLights } from "./shipments/recompute-lights.ts";
import { processNetworkImport } from "./network/import.ts";
import { processUsersWelcome } from "./notify/users-welcome.ts";
import { processSystemPing } from "./system/ping.ts";
import {
  processAssign,
  processManifest,
  processPlan,
  processSeal,
  processSweep,
  processSyncSchedulers,
} from "./consolidation/consolidation.ts";
import { processFlagExpired } from "./listings/flag-expired.ts";
import { processRebuild, processRollup } from "./dashboard/rollup.ts";
import { processSlaWatch } from "./dashboard/sla-watch.ts";
import { processNotifyRed } from "./dashboard/notify-red.ts";
import type { Processor } from "./types.ts";

export const PROCESSORS: Record<string, Processor> = {
  [usersWelcome.name]: processUsersWelcome,
  [systemPing.name]: processSystemPing,
  [networkImport.name]: processNetworkImport,
  [networkReroute.name]: processReroute,
  [shipmentsRecomputeLights.name]: processRecomputeLights,
  [shipmentsReplan.name]: processReplan,
  [notifyPickupReady.name]: processPickupReady,
  [notifyDelivered.name]: processDelivered,
  [notifyException.name]: processException,
  [webhooksDeliver.name]: processWebhooksDeliver,
  [shipmentsFlagUncollected.name]: async (job, deps) =>
    flagUncollected(
      deps.db,
      job.data && typeof (job.data as { at?: string }).at === "string" ? new Date((job.data as { at: string }).at) : new Date(),
    ),
  [consolidationAssign.name]: processAssign,
  [consolidationSeal.name]: processSeal,
  [consolidationPlan.name]: processPlan,
  [consolidationManifest.name]: processManifest,
  [consolidationSweep.name]: processSweep,
  [consolidationSyncSchedulers.name]: processSyncSchedulers,
  [listingsFlagExpired.name]: processFlagExpired,
  [dashboardRollup.name]: processRollup,
  [dashboardRebuild.name]: processRebuild,
  [dashboardSlaWatch.name]: processSlaWatch,
  [dashboardNotifyRed.name]: processNotifyRed,
};
