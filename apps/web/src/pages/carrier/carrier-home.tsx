// The carrier portal's home: the organisation the account works for, and its day in the county (Asia/Shanghai):
// parcels pre-advised, received at the hub, delivered and gone wrong.
import { useQuery } from "@tanstack/react-query";
import { DataState } from "../../components/data-state.tsx";
import { DetailList } from "../../components/detail-list.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { TitledCard } from "../../components/titled-card.tsx";
import { useT } from "../../i18n/use-t.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { CarrierScope, DayPicker, useDayParam } from "./carrier-scope.tsx";

export function CarrierHome() {
  return (
    <CarrierScope>
      {(clientId) => (
        <>
          <ClientCard clientId={clientId} />
          <DailySummary clientId={clientId} />
        </>
      )}
    </CarrierScope>
  );
}

function ClientCard({ clientId }: { clientId: string }) {
  const t = useT("carrier");
  const trpc = useTRPC();
  const client = useQuery(trpc.carrier.client.queryOptions({ clientId }, { staleTime: 5 * 60_000 }));
  return (
    <TitledCard id="carrier-client" title={t("home.title")} testId="carrier-client">
      <DataState query={client}>
        {(c) => (
          <>
            <p className="page-lead" data-testid="carrier-client-name">
              {c.name}
            </p>
            {!c.active ? (
              <p className="alert alert-error" role="alert">
                {t("home.inactive")}
              </p>
            ) : null}
            <DetailList
              items={[
                { label: t("home.kind"), value: t(`home.kinds.${c.kind}`) },
                ...(c.carrier ? [{ label: t("home.carrier"), value: `${c.carrier.name}（${c.carrier.code}）` }] : []),
                { label: t("home.county"), value: c.countyName ? `${c.countyName}（${c.countyCode}）` : c.countyCode },
              ]}
            />
          </>
        )}
      </DataState>
    </TitledCard>
  );
}

function DailySummary({ clientId }: { clientId: string }) {
  const t = useT("carrier");
  const trpc = useTRPC();
  const [day, setDay] = useDayParam();
  const summary = useQuery(trpc.carrier.summary.queryOptions({ clientId, day }));
  return (
    <TitledCard id="carrier-summary" title={t("home.summaryTitle")} testId="carrier-summary">
      <div className="filters">
        <DayPicker day={day} onChange={setDay} label={t("home.day")} testId="carrier-summary-day" />
      </div>
      <DataState query={summary}>
        {(s) => (
          <div className="stat-grid">
            <StatCard label={t("home.preAdvised")} value={s.preAdvised} testId="carrier-stat-pre-advised" />
            <StatCard label={t("home.received")} value={s.received} testId="carrier-stat-received" />
            <StatCard label={t("home.delivered")} value={s.delivered} testId="carrier-stat-delivered" />
            <StatCard label={t("home.exceptions")} value={s.exceptions} testId="carrier-stat-exceptions" />
          </div>
        )}
      </DataState>
    </TitledCard>
  );
}
