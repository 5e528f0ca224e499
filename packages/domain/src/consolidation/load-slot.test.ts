import { describe, expect, it } from "vitest";
import {
  cutoffCron,
  departureToSeal,
  loadSlotFor,
  milkRunStart,
  milkRunTimetables,
  sealSchedules,
  type SealLane,
  type SlotLeg,
} from "./load-slot.ts";

const lane = (
  id: string,
  mode: SealLane["mode"],
  from: string,
  to: string,
  fromTier: SealLane["fromTier"],
  toTier: SealLane["toTier"],
  departures: string[],
  cutoffMinutes = 15,
  weekdays = [1, 2, 3, 4, 5, 6, 7],
): SealLane => ({ id, mode, fromNodeId: from, toNodeId: to, fromTier, toTier, departures, weekdays, cutoffMinutes });

describe("load slots", () => {
  const lanes = [
    lane("T1", "TRUNK", "HUB", "S1", "COUNTY_HUB", "TOWNSHIP_STATION", ["07:00", "13:30"], 30),
    lane("M1", "MILK_RUN", "S1", "P1", "TOWNSHIP_STATION", "VILLAGE_POINT", ["09:30"]),
    lane("M2", "MILK_RUN", "S1", "P2", "TOWNSHIP_STATION", "VILLAGE_POINT", ["09:30", "15:00"], 20),
    lane("U1", "MILK_RUN", "P1", "S1", "VILLAGE_POINT", "TOWNSHIP_STATION", ["10:45"]),
    lane("U9", "MILK_RUN", "P9", "S9", "VILLAGE_POINT", "TOWNSHIP_STATION", ["11:00"]),
  ];
  const runs = milkRunTimetables(lanes);
  const leg = (l: SealLane, at: string): SlotLeg => ({
    laneId: l.id,
    mode: l.mode,
    fromNodeId: l.fromNodeId,
    toNodeId: l.toNodeId,
    fromTier: l.fromTier,
    toTier: l.toTier,
    plannedDepart: new Date(at),
    cutoffMinutes: l.cutoffMinutes,
  });

  it("gives all carriers' parcels of one lane departure one key, cut off before it", () => {
    const s = loadSlotFor(leg(lanes[0]!, "2026-11-23T05:30:00Z"), (id) => runs.get(id));
    expect(s).toMatchObject({ key: "lane:T1:2026-11-23T05:30:00.000Z", milkRun: false, nodeId: "HUB", toNodeId: "S1", stopNodeId: "S1" });
    expect(s.cutoffAt.toISOString()).toBe("2026-11-23T05:00:00.000Z");
  });

  it("puts a station's drops and the pick-ups waiting at its village points on the run that leaves before them", () => {
    const drop = loadSlotFor(leg(lanes[1]!, "2026-11-23T01:30:00Z"), (id) => runs.get(id));
    const pick = loadSlotFor(leg(lanes[3]!, "2026-11-23T02:45:00Z"), (id) => runs.get(id));
    expect(drop.key).toBe("milk:S1:2026-11-23T01:30:00.000Z");
    expect(pick.key).toBe(drop.key);
    expect(pick).toMatchObject({ pickup: true, stopNodeId: "P1", nodeId: "S1" });
    // The station's longest cut-off (M2: 20 minutes) closes the run.
    expect(drop.cutoffAt.toISOString()).toBe("2026-11-23T01:10:00.000Z");
    // A station without outgoing runs: its pick-up runs are runs of their own.
    expect(loadSlotFor(leg(lanes[4]!, "2026-11-23T03:00:00Z"), (id) => runs.get(id)).key).toBe("milk:S9:2026-11-23T03:00:00.000Z");
  });

  it("finds the run before a pick-up, or none before the first run of the day", () => {
    const t = runs.get("S1")!;
    expect(milkRunStart(new Date("2026-11-23T08:00:00Z"), t).toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(milkRunStart(new Date("2026-11-23T00:30:00Z"), t).toISOString()).toBe("2026-11-23T00:30:00.000Z");
  });
});

describe("seal schedules", () => {
  it("fires at each departure's cut-off in local time, moving a cut-off before midnight to the day before", () => {
    expect(cutoffCron("13:30", 30, [1, 2, 3, 4, 5, 6, 7])).toBe("0 13 * * *");
    expect(cutoffCron("09:30", 15, [1, 3, 5])).toBe("15 9 * * 1,3,5");
    expect(cutoffCron("00:10", 30, [1, 7])).toBe("40 23 * * 0,6");
  });

  it("has one scheduler per lane departure and one per station milk-run departure, stable ids", () => {
    const lanes = [
      lane("T1", "TRUNK", "HUB", "S1", "COUNTY_HUB", "TOWNSHIP_STATION", ["07:00", "13:30"], 30),
      lane("M1", "MILK_RUN", "S1", "P1", "TOWNSHIP_STATION", "VILLAGE_POINT", ["09:30"]),
      lane("M2", "MILK_RUN", "S1", "P2", "TOWNSHIP_STATION", "VILLAGE_POINT", ["09:30"]),
      lane("U1", "MILK_RUN", "P1", "S1", "VILLAGE_POINT", "TOWNSHIP_STATION", ["10:45"]),
    ];
    const s = sealSchedules(lanes);
    expect(s.map((x) => [x.id, x.pattern])).toEqual([
      ["seal-lane-T1-0700", "30 6 * * *"],
      ["seal-lane-T1-1330", "0 13 * * *"],
      ["seal-milk-S1-0930", "15 9 * * *"],
    ]);
    expect(sealSchedules(lanes)).toEqual(s);
  });

  it("seals the departure nearest to now + cut-off", () => {
    // Fired at 13:00 local (05:00Z) for the 13:30 departure.
    expect(departureToSeal("13:30", 30, new Date("2026-11-23T05:00:00Z")).toISOString()).toBe("2026-11-23T05:30:00.000Z");
    // Fired at 23:40 local for a 00:10 departure the next day.
    expect(departureToSeal("00:10", 30, new Date("2026-11-23T15:40:00Z")).toISOString()).toBe("2026-11-23T16:10:00.000Z");
  });
});
