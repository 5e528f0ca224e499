// The vocabularies @xiangda/domain lists for schemas, filters and labels are the database's enums: a value added to
// one side only fails here (the web app labels the domain's lists; the database stores the enum).
import * as domain from "@xiangda/domain";
import { describe, expect, it } from "vitest";
import * as prisma from "./generated/prisma/enums.ts";

const PAIRS: Array<[string, readonly string[], Record<string, string>]> = [
  ["Role", domain.ROLES, prisma.Role],
  ["NodeTier", domain.NODE_TIERS, prisma.NodeTier],
  ["NodeStatus", domain.NODE_STATUSES, prisma.NodeStatus],
  ["NodeOperator", domain.NODE_OPERATORS, prisma.NodeOperator],
  ["PickupCheck", domain.PICKUP_CHECKS, prisma.PickupCheck],
  ["ColdClass", domain.COLD_CLASSES, prisma.ColdClass],
  ["EnergyType", domain.ENERGY_TYPES, prisma.EnergyType],
  ["VehicleStatus", domain.VEHICLE_STATUSES, prisma.VehicleStatus],
  ["LaneMode", domain.LANE_MODES, prisma.LaneMode],
  ["Direction", domain.DIRECTIONS, prisma.Direction],
  ["TempClass", domain.TEMP_CLASSES, prisma.TempClass],
  ["TempClass (products)", domain.PRODUCT_TEMPS, prisma.TempClass],
  ["ShipmentStatus", domain.SHIPMENT_STATUSES, prisma.ShipmentStatus],
  ["Light", domain.LIGHTS, prisma.Light],
  ["LoadStatus", domain.LOAD_STATUSES, prisma.LoadStatus],
  ["ExceptionActionKind", domain.EXCEPTION_ACTIONS, prisma.ExceptionActionKind],
  ["MerchantType", domain.MERCHANT_TYPES, prisma.MerchantType],
  ["ProductCategory", domain.PRODUCT_CATEGORIES, prisma.ProductCategory],
  ["CertificationKind", domain.CERTIFICATION_KINDS, prisma.CertificationKind],
  ["VenueType", domain.VENUE_TYPES, prisma.VenueType],
  ["ListingStatus", domain.LISTING_STATUSES, prisma.ListingStatus],
];

describe("domain vocabularies", () => {
  it.each(PAIRS)("%s has the database enum's values", (_name, list, dbEnum) => {
    expect([...list].sort()).toEqual(Object.values(dbEnum).sort());
    expect(new Set(list).size).toBe(list.length);
  });
});
