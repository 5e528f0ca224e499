// The labels of each enumeration, defined once: a domain list with the i18n key family naming its values. EnumSelect
// offers them; tables and filters show a value with `labelOf`.
import {
  COLD_CLASSES,
  CREDIT_GRADES,
  ENERGY_TYPES,
  LANE_MODES,
  NODE_OPERATORS,
  NODE_STATUSES,
  NODE_TIERS,
  PICKUP_CHECKS,
  ROLES,
  VEHICLE_STATUSES,
} from "@xiangda/domain";
import type { TFunction } from "i18next";

export interface TEnum<T extends string> {
  values: readonly T[];
  /** A value's label (t of the default namespace; another namespace's enum uses its own t). */
  label: (t: TFunction, value: T) => string;
}

export function defineEnum<T extends string>(values: readonly T[], label: (t: TFunction, value: T) => string): TEnum<T> {
  return { values, label };
}

export const ENUMS = {
  tier: defineEnum(NODE_TIERS, (t, v) => t(`tiers.${v}`)),
  nodeStatus: defineEnum(NODE_STATUSES, (t, v) => t(`nodeStatus.${v}`)),
  operator: defineEnum(NODE_OPERATORS, (t, v) => t(`operators.${v}`)),
  pickupCheck: defineEnum(PICKUP_CHECKS, (t, v) => t(`nodes.pickupChecks.${v}`)),
  laneMode: defineEnum(LANE_MODES, (t, v) => t(`laneModes.${v}`)),
  cold: defineEnum(COLD_CLASSES, (t, v) => t(`coldClass.${v}`)),
  energy: defineEnum(ENERGY_TYPES, (t, v) => t(`energy.${v}`)),
  vehicleStatus: defineEnum(VEHICLE_STATUSES, (t, v) => t(`vehicleStatus.${v}`)),
  // Grades are letters in both languages.
  creditGrade: defineEnum(CREDIT_GRADES, (_t, v) => v),
  role: defineEnum(ROLES, (t, v) => t(`roles.${v}`)),
};
