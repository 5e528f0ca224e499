// Single-record writes from the UI forms, through the same validation as the imports.
import type { Db } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { loadCountyContext } from "./county-context.ts";
import type { ImportIssue } from "../imports/import-types.ts";
import { validateLanes, writeLanes, type LaneFields } from "./lanes.ts";
import { validateNodes, writeNodes, type NodeFields } from "./nodes.ts";
import { validateVehicles, writeVehicles, type VehicleFields } from "./vehicles.ts";

/// Import columns → form field names, so the UI can point at the field.
const FIELD_NAMES: Record<string, string> = {
  from: "fromCode",
  to: "toCode",
  stops: "stopAreaCodes",
  homeNode: "homeNodeCode",
  carrier: "carrierCode",
  cold: "cold",
};

function reject(issues: ImportIssue[]): never {
  const list = issues.map((i) => ({ path: FIELD_NAMES[i.column] ?? i.column, message: i.message, key: i.key, params: i.params }));
  throw AppError.of("INVALID_INPUT", "FORM_HAS_PROBLEMS", {}, { issues: list });
}

export async function saveNode(db: Db, countyCode: string, fields: NodeFields) {
  return db.$transaction(async (tx) => {
    const ctx = await loadCountyContext(tx, countyCode);
    const issues = validateNodes(ctx, [{ row: 0, fields }]);
    if (issues.length) reject(issues);
    await writeNodes(tx, { countyCode, items: [{ row: 0, fields }] });
    return tx.node.findUniqueOrThrow({
      where: { countyCode_code: { countyCode, code: fields.code } },
      include: { parent: { select: { code: true } } },
    });
  });
}

export async function saveLane(db: Db, countyCode: string, fields: LaneFields) {
  return db.$transaction(async (tx) => {
    const ctx = await loadCountyContext(tx, countyCode);
    const issues = validateLanes(ctx, [{ row: 0, fields }]);
    if (issues.length) reject(issues);
    await writeLanes(tx, { ctx, items: [{ row: 0, fields }] });
    return tx.lane.findUniqueOrThrow({
      where: { countyCode_code: { countyCode, code: fields.code } },
      include: { fromNode: { select: { code: true, name: true } }, toNode: { select: { code: true, name: true } } },
    });
  });
}

export async function saveVehicle(db: Db, countyCode: string, fields: VehicleFields) {
  return db.$transaction(async (tx) => {
    const ctx = await loadCountyContext(tx, countyCode);
    const carriers = new Set((await tx.carrier.findMany({ select: { code: true } })).map((c) => c.code));
    const issues = validateVehicles(ctx, carriers, [{ row: 0, fields }]);
    const taken = await tx.vehicle.findFirst({ where: { countyCode, plate: fields.plate, NOT: { number: fields.number } } });
    if (taken) issues.push({ row: 0, column: "plate", message: `plate ${fields.plate} belongs to vehicle ${taken.number}` });
    if (issues.length) reject(issues);
    await writeVehicles(tx, { ctx, items: [{ row: 0, fields }] });
    return tx.vehicle.findUniqueOrThrow({
      where: { countyCode_number: { countyCode, number: fields.number } },
      include: { homeNode: { select: { code: true, name: true } }, carrier: { select: { code: true } } },
    });
  });
}
