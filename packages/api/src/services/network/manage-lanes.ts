// The lane list of the network page, one lane saved from its form, and a lane's status (a change re-plans the
// shipments on it and resyncs the consolidation schedulers).
import { z } from "zod";
import { writeOutbox, type Db } from "@xiangda/db";
import { consolidationSyncSchedulers, outboxEvent } from "@xiangda/jobs";
import { AppError, LANE_MODES } from "@xiangda/domain";
import { saveLane } from "./forms.ts";
import { writeRerouteEvent } from "./reroute-event.ts";
import { laneView } from "./views.ts";

const include = { fromNode: { select: { code: true, name: true } }, toNode: { select: { code: true, name: true } } } as const;

export const ZLaneUpsertSchema = z.object({
  code: z.string().trim().min(1, "required").max(60),
  fromCode: z.string().trim().min(1, "required"),
  toCode: z.string().trim().min(1, "required"),
  mode: z.enum(LANE_MODES),
  directReason: z.string().trim().max(200).nullish(),
  departures: z
    .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM"))
    .min(1, "at least one departure")
    .max(48),
  weekdays: z.array(z.number().int().min(1, "1 = Monday").max(7, "7 = Sunday")).min(1, "at least one weekday"),
  cutoffMinutes: z.number().int().min(0, "must be 0 or more").max(1439),
  transitMinutes: z.number().int().min(1, "must be more than 0").max(10080),
  cold: z.boolean(),
  stopAreaCodes: z
    .array(z.string().regex(/^\d{12}$/, "must be a 12-digit code"))
    .max(200)
    .optional(),
});

export const ZLaneStatusSchema = z.object({
  code: z.string().min(1),
  status: z.enum(["ACTIVE", "SUSPENDED"]),
  reason: z.string().trim().max(200).optional(),
});

export async function listLanes(db: Db, input: { countyCode: string }) {
  const lanes = await db.lane.findMany({ where: { countyCode: input.countyCode }, include, orderBy: { code: "asc" } });
  return lanes.map(laneView);
}

export async function upsertLane(db: Db, input: { countyCode: string } & z.infer<typeof ZLaneUpsertSchema>) {
  const { countyCode, ...f } = input;
  const departures = [...new Set(f.departures)].sort();
  const weekdays = [...new Set(f.weekdays)].sort((a, b) => a - b);
  return laneView(
    await saveLane(db, countyCode, {
      ...f,
      departures,
      weekdays,
      directReason: f.directReason ?? null,
      stopAreaCodes: f.stopAreaCodes ?? [],
    }),
  );
}

export async function setLaneStatus(db: Db, input: { countyCode: string } & z.infer<typeof ZLaneStatusSchema>) {
  if (input.status === "SUSPENDED" && !input.reason) throw AppError.at("reason", "LANE_SUSPEND_NEEDS_REASON");
  const lane = await db.lane.findUnique({ where: { countyCode_code: { countyCode: input.countyCode, code: input.code } } });
  if (!lane) throw AppError.at("code", "NO_LANE_IN_COUNTY", { code: input.code, county: input.countyCode });
  const l = await db.$transaction(async (tx) => {
    const updated = await tx.lane.update({
      where: { id: lane.id },
      data: { status: input.status, suspendedReason: input.status === "ACTIVE" ? null : input.reason },
      include,
    });
    if (lane.status !== input.status) {
      await writeRerouteEvent(tx, {
        countyCode: input.countyCode,
        target: { laneId: lane.id },
        status: input.status,
        updatedAt: updated.updatedAt,
      });
      await writeOutbox(tx, outboxEvent(consolidationSyncSchedulers, { key: `lane-${lane.id}-${updated.updatedAt.getTime()}` }));
    }
    return updated;
  });
  return laneView(l);
}
