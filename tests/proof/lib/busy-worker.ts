// Work for the real worker process in a fault test: loads of thousands of parcels to seal and roll-ups to rebuild,
// each caught inside its own transaction (the test holds a lock it needs) so a fault lands mid-work for certain; and
// scanners that keep scanning through the API, sending a refused call again as a handheld does.
import { importManifest, rollupPayload, runFileImport } from "@xiangda/api";
import { pgPool, withPgTransaction, writeOutbox, type Db } from "@xiangda/db";
import { consolidationSeal, dashboardRollup, outboxEvent } from "@xiangda/jobs";
import { COUNTY, sendScans, type Scan } from "./world.ts";

const csv = (s: string) => ({ name: "f.csv", data: Buffer.from(s) });

export interface SealLane {
  station: string;
  /// The lane's open load at the hub, every parcel of the lane in it.
  loadId: string;
  shipmentIds: string[];
}

/// Stations S105 and S109 below the scan world's hub, each with a village point, a trunk lane from the hub and a milk
/// run; six trucks at the hub; `perLane` parcels for each station from a carrier's manifest, not yet assigned.
export async function seedSealLanes(db: Db, perLane: number): Promise<{ hubId: string; addParcels(): Promise<void>; lanes: () => Promise<SealLane[]> }> {
  const villages = await db.adminArea.findMany({
    where: { level: "VILLAGE", parentCode: { in: ["210881105000", "210881109000"] } },
    orderBy: { code: "asc" },
  });
  const v105 = villages.find((a) => a.parentCode === "210881105000")!.code;
  const v109 = villages.find((a) => a.parentCode === "210881109000")!.code;
  const check = (r: { errors: unknown[] }) => {
    if (r.errors.length) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  };
  check(
    await runFileImport(db, {
      kind: "nodes",
      file: csv(
        [
          "code,name,tier,areaCode,parentCode,selfPickup",
          "S105,沙岗站,TOWNSHIP_STATION,210881105000,HUB,no",
          "S109,站109,TOWNSHIP_STATION,210881109000,HUB,no",
          `P105,沙岗村点,VILLAGE_POINT,${v105},S105,yes`,
          `P109,村点109,VILLAGE_POINT,${v109},S109,yes`,
        ].join("\n"),
      ),
    }),
  );
  check(
    await runFileImport(db, {
      kind: "lanes",
      file: csv(
        [
          "code,from,to,mode,departures,transitMinutes",
          "T105,HUB,S105,TRUNK,07:00;13:30,50",
          "T109,HUB,S109,TRUNK,07:00;13:30,50",
          "M105,S105,P105,MILK_RUN,09:30,20",
          "M109,S109,P109,MILK_RUN,09:30,20",
        ].join("\n"),
      ),
    }),
  );
  check(
    await runFileImport(db, {
      kind: "vehicles",
      file: csv(["number,plate,homeNode,capacityKg,capacityM3,cold,energy", ...Array.from({ length: 6 }, (_, i) => `V${i},辽H9876${i},HUB,1500,9,none,fuel`)].join("\n")),
    }),
  );
  const hubId = (await db.node.findFirstOrThrow({ where: { code: "HUB" } })).id;
  const addParcels = async () => {
    for (const [k, village] of [v105, v109].entries()) {
      const rows = ["waybillNo,recipientName,recipientPhone,villageCode,weightG"];
      for (let i = 0; i < perLane; i++) rows.push(`7${String(10_000_100_000 + k * 100_000 + i)},收件人,139${String(10_000_000 + i).slice(-8)},${village},${300 + (i % 400)}`);
      const r = await importManifest(db, { countyCode: COUNTY, carrierCode: "ZTO", fileName: "m.csv", data: Buffer.from(rows.join("\n")), actor: null, now: new Date() });
      if (r.errors.length || r.created !== perLane) throw new Error(`manifest: ${r.created} of ${perLane}, ${JSON.stringify(r.errors.slice(0, 3))}`);
    }
  };
  const lanes = async () =>
    Promise.all(
      ["S105", "S109"].map(async (station) => {
        const lane = await db.lane.findFirstOrThrow({ where: { code: `T${station.slice(1)}` } });
        const load = await db.load.findFirstOrThrow({ where: { laneId: lane.id, status: "OPEN" }, orderBy: { departAt: "asc" } });
        const items = await db.loadItem.findMany({ where: { loadId: load.id }, select: { shipmentId: true } });
        return { station, loadId: load.id, shipmentIds: items.map((i) => i.shipmentId) };
      }),
    );
  return { hubId, addParcels, lanes };
}

export interface HeldWork {
  sealJobId: string;
  rollupJobId: string;
  /// Lets the held transactions go (their session may be gone with the server already).
  release(): Promise<void>;
}

/// Queues (through the outbox) a seal of `loadId` and a roll-up of today with thousands of parcels, and holds the hub's
/// trucks and the county's roll-up lock first, so both wait inside their transactions until `release`.
export async function holdSealAndRollup(db: Db, o: { hubId: string; loadId: string; bucket: string }): Promise<HeldWork> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  const holder = withPgTransaction(db, async (c) => {
    await c.query(`SELECT id FROM "Vehicle" WHERE "homeNodeId" = $1 FOR UPDATE`, [o.hubId]);
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('dashboard.rollup'), hashtext($1))`, [COUNTY]);
    held();
    await released;
  });
  const endedEarly = holder.then(() => Promise.reject(new Error("the holding transaction ended early")));
  endedEarly.catch(() => undefined);
  await Promise.race([holding, endedEarly]);
  const seal = outboxEvent(consolidationSeal, { loadId: o.loadId });
  const rollup = outboxEvent(dashboardRollup, { ...rollupPayload(COUNTY, new Date()), bucket: o.bucket });
  await writeOutbox(db, [seal, rollup]);
  return {
    sealJobId: seal.jobId,
    rollupJobId: rollup.jobId,
    release: async () => {
      release();
      // Its session was ended with the server: the COMMIT fails, and that is all.
      await holder.catch(() => undefined);
    },
  };
}

/// Sessions of the worker waiting for what the test holds: the seal's trucks and the roll-up's lock.
export async function heldInside(db: Db): Promise<{ seal: number; rollup: number }> {
  const r = await pgPool(db).query<{ seal: number; rollup: number }>(
    `SELECT count(*) FILTER (WHERE query ILIKE '%FROM "Vehicle"%FOR UPDATE%')::int AS seal,
            count(*) FILTER (WHERE query ILIKE '%dashboard.rollup%')::int AS rollup
       FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return r.rows[0]!;
}

export interface Scanner {
  /// Scans sent (each acknowledged in the end), by clientScanId.
  sent: Set<string>;
  /// HTTP statuses of every call, refused ones included.
  statuses: number[];
  /// Calls answered 200.
  acked(): number;
  /// Resolves when every scan of its parcels has been acknowledged.
  done: Promise<void>;
}

/// Scans the trips one call at a time (every third parcel as one batch of its four scans), pausing `paceMs` between
/// calls; a call refused with 503 is sent again, unchanged, until it is answered.
export function startScanner(apiUrl: string, token: string, trips: Scan[][], paceMs = 120): Scanner {
  const sent = new Set<string>();
  const statuses: number[] = [];
  let acked = 0;
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const done = (async () => {
    for (const [i, trip] of trips.entries()) {
      const calls = i % 3 === 0 ? [trip] : trip.map((s) => [s]);
      for (const call of calls) {
        for (const s of call) sent.add(s.clientScanId);
        for (;;) {
          const r = await sendScans(apiUrl, token, call, call.length > 1).catch((e: unknown) => ({ status: 0, body: String(e), results: [] }));
          statuses.push(r.status);
          if (r.status === 200) {
            acked++;
            break;
          }
          if (r.status !== 503) throw new Error(`scan call answered ${r.status}: ${r.body.slice(0, 300)}`);
          await pause(250);
        }
        await pause(paceMs);
      }
    }
  })();
  done.catch(() => undefined);
  return { sent, statuses, acked: () => acked, done };
}
