// Roles and the scope each one carries.
import { z } from "zod";

export const ROLES = ["ADMIN", "COUNTY_MANAGER", "STATION_STAFF", "MERCHANT"] as const;
export const ZRoleSchema = z.enum(ROLES);
export type TRole = z.infer<typeof ZRoleSchema>;

/// What a signed-in user may see: ADMIN everything, others their county / node / merchant.
export interface Actor {
  userId: string;
  username: string;
  role: TRole;
  countyCode: string | null;
  nodeId: string | null;
  merchantId: string | null;
}
