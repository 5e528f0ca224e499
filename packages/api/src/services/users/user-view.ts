// The user as the client sees it: no hash, and a human label for the scope.
import type { ApiClient, County, Merchant, Node, User } from "@xiangda/db";

type UserWithScope = User & { county?: County | null; node?: Node | null; merchant?: Merchant | null; apiClient?: ApiClient | null };

export function toUserView(u: UserWithScope) {
  let scopeLabel = "";
  if (u.role === "ADMIN") scopeLabel = "*";
  else if (u.role === "COUNTY_MANAGER") scopeLabel = u.county ? `${u.county.name} (${u.county.code})` : (u.countyCode ?? "");
  else if (u.role === "STATION_STAFF") scopeLabel = u.node ? `${u.node.name} (${u.node.code})` : (u.nodeId ?? "");
  else if (u.role === "COUNTER_OPERATOR") scopeLabel = u.county ? `${u.county.name} (${u.county.code})` : (u.countyCode ?? "");
  else if (u.role === "CARRIER_USER") scopeLabel = u.apiClient ? `${u.apiClient.name} (${u.apiClient.countyCode})` : (u.apiClientId ?? "");
  else scopeLabel = u.merchant?.name ?? u.merchantId ?? "";
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    countyCode: u.countyCode,
    nodeId: u.nodeId,
    /// The tier of the staff member's node (menus show only what works there); null without a node or when not loaded.
    nodeTier: u.node?.tier ?? null,
    /// Whether the staff member's node keeps a self-pickup shelf (待取件 and 盘库 serve only such nodes).
    nodeSelfPickup: u.node ? u.node.selfPickup : null,
    merchantId: u.merchantId,
    /// CARRIER_USER: its organisation (API client).
    apiClientId: u.apiClientId,
    scopeLabel,
  };
}
export type TUserView = ReturnType<typeof toUserView>;
