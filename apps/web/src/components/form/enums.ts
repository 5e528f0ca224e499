// The labels of each enumeration, defined once: a domain list with the i18n key family naming its values. EnumSelect
// offers them; tables and filters show a value with `label(value)`, read from the namespace that defines it.
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
  TEMP_CLASSES,
  VEHICLE_STATUSES,
} from "@xiangda/domain";
import { tOf } from "../../i18n/use-t.ts";

export interface TEnum<T extends string> {
  values: readonly T[];
  /** A value's label in the current language, from the namespace that defines it (keys checked at compile time). */
  label: (value: T) => string;
}

export function defineEnum<T extends string>(values: readonly T[], label: (value: T) => string): TEnum<T> {
  return { values, label };
}

const te = tOf("enums");
const tc = tOf("common");
const tn = tOf("network");

export const ENUMS = {
  tier: defineEnum(NODE_TIERS, (v) => te(`tiers.${v}`)),
  nodeStatus: defineEnum(NODE_STATUSES, (v) => te(`nodeStatus.${v}`)),
  operator: defineEnum(NODE_OPERATORS, (v) => te(`operators.${v}`)),
  pickupCheck: defineEnum(PICKUP_CHECKS, (v) => tn(`nodes.pickupChecks.${v}`)),
  laneMode: defineEnum(LANE_MODES, (v) => te(`laneModes.${v}`)),
  cold: defineEnum(COLD_CLASSES, (v) => te(`coldClass.${v}`)),
  energy: defineEnum(ENERGY_TYPES, (v) => te(`energy.${v}`)),
  vehicleStatus: defineEnum(VEHICLE_STATUSES, (v) => te(`vehicleStatus.${v}`)),
  // Grades are letters in both languages.
  creditGrade: defineEnum(CREDIT_GRADES, (v) => v),
  role: defineEnum(ROLES, (v) => tc(`roles.${v}`)),
  temp: defineEnum(TEMP_CLASSES, (v) => te(`temps.${v}`)),
};
