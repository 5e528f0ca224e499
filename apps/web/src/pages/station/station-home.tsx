// Station console home: the node this staff member works at.
import { skipToken, useQuery } from "@tanstack/react-query";
import { useT } from "../../i18n/use-t.ts";
import { useUser } from "../../auth/session-context.ts";
import { AreaHome } from "../../components/area-home.tsx";
import { DetailList } from "../../components/detail-list.tsx";
import { ENUMS } from "../../components/form/enums.ts";
import { useTRPC } from "../../lib/trpc.ts";

export function StationHome() {
  const t = useT("station");
  const trpc = useTRPC();
  const user = useUser();
  const nodeId = user.nodeId;
  const overview = useQuery(trpc.station.overview.queryOptions(nodeId ? { nodeId } : skipToken));

  return (
    <AreaHome title={t("station.overviewTitle")} query={nodeId ? overview : null} noScope={t("station.noScope")}>
      {({ node }) => (
        <>
          <div className="hero-line">
            <strong className="hero-name" data-testid="station-name">
              {node.name}
            </strong>
            <span className={`status-pill status-${node.status.toLowerCase()}`}>{ENUMS.nodeStatus.label(node.status)}</span>
          </div>
          <DetailList
            items={[
              { label: t("station.code"), value: <code className="mono">{node.code}</code> },
              { label: t("station.tier"), value: ENUMS.tier.label(node.tier) },
              { label: t("station.area"), value: node.areaName },
              { label: t("station.countyCode"), value: node.countyCode },
            ]}
          />
        </>
      )}
    </AreaHome>
  );
}
