// A station page opens only for staff bound to a node (and, given its path, a node whose tier and shelf can use it);
// elsewhere it says why instead of asking the server for what it would refuse.
import type { ReactNode } from "react";
import { useUser } from "../../auth/session-context.ts";
import { stationPageAllowed } from "../../lib/roles.ts";
import { NotAtThisNode } from "./station-nav.tsx";

export function StationGate(props: {
  /** The page's path, checked against the node (lib/roles.ts stationPageAllowed); none: any node will do. */
  path?: string;
  /** What the page says to an account bound to no node. */
  noScope: ReactNode;
  /** Refused for want of a pickup shelf rather than for the node's tier. */
  noShelf?: boolean;
  children: (nodeId: string) => ReactNode;
}) {
  const user = useUser();
  if (!user.nodeId) return <div className="page">{props.noScope}</div>;
  if (props.path && !stationPageAllowed(props.path, user.nodeTier, user.nodeSelfPickup))
    return <NotAtThisNode tier={user.nodeTier} noShelf={props.noShelf ?? false} />;
  return <>{props.children(user.nodeId)}</>;
}
