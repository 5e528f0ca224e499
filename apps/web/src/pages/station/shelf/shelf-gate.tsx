// The pickup-shelf pages (待取件, 盘库) open only for staff of a node that keeps a self-pickup shelf; elsewhere they say
// why instead of asking the server for what it would refuse.
import type { ReactNode } from "react";
import { useUser } from "../../../auth/session-context.ts";
import { stationPageAllowed } from "../../../lib/roles.ts";
import { NotAtThisNode } from "../station-nav.tsx";
import { useT } from "../../../i18n/use-t.ts";

export function ShelfGate({ path, children }: { path: "/station/shelf" | "/station/stocktake"; children: (nodeId: string) => ReactNode }) {
  const t = useT("shelf");
  const user = useUser();
  if (!user.nodeId) {
    return (
      <div className="page">
        <p className="muted">{t("noScope")}</p>
      </div>
    );
  }
  if (!stationPageAllowed(path, user.nodeTier, user.nodeSelfPickup)) return <NotAtThisNode tier={user.nodeTier} noShelf />;
  return <>{children(user.nodeId)}</>;
}
