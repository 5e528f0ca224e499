// One node in the side panel: who runs it, what it moved over the last 30 days (chart), and its late open parcels.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { DataState } from "../../../../components/data-state.tsx";
import { DataTable } from "../../../../components/data-table.tsx";
import { waybillColumn } from "../../../../components/waybill-link.tsx";
import { DetailList } from "../../../../components/detail-list.tsx";
import { SidePanel } from "../../../../components/side-panel.tsx";
import { formatDateTime } from "../../../../lib/time.ts";
import { useTRPC } from "../../../../lib/trpc.ts";
import { COLORS, dayChart } from "../charts/chart-options.ts";
import { EChart } from "../charts/echart.tsx";
import type { TNodeDetail } from "../dashboard-api.ts";
import { useDashboard } from "../dashboard-context.ts";
import { useLabels } from "../parts/labels.ts";
import { SubTitle } from "../parts/section.tsx";
import { useT } from "../../../../i18n/use-t.ts";

export function NodePanel({ nodeId, fallbackName, onClose }: { nodeId: string; fallbackName: string; onClose: () => void }) {
  const trpc = useTRPC();
  const { countyCode } = useDashboard();
  const detail = useQuery(trpc.dashboard.node.queryOptions({ countyCode, nodeId }));
  return (
    <SidePanel title={detail.data?.node.name ?? fallbackName} onClose={onClose} testId="node-panel">
      <DataState query={detail}>{(d) => <NodeView d={d} />}</DataState>
    </SidePanel>
  );
}

function NodeView({ d }: { d: TNodeDetail }) {
  const t = useT("dashboard");
  const labels = useLabels();
  const chart = useMemo(
    () =>
      dayChart(
        d.volumes.map((v) => v.day),
        [
          { name: t("node.arrived"), data: d.volumes.map((v) => v.arrived), color: COLORS.brand, kind: "bar" },
          { name: t("node.departed"), data: d.volumes.map((v) => v.departed), color: COLORS.accent, kind: "bar" },
        ],
      ),
    [d, t],
  );
  const none = <span className="muted">—</span>;
  return (
    <div className="node-panel" data-testid="node-detail" data-code={d.node.code}>
      <DetailList
        items={[
          { label: t("node.code"), value: <code className="mono">{d.node.code}</code> },
          { label: t("node.tier"), value: labels.tier(d.node.tier) },
          { label: t("node.status"), value: labels.nodeStatus(d.node.status) },
          { label: t("node.township"), value: d.node.township?.name ?? none },
          { label: t("node.contact"), value: d.node.contactName ?? none },
          { label: t("node.phone"), value: d.node.contactPhoneMasked ? <span className="mono">{d.node.contactPhoneMasked}</span> : none },
        ]}
      />
      <SubTitle>{t("node.volumes")}</SubTitle>
      <EChart
        option={chart}
        label={t("node.volumes")}
        height={200}
        testId="node-volumes-chart"
        emptyText={d.volumes.every((v) => !v.arrived && !v.departed) ? t("table.empty") : null}
      />
      <SubTitle>
        {t("node.late")}{" "}
        {d.late.length > 0 ? (
          <span className="count-badge" data-testid="node-late-count">
            {d.late.length}
          </span>
        ) : null}
      </SubTitle>
      {d.late.length === 0 ? (
        <p className="muted">{t("node.noLate")}</p>
      ) : (
        <DataTable
          className="table-compact"
          testId="node-late"
          rows={d.late}
          rowKey={(p) => p.waybillNo}
          columns={[
            waybillColumn(t("node.waybill")),
            {
              key: "light",
              header: t("node.light"),
              cell: (p) => (
                <span className={`light-badge light-${p.light.toLowerCase()}`}>
                  <span className="light-dot" aria-hidden="true" />
                  {labels.light(p.light)}
                </span>
              ),
            },
            {
              key: "promisedAt",
              header: t("node.promisedAt"),
              className: "nowrap",
              cell: (p) => (p.promisedAt ? formatDateTime(p.promisedAt) : none),
            },
            { key: "status", header: t("node.shipmentStatus"), cell: (p) => labels.status(p.status) },
            { key: "reason", header: t("node.reason"), className: "wrap", cell: (p) => labels.reason(p.reason) },
          ]}
        />
      )}
    </div>
  );
}
