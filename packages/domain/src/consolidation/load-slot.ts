// Which load a parcel leg joins: one load per lane departure for all carriers together; milk-run
// legs of a township station join the station's milk run (out to its village points dropping
// downward parcels, picking up the upward ones waiting there, and back), keyed by the run's start.
import type { TLaneMode, TNodeTier as TTier } from "../network/values.ts";
import { MINUTES_PER_DAY } from "../routing/week-time.ts";

export interface SlotLeg {
  laneId: string;
  mode: TLaneMode;
  fromNodeId: string;
  toNodeId: string;
  fromTier: TTier;
  toTier: TTier;
  plannedDepart: Date;
  cutoffMinutes: number;
}

/// A station's milk runs: departure times ("HH:MM", Asia/Shanghai), ISO weekdays, cut-off.
export interface MilkRunTimetable {
  departures: string[];
  weekdays: number[];
  cutoffMinutes: number;
}

export interface LoadSlot {
  key: string;
  milkRun: boolean;
  laneId: string | null;
  nodeId: string;
  toNodeId: string | null;
  departAt: Date;
  cutoffAt: Date;
  /// The leg's far end (a lane's destination) or the village point a milk run serves for it.
  stopNodeId: string;
  pickup: boolean;
}

const SHANGHAI_MS = 8 * 3600_000;
const clock = (hhmm: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};
/// Midnight (Asia/Shanghai) of the local day of `at`, as a UTC instant.
export function localMidnight(at: Date): Date {
  return new Date(Math.floor((at.getTime() + SHANGHAI_MS) / 86_400_000) * 86_400_000 - SHANGHAI_MS);
}
/// ISO weekday (1 Monday … 7 Sunday) of `at` in Asia/Shanghai.
export function localWeekday(at: Date): number {
  const d = new Date(at.getTime() + SHANGHAI_MS).getUTCDay();
  return d === 0 ? 7 : d;
}
/// The instant of "HH:MM" Asia/Shanghai on the local day of `day`.
export function atLocalClock(day: Date, hhmm: string): Date {
  return new Date(localMidnight(day).getTime() + clock(hhmm) * 60_000);
}

/// The milk run an upward leg's parcel is picked up by: the station's last run leaving at or before
/// the leg's departure that day; without one, a run of its own at the leg's departure.
export function milkRunStart(pickupDepart: Date, runs: MilkRunTimetable | undefined): Date {
  if (!runs || !runs.weekdays.includes(localWeekday(pickupDepart))) return pickupDepart;
  const starts = runs.departures.map((d) => atLocalClock(pickupDepart, d)).filter((d) => d.getTime() <= pickupDepart.getTime());
  return starts.length ? new Date(Math.max(...starts.map((d) => d.getTime()))) : pickupDepart;
}

export function loadSlotFor(leg: SlotLeg, milkRuns: (stationId: string) => MilkRunTimetable | undefined): LoadSlot {
  const station = leg.fromTier === "TOWNSHIP_STATION" ? leg.fromNodeId : leg.toTier === "TOWNSHIP_STATION" ? leg.toNodeId : null;
  if (leg.mode === "MILK_RUN" && station) {
    const pickup = station === leg.toNodeId;
    const runs = milkRuns(station);
    const departAt = pickup ? milkRunStart(leg.plannedDepart, runs) : leg.plannedDepart;
    const cutoff = Math.max(leg.cutoffMinutes, runs?.cutoffMinutes ?? 0);
    return {
      key: `milk:${station}:${departAt.toISOString()}`,
      milkRun: true,
      laneId: null,
      nodeId: station,
      toNodeId: null,
      departAt,
      cutoffAt: new Date(departAt.getTime() - cutoff * 60_000),
      stopNodeId: pickup ? leg.fromNodeId : leg.toNodeId,
      pickup,
    };
  }
  return {
    key: `lane:${leg.laneId}:${leg.plannedDepart.toISOString()}`,
    milkRun: false,
    laneId: leg.laneId,
    nodeId: leg.fromNodeId,
    toNodeId: leg.toNodeId,
    departAt: leg.plannedDepart,
    cutoffAt: new Date(leg.plannedDepart.getTime() - leg.cutoffMinutes * 60_000),
    stopNodeId: leg.toNodeId,
    pickup: false,
  };
}

export interface SealLane {
  id: string;
  mode: TLaneMode;
  fromNodeId: string;
  toNodeId: string;
  fromTier: TTier;
  toTier: TTier;
  departures: string[];
  weekdays: number[];
  cutoffMinutes: number;
}

export type SealTarget = { kind: "lane"; laneId: string; departure: string } | { kind: "milk"; stationId: string; departure: string };

export interface SealSchedule {
  /// Scheduler id: stable for the same lane (or station) and departure.
  id: string;
  /// Cron "m h * * dow" in Asia/Shanghai, firing at the cut-off.
  pattern: string;
  target: SealTarget;
}

/// Cron for the cut-off of a departure on the given ISO weekdays (a cut-off before midnight moves to the day before).
export function cutoffCron(departure: string, cutoffMinutes: number, weekdays: number[]): string {
  let fire = clock(departure) - cutoffMinutes;
  let shift = 0;
  while (fire < 0) {
    fire += MINUTES_PER_DAY;
    shift -= 1;
  }
  const days = [...new Set(weekdays.map((d) => ((((d - 1 + shift) % 7) + 7) % 7) + 1))].map((d) => d % 7).sort((a, b) => a - b);
  return `${fire % 60} ${Math.floor(fire / 60)} * * ${days.length === 7 ? "*" : days.join(",")}`;
}

/// Every station's milk-run timetable: its outgoing milk runs, or the pick-up runs when it has none.
export function milkRunTimetables(lanes: readonly SealLane[]): Map<string, MilkRunTimetable> {
  const out = new Map<string, MilkRunTimetable>();
  const add = (station: string, l: SealLane) => {
    const t = out.get(station) ?? { departures: [], weekdays: [], cutoffMinutes: 0 };
    t.departures = [...new Set([...t.departures, ...l.departures])].sort();
    t.weekdays = [...new Set([...t.weekdays, ...l.weekdays])].sort();
    t.cutoffMinutes = Math.max(t.cutoffMinutes, l.cutoffMinutes);
    out.set(station, t);
  };
  const milk = lanes.filter((l) => l.mode === "MILK_RUN");
  for (const l of milk) if (l.fromTier === "TOWNSHIP_STATION") add(l.fromNodeId, l);
  for (const l of milk)
    if (l.toTier === "TOWNSHIP_STATION" && l.fromTier !== "TOWNSHIP_STATION" && !milk.some((d) => d.fromNodeId === l.toNodeId))
      add(l.toNodeId, l);
  return out;
}

/// The seal schedulers a county needs: one per lane departure, one per station milk-run departure.
export function sealSchedules(lanes: readonly SealLane[]): SealSchedule[] {
  const out: SealSchedule[] = [];
  for (const l of lanes) {
    if (l.mode === "MILK_RUN" && (l.fromTier === "TOWNSHIP_STATION" || l.toTier === "TOWNSHIP_STATION")) continue;
    for (const d of l.departures)
      out.push({
        id: `seal-lane-${l.id}-${d.replace(":", "")}`,
        pattern: cutoffCron(d, l.cutoffMinutes, l.weekdays),
        target: { kind: "lane", laneId: l.id, departure: d },
      });
  }
  for (const [station, t] of milkRunTimetables(lanes)) {
    for (const d of t.departures)
      out.push({
        id: `seal-milk-${station}-${d.replace(":", "")}`,
        pattern: cutoffCron(d, t.cutoffMinutes, t.weekdays),
        target: { kind: "milk", stationId: station, departure: d },
      });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/// The departure a seal job fired at a cut-off is for: the occurrence of `departure` nearest to now + cut-off.
export function departureToSeal(departure: string, cutoffMinutes: number, now: Date): Date {
  const target = now.getTime() + cutoffMinutes * 60_000;
  const candidates = [-1, 0, 1].map((d) => atLocalClock(new Date(target + d * 86_400_000), departure));
  return candidates.reduce((best, c) => (Math.abs(c.getTime() - target) < Math.abs(best.getTime() - target) ? c : best));
}
