// Roles and the scope each one carries.
import { z } from "zod";

export const ROLES = ["ADMIN", "COUNTY_MANAGER", "STATION_STAFF", "MERCHANT", "COUNTER_OPERATOR", "CARRIER_USER"] as const;
export const ZRoleSchema = z.enum(ROLES);
export type TRole = z.infer<typeof ZRoleSchema>;

/// What a signed-in user may see: ADMIN everything, others their county / node / merchant;
/// a COUNTER_OPERATOR the counters linked to them (CounterOperator rows, checked per call) in `countyCode`; a
/// CARRIER_USER its organisation (`apiClientId`, an ApiClient of `countyCode`) and nothing else.
export interface Actor {
  userId: string;
  username: string;
  role: TRole;
  countyCode: string | null;
  nodeId: string | null;
  merchantId: string | null;
  /// CARRIER_USER: its ApiClient (absent or null for every other role).
  apiClientId?: string | null;
}
