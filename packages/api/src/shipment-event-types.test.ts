// Every timeline entry type a service writes is in the shared catalog (SHIPMENT_EVENT_TYPES, domain), which the web app
// labels in zh and en (apps/web/src/pages/county/shipments/event-labels.test.ts): a service that writes a new ShipmentEvent
// type without adding it there fails here (issue #17: SHELF_MOVED and PICKUP_NOTICE_RESENT reached the timeline raw).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { SCAN_ACTIONS, SHIPMENT_EVENT_TYPES, STORED_EVENT_TYPES } from "@xiangda/domain";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/// Writers whose type is computed: the types each can write (checked against the code's own unions below).
const COMPUTED: Record<string, { expr: RegExp; types: string[] }> = {
  // computePlan's event: PlanInput.reason, "ROUTED" | "REROUTED"; a failed plan writes ROUTE_FAILED (a literal).
  "packages/api/src/services/shipments/plan-route.ts": { expr: /type: p\.reason/, types: ["ROUTED", "REROUTED"] },
  // finish(): status "RETURNED" | "LOST".
  "packages/api/src/services/exceptions/act-on-exception.ts": { expr: /type: status/, types: ["RETURNED", "LOST"] },
  // The resend's type is a constant of the file.
  "packages/api/src/services/shelf/resend-notice.ts": { expr: /type: EVENT/, types: ["PICKUP_NOTICE_RESENT"] },
  // import-manifest: station ? "MANIFEST_ANNOUNCED" : "MANIFEST_ARRIVAL" (literals, read below).
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.includes("fixtures") ? [path] : [];
  });
}

/// The event types a file writes: literals in the `type:` of a shipmentEvent create (within the object written), the
/// type column of a raw INSERT INTO "ShipmentEvent", and the computed ones above. Returns also the computed `type:`
/// expressions it could not read, to fail on.
function writtenTypes(file: string, text: string): { types: Set<string>; unread: string[] } {
  const types = new Set<string>();
  const unread: string[] = [];
  const rel = relative(ROOT, file);
  const writesEvents = /shipmentEvent\.create|ShipmentEventCreate|INSERT INTO "ShipmentEvent"|events\.push\(|plan\.event|outcome\.event/.test(text);
  if (!writesEvents) return { types, unread };
  for (const m of text.matchAll(/INSERT INTO "ShipmentEvent"[^`]*?'([A-Z_]+)'/g)) types.add(m[1]!);
  for (const m of text.matchAll(/\btype: ([^,\n}]+)/g)) {
    const expr = m[1]!.trim();
    const literals = [...expr.matchAll(/"([A-Z_]+)"/g)].map((x) => x[1]!);
    if (literals.length) literals.forEach((t) => types.add(t));
    else if (COMPUTED[rel]?.expr.test(`type: ${expr}`)) COMPUTED[rel].types.forEach((t) => types.add(t));
    else unread.push(`${rel}: type: ${expr}`);
  }
  return { types, unread };
}

describe("shipment event types", () => {
  it("every type a service writes is in the shared catalog the web app labels", () => {
    const written = new Map<string, string[]>();
    const unread: string[] = [];
    for (const dir of ["packages/api/src/services", "apps/worker/src"]) {
      for (const file of sources(join(ROOT, dir))) {
        const text = readFileSync(file, "utf8");
        const r = writtenTypes(file, text);
        unread.push(...r.unread);
        for (const t of r.types) written.set(t, [...(written.get(t) ?? []), relative(ROOT, file)]);
      }
    }
    // Whatever else a `type:` in these files holds (a scan's `x.type`, say) must be listed as computed above or be a
    // literal; the ones known not to be event types are left out here.
    const NOT_EVENT_TYPES = [/^x\.type$/, /^e\.type$/, /^"[a-z]/, /^string\b/];
    expect(unread.filter((u) => !NOT_EVENT_TYPES.some((re) => re.test(u.split("type: ")[1]!.trim()))), "computed types not read").toEqual([]);
    // The scan writer's and the exception queue's are there: the reader works.
    for (const t of ["SHELF_MOVED", "PICKUP_NOTICE_RESENT", "ROLLED", "RETURN_FLAGGED", "LIGHT_CHANGED", "MANIFEST_ANNOUNCED", "LOST"])
      expect(written.has(t), t).toBe(true);
    const catalog = new Set<string>(SHIPMENT_EVENT_TYPES);
    const missing = [...written].filter(([t]) => !catalog.has(t) && /^[A-Z][A-Z_]+$/.test(t));
    expect(missing, "written but not in SHIPMENT_EVENT_TYPES (packages/domain/src/shipments/event-types.ts)").toEqual([]);
    // And the catalog lists nothing no one writes (scans come from ScanEvent: their actions and MISROUTED).
    expect(STORED_EVENT_TYPES.filter((t) => !written.has(t))).toEqual([]);
    expect(SHIPMENT_EVENT_TYPES).toEqual(expect.arrayContaining([...SCAN_ACTIONS, "MISROUTED"]));
  });
});
