import { AppError } from "@xiangda/domain";
import type { Command } from "./types.ts";
import { withDb } from "./with-db.ts";

const TEMPS = ["AMBIENT", "CHILLED", "FROZEN"] as const;

export const routeCommand: Command = {
  summary: "earliest-arrival route on the timetable: --county C --from NODE --to NODE_OR_VILLAGE_CODE --at ISO [--temp AMBIENT|CHILLED|FROZEN]",
  usage: "A village code without an active village point routes to its township station for self-pickup (selfPickup: true).",
  options: { county: { type: "string" }, from: { type: "string" }, to: { type: "string" }, at: { type: "string" }, temp: { type: "string" } },
  async run({ values }, io) {
    const str = (k: string) => (typeof values[k] === "string" ? (values[k]) : "");
    const county = str("county");
    if (!/^\d{6}$/.test(county)) throw AppError.field("county", "must be a 6-digit county code");
    if (!str("from")) throw AppError.field("from", "give the origin node code");
    if (!str("to")) throw AppError.field("to", "give a node code or a 12-digit village code");
    const at = str("at") ? new Date(str("at")) : new Date();
    if (Number.isNaN(at.getTime())) throw AppError.field("at", `"${str("at")}" is not an ISO date-time`);
    const temp = (str("temp") || "AMBIENT").toUpperCase();
    if (!(TEMPS as readonly string[]).includes(temp)) throw AppError.field("temp", `must be one of ${TEMPS.join(", ")}`);
    const { loadRouting, resolveDestination } = await import("@xiangda/api");
    const { route } = await import("@xiangda/domain");
    const out = await withDb(async (db) => {
      const r = await loadRouting(db, county);
      const from = r.nodesByCode.get(str("from"));
      if (!from) throw AppError.field("from", `no node ${str("from")} in county ${county}`);
      const dest = await resolveDestination(db, county, str("to"));
      const to = r.nodesById.get(dest.nodeId)!;
      const res = route(r.net, { fromId: from.id, toId: to.id, readyAt: at, temp: temp as (typeof TEMPS)[number] });
      return { res, from, to, dest };
    });
    const { res, from, to, dest } = out;
    if (!res.ok) {
      if (io.json) io.out({ ok: false, reason: res.reason, message: res.message, brokenLeg: res.brokenLeg ?? null, from: from.code, to: to.code });
      throw new AppError("INVALID_TRANSITION", res.message, { details: { printed: io.json, reason: res.reason } });
    }
    const legs = res.legs.map((l) => ({ lane: l.laneCode, from: l.fromCode, to: l.toCode, depart: l.depart.toISOString(), arrive: l.arrive.toISOString() }));
    const fmt = (d: string) => new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
    io.out(
      { ok: true, from: from.code, to: to.code, selfPickup: dest.selfPickup, temp, readyAt: at.toISOString(), arrival: res.arrival.toISOString(), legs },
      [`${from.code} → ${to.code}${dest.selfPickup ? " (self-pickup at the township station)" : ""}, ${temp}`, ...legs.map((l) => `  ${l.lane}: ${l.from} ${fmt(l.depart)} → ${l.to} ${fmt(l.arrive)}`), `  arrives ${fmt(res.arrival.toISOString())} (Asia/Shanghai)`].join("\n"),
    );
  },
};
