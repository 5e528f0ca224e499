// The pickup-shelf pages (待取件, 盘库) open only for staff of a node that keeps a self-pickup shelf; elsewhere they say
// why instead of asking the server for what it would refuse.
import type { ReactNode } from "react";
import { useT } from "../../../i18n/use-t.ts";
import { StationGate } from "../station-gate.tsx";

export function ShelfGate({ path, children }: { path: "/station/shelf" | "/station/stocktake"; children: (nodeId: string) => ReactNode }) {
  const t = useT("shelf");
  return (
    <StationGate path={path} noScope={<p className="muted">{t("noScope")}</p>} noShelf>
      {children}
    </StationGate>
  );
}
