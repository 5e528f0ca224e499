// A parcel's journey as stops for a vertical timeline: the origin point, every node its legs reach, then the
// counter. Each stop carries its planned and actual times and the scans made there; reached stops are the
// ones with an actual time or a scan. Pure, so it is tested without a browser.

export interface TRouteInput {
  status: string;
  promisedAt: string | null;
  legs: readonly {
    from: string;
    to: string;
    plannedDepart: string;
    plannedArrive: string;
    actualDepart: string | null;
    actualArrive: string | null;
  }[];
  scans: readonly { node: string; action: string; at: string }[];
}

export interface TStop {
  node: string;
  arrive: { planned: string; actual: string | null } | null;
  depart: { planned: string; actual: string | null } | null;
  scans: { action: string; at: string }[];
  reached: boolean;
}

export function routeStops(r: TRouteInput): TStop[] {
  const stops: TStop[] = [];
  r.legs.forEach((l, i) => {
    if (i === 0 || stops.at(-1)?.node !== l.from) {
      stops.push({ node: l.from, arrive: null, depart: null, scans: [], reached: false });
    }
    const here = stops.at(-1)!;
    here.depart = { planned: l.plannedDepart, actual: l.actualDepart };
    stops.push({ node: l.to, arrive: { planned: l.plannedArrive, actual: l.actualArrive }, depart: null, scans: [], reached: false });
  });
  // Scans go to the last stop of that name reached by then (a route may pass a node twice after a re-plan).
  for (const s of r.scans) {
    let stop = [...stops].reverse().find((x) => x.node === s.node);
    if (!stop) {
      stop = { node: s.node, arrive: null, depart: null, scans: [], reached: false };
      stops.push(stop);
    }
    stop.scans.push({ action: s.action, at: s.at });
  }
  for (const s of stops) s.reached = s.scans.length > 0 || !!s.arrive?.actual || !!s.depart?.actual;
  // The first stop is where the goods set out: reached once the parcel has left it or moved on.
  const first = stops[0];
  if (first && stops.some((s) => s.reached)) first.reached = true;
  return stops;
}

/// The journey's last stop is the counter's receiving node: delivered when the parcel is.
export function isDelivered(status: string): boolean {
  return status === "DELIVERED" || status === "AWAITING_PICKUP";
}
