// Roles and the scope each one carries.
import { z } from "zod";

export const ROLES = ["ADMIN", "COUNTY_MANAGER", "STATION_STAFF", "MERCHANT", "COUNTER_OPERATOR"] as const;
export const ZRoleSchema = z.enum(ROLES);
export type TRole = z.infer<typeof ZRoleSchema>;

/// What a signed-in user may see: ADMIN everything, others their county / node / merchant;
/// a COUNTER_OPERATOR the counters linked to them (CounterOperator rows, checked per call) in `countyCode`.
export interface Actor {
  userId: string;
  username: string;
  role: TRole;
  countyCode: string | null;
  nodeId: string | null;
  merchantId: string | null;
}
