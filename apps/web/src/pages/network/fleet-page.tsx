// 车辆与承运商: the county's vehicles (create/edit) and the carriers (ADMIN edits, managers view).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUser } from "../../auth/session-context.ts";
import { DataState } from "../../components/data-state.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { type TCarrier, type TVehicle } from "../../lib/network-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { CountyScope } from "../county/county-scope.tsx";
import { CarrierForm } from "./carrier-form.tsx";
import { StatusPill } from "./network-bits.tsx";
import { useRefreshNetwork } from "./network-data.ts";
import { VehicleBarcodes } from "./vehicle-barcodes.tsx";
import { VehicleForm } from "./vehicle-form.tsx";

export function FleetPage() {
  return <CountyScope>{(countyCode) => <FleetView countyCode={countyCode} />}</CountyScope>;
}

type TPanel =
  null | { key: number; kind: "vehicle"; vehicle: TVehicle | null } | { key: number; kind: "carrier"; carrier: TCarrier | null };

function FleetView({ countyCode }: { countyCode: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshNetwork();
  const isAdmin = useUser().role === "ADMIN";
  const vehicles = useQuery(trpc.network.vehicles.list.queryOptions({ countyCode }));
  const carriers = useQuery(trpc.network.carriers.list.queryOptions());
  const nodes = useQuery(trpc.network.nodes.list.queryOptions({ countyCode }));
  const [panel, setPanel] = useState<TPanel>(null);
  const [barcodes, setBarcodes] = useState(false);
  const carrierName = new Map((carriers.data ?? []).map((c) => [c.code, c.name]));

  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2 className="card-title">{t("fleet.vehiclesTitle")}</h2>
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
              onClick={() => setPanel({ key: Date.now(), kind: "vehicle", vehicle: null })}
              data-testid="vehicle-new"
            >
              {t("fleet.newVehicle")}
            </button>
          </span>
        </div>
        <DataState query={vehicles} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <div className="table-wrap">
              <table className="table" data-testid="vehicles-table">
                <thead>
                  <tr>
                    <th>{t("fleet.field.number")}</th>
                    <th>{t("fleet.field.plate")}</th>
                    <th>{t("fleet.field.homeNodeCode")}</th>
                    <th>{t("fleet.field.carrierCode")}</th>
                    <th>{t("fleet.capacity")}</th>
                    <th>{t("fleet.field.cold")}</th>
                    <th>{t("fleet.field.energy")}</th>
                    <th>{t("fleet.field.status")}</th>
                    <th>
                      <span className="sr-only">{t("common.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((v) => (
                    <tr key={v.id} data-testid="vehicle-row" data-number={v.number}>
                      <td className="mono">{v.number}</td>
                      <td className="plate">{v.plate}</td>
                      <td>
                        {v.homeNodeName}
                        <div className="muted small mono">{v.homeNodeCode}</div>
                      </td>
                      <td>
                        {v.carrierCode ? (
                          (carrierName.get(v.carrierCode) ?? v.carrierCode)
                        ) : (
                          <span className="muted">{t("fleet.ownFleet")}</span>
                        )}
                      </td>
                      <td className="nowrap">
                        {v.capacityKg.toLocaleString("zh-CN")} kg / {v.capacityM3} m³
                      </td>
                      <td>
                        {v.cold === "NONE" ? (
                          <span className="muted">{t("coldClass.NONE")}</span>
                        ) : (
                          <span className="cold-tag">{t(`coldClass.${v.cold}`)}</span>
                        )}
                      </td>
                      <td>
                        <span className={v.energy === "NEW_ENERGY" ? "energy-new" : undefined}>{t(`energy.${v.energy}`)}</span>
                      </td>
                      <td>
                        <StatusPill status={v.status} label={t(`vehicleStatus.${v.status}`)} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => setPanel({ key: Date.now(), kind: "vehicle", vehicle: v })}
                          disabled={!nodes.data || !carriers.data}
                          data-testid="vehicle-edit"
                        >
                          {t("common.edit")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </DataState>
      </section>
      {barcodes && vehicles.data ? <VehicleBarcodes vehicles={vehicles.data} onClose={() => setBarcodes(false)} /> : null}
      <section className="card">
        <div className="card-head">
          <h2 className="card-title">{t("fleet.carriersTitle")}</h2>
          {isAdmin ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setPanel({ key: Date.now(), kind: "carrier", carrier: null })}
              data-testid="carrier-new"
            >
              {t("fleet.newCarrier")}
            </button>
          ) : (
            <span className="muted small">{t("fleet.carriersReadOnly")}</span>
          )}
        </div>
        <DataState query={carriers} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <div className="table-wrap">
              <table className="table" data-testid="carriers-table">
                <thead>
                  <tr>
                    <th>{t("fleet.carrier.code")}</th>
                    <th>{t("fleet.carrier.name")}</th>
                    <th>{t("fleet.carrier.creditGrade")}</th>
                    <th>{t("fleet.carrier.blacklisted")}</th>
                    <th>{t("fleet.carrier.waybillPattern")}</th>
                    {isAdmin ? (
                      <th>
                        <span className="sr-only">{t("common.actions")}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id} data-testid="carrier-row" data-code={c.code}>
                      <td className="mono">{c.code}</td>
                      <td>{c.name}</td>
                      <td>
                        <span className={`grade grade-${c.creditGrade.toLowerCase()}`}>{c.creditGrade}</span>
                      </td>
                      <td>
                        {c.blacklisted ? (
                          <>
                            <span className="status-pill status-closed">{t("fleet.blacklisted")}</span>
                            {c.blacklistReason ? <div className="muted small wrap">{c.blacklistReason}</div> : null}
                          </>
                        ) : (
                          <span className="muted">{t("common.none")}</span>
                        )}
                      </td>
                      <td className="mono small">{c.waybillPattern ?? <span className="muted">{t("common.none")}</span>}</td>
                      {isAdmin ? (
                        <td>
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => setPanel({ key: Date.now(), kind: "carrier", carrier: c })}
                            data-testid="carrier-edit"
                          >
                            {t("common.edit")}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </DataState>
      </section>
      {panel?.kind === "vehicle" && nodes.data && carriers.data ? (
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
              setPanel((p) => (p?.kind === "vehicle" ? { ...p, vehicle } : p));
              void refresh();
            }}
          />
        </SidePanel>
      ) : null}
      {panel?.kind === "carrier" && isAdmin ? (
        <SidePanel
          title={panel.carrier ? t("fleet.editCarrier", { name: panel.carrier.name }) : t("fleet.newCarrier")}
          onClose={() => setPanel(null)}
          testId="carrier-panel"
        >
          <CarrierForm
            key={panel.key}
            carrier={panel.carrier}
            onSaved={(carrier) => {
              setPanel((p) => (p?.kind === "carrier" ? { ...p, carrier } : p));
              void queryClient.invalidateQueries({ queryKey: trpc.network.carriers.list.queryKey() });
            }}
          />
        </SidePanel>
      ) : null}
    </>
  );
}
