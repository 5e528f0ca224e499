// 车辆与承运商: the county's vehicles (create/edit) and the carriers (ADMIN edits, managers view).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useUser } from "../../../auth/session-context.ts";
import { editColumn, type TDataColumn } from "../../../components/data-table.tsx";
import { ListCard } from "../../../components/list-card.tsx";
import { SidePanel } from "../../../components/side-panel.tsx";
import { type TCarrier, type TVehicle } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { CountyScope } from "../county-scope.tsx";
import { CarrierForm } from "./carrier-form.tsx";
import { StatusPill } from "./network-bits.tsx";
import { useRefreshNetwork } from "./network-data.ts";
import { VehicleBarcodes } from "./vehicle-barcodes.tsx";
import { VehicleForm } from "./vehicle-form.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { ENUMS } from "../../../components/form/enums.ts";

export function FleetPage() {
  return (
    <CountyScope>
      {(countyCode) => (
        <>
          <VehiclesCard countyCode={countyCode} />
          <CarriersCard />
        </>
      )}
    </CountyScope>
  );
}

/** A side panel: closed, or open on a new row (null) or an existing one, kept fresh from the save answers. */
type TPanel<K extends string, T> = null | ({ key: number } & Record<K, T | null>);

function VehiclesCard({ countyCode }: { countyCode: string }) {
  const t = useT("network");
  const tc = useT("common");
  const te = useT("enums");
  const trpc = useTRPC();
  const refresh = useRefreshNetwork();
  const vehicles = useQuery(trpc.network.vehicles.list.queryOptions({ countyCode }));
  const carriers = useQuery(trpc.network.carriers.list.queryOptions());
  const nodes = useQuery(trpc.network.nodes.list.queryOptions({ countyCode }));
  const [panel, setPanel] = useState<TPanel<"vehicle", TVehicle>>(null);
  const [barcodes, setBarcodes] = useState(false);
  const carrierName = new Map((carriers.data ?? []).map((c) => [c.code, c.name]));
  const vehicleColumns: TDataColumn<TVehicle>[] = [
    { key: "number", header: t("fleet.field.number"), className: "mono", cell: (v) => v.number },
    { key: "plate", header: t("fleet.field.plate"), className: "plate", cell: (v) => v.plate },
    {
      key: "homeNode",
      header: t("fleet.field.homeNodeCode"),
      cell: (v) => (
        <>
          {v.homeNodeName}
          <div className="muted small mono">{v.homeNodeCode}</div>
        </>
      ),
    },
    {
      key: "carrier",
      header: t("fleet.field.carrierCode"),
      cell: (v) =>
        v.carrierCode ? (carrierName.get(v.carrierCode) ?? v.carrierCode) : <span className="muted">{t("fleet.ownFleet")}</span>,
    },
    {
      key: "capacity",
      header: t("fleet.capacity"),
      className: "nowrap",
      cell: (v) => (
        <>
          {v.capacityKg.toLocaleString("zh-CN")} kg / {v.capacityM3} m³
        </>
      ),
    },
    {
      key: "cold",
      header: t("fleet.field.cold"),
      cell: (v) =>
        v.cold === "NONE" ? (
          <span className="muted">{te("coldClass.NONE")}</span>
        ) : (
          <span className="cold-tag">{ENUMS.cold.label(v.cold)}</span>
        ),
    },
    {
      key: "energy",
      header: t("fleet.field.energy"),
      cell: (v) => <span className={v.energy === "NEW_ENERGY" ? "energy-new" : undefined}>{ENUMS.energy.label(v.energy)}</span>,
    },
    {
      key: "status",
      header: t("fleet.field.status"),
      cell: (v) => <StatusPill status={v.status} label={ENUMS.vehicleStatus.label(v.status)} />,
    },
    editColumn({
      header: tc("common.actions"),
      label: tc("common.edit"),
      testId: "vehicle-edit",
      onEdit: (v) => setPanel({ key: Date.now(), vehicle: v }),
      disabled: !nodes.data || !carriers.data,
    }),
  ];

  return (
    <>
      <ListCard
        title={t("fleet.vehiclesTitle")}
        actions={
          <span className="vehicle-barcodes-actions">
            <button
              type="button"
              className="btn"
              disabled={!vehicles.data?.length}
              onClick={() => setBarcodes((open) => !open)}
              data-testid="vehicle-barcodes-open"
            >
              {t("fleet.barcodes")}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!nodes.data || !carriers.data}
              onClick={() => setPanel({ key: Date.now(), vehicle: null })}
              data-testid="vehicle-new"
            >
              {t("fleet.newVehicle")}
            </button>
          </span>
        }
        query={vehicles}
        rows={(rows) => rows}
        count={null}
        table={{
          columns: vehicleColumns,
          rowKey: (v) => v.id,
          rowProps: (v) => ({ "data-testid": "vehicle-row", "data-number": v.number }),
          testId: "vehicles-table",
        }}
      />
      {barcodes && vehicles.data ? <VehicleBarcodes vehicles={vehicles.data} onClose={() => setBarcodes(false)} /> : null}
      {panel && nodes.data && carriers.data ? (
        <SidePanel
          title={panel.vehicle ? t("fleet.editVehicle", { number: panel.vehicle.number }) : t("fleet.newVehicle")}
          onClose={() => setPanel(null)}
          testId="vehicle-panel"
        >
          <VehicleForm
            key={panel.key}
            countyCode={countyCode}
            vehicle={panel.vehicle}
            nodes={nodes.data}
            carriers={carriers.data}
            onSaved={(vehicle) => {
              setPanel((p) => (p ? { ...p, vehicle } : p));
              void refresh();
            }}
          />
        </SidePanel>
      ) : null}
    </>
  );
}

function CarriersCard() {
  const t = useT("network");
  const tc = useT("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isAdmin = useUser().role === "ADMIN";
  const carriers = useQuery(trpc.network.carriers.list.queryOptions());
  const [panel, setPanel] = useState<TPanel<"carrier", TCarrier>>(null);
  const carrierColumns: Array<TDataColumn<TCarrier> | false> = [
    { key: "code", header: t("fleet.carrier.code"), className: "mono", cell: (c) => c.code },
    { key: "name", header: t("fleet.carrier.name"), cell: (c) => c.name },
    {
      key: "creditGrade",
      header: t("fleet.carrier.creditGrade"),
      cell: (c) => <span className={`grade grade-${c.creditGrade.toLowerCase()}`}>{c.creditGrade}</span>,
    },
    {
      key: "blacklisted",
      header: t("fleet.carrier.blacklisted"),
      cell: (c) =>
        c.blacklisted ? (
          <>
            <span className="status-pill status-closed">{t("fleet.blacklisted")}</span>
            {c.blacklistReason ? <div className="muted small wrap">{c.blacklistReason}</div> : null}
          </>
        ) : (
          <span className="muted">{tc("common.none")}</span>
        ),
    },
    {
      key: "waybillPattern",
      header: t("fleet.carrier.waybillPattern"),
      className: "mono small",
      cell: (c) => c.waybillPattern ?? <span className="muted">{tc("common.none")}</span>,
    },
    isAdmin &&
      editColumn({
        header: tc("common.actions"),
        label: tc("common.edit"),
        testId: "carrier-edit",
        onEdit: (c) => setPanel({ key: Date.now(), carrier: c }),
      }),
  ];

  return (
    <>
      <ListCard
        title={t("fleet.carriersTitle")}
        actions={
          isAdmin ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setPanel({ key: Date.now(), carrier: null })}
              data-testid="carrier-new"
            >
              {t("fleet.newCarrier")}
            </button>
          ) : (
            <span className="muted small">{t("fleet.carriersReadOnly")}</span>
          )
        }
        query={carriers}
        rows={(rows) => rows}
        count={null}
        table={{
          columns: carrierColumns,
          rowKey: (c) => c.id,
          rowProps: (c) => ({ "data-testid": "carrier-row", "data-code": c.code }),
          testId: "carriers-table",
        }}
      />
      {panel && isAdmin ? (
        <SidePanel
          title={panel.carrier ? t("fleet.editCarrier", { name: panel.carrier.name }) : t("fleet.newCarrier")}
          onClose={() => setPanel(null)}
          testId="carrier-panel"
        >
          <CarrierForm
            key={panel.key}
            carrier={panel.carrier}
            onSaved={(carrier) => {
              setPanel((p) => (p ? { ...p, carrier } : p));
              void queryClient.invalidateQueries({ queryKey: trpc.network.carriers.list.queryKey() });
            }}
          />
        </SidePanel>
      ) : null}
    </>
  );
}
