// The dashboard's filter bar: date range (quick 30/90/365 days or fixed days), township, carrier, direction; every
// change goes to the URL (see dashboard-filter.ts). Hidden in print, where a one-line summary stands in for it.
import { useQuery } from "@tanstack/react-query";
import { FilterSelect } from "../../../components/list-card.tsx";
import { DIRECTIONS } from "@xiangda/domain";
import { useTRPC } from "../../../lib/trpc.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { useDashboard } from "./dashboard-context.ts";
import { dayCount, defaultFilter, isDay, QUICK_DAYS, quickRange, type TDashFilter, type TQuickDays } from "./dashboard-filter.ts";
import { useT } from "../../../i18n/use-t.ts";

export function FilterBar() {
  const t = useT("dashboard");
  const te = useT("enums");
  const trpc = useTRPC();
  const { countyCode, today, filter, setFilter } = useDashboard();
  const options = useQuery(trpc.dashboard.filters.queryOptions({ countyCode }, { staleTime: 10 * 60_000 }));
  const townships = options.data?.townships ?? [];
  const carriers = options.data?.carriers ?? [];
  const set = (patch: Partial<TDashFilter>) => setFilter({ ...filter, ...patch });
  const setDay = (key: "from" | "to", value: string) => {
    if (!isDay(value)) return;
    const next = { ...filter, [key]: value, days: null };
    if (next.from > next.to) next[key === "from" ? "to" : "from"] = value;
    setFilter(next);
  };

  return (
    <section className="card dash-filters no-print" aria-label={t("filters.title")} data-testid="dash-filters">
      <div className="dash-filter-row">
        <label className="inline-field">
          <span>{t("filters.from")}</span>
          <input type="date" value={filter.from} max={filter.to} onChange={(e) => setDay("from", e.target.value)} data-testid="dash-from" />
        </label>
        <label className="inline-field">
          <span>{t("filters.to")}</span>
          <input type="date" value={filter.to} min={filter.from} onChange={(e) => setDay("to", e.target.value)} data-testid="dash-to" />
        </label>
        <QuickDays choices={QUICK_DAYS} label={t("filters.title")} testIdPrefix="dash-quick" />
      </div>
      <div className="dash-filter-row">
        <FilterSelect
          value={filter.townshipCode ?? ""}
          onChange={(v) => set({ townshipCode: v || null })}
          options={townships.map((o) => o.code)}
          label={(code) => townships.find((o) => o.code === code)?.name ?? code}
          allLabel={t("filters.allTownships")}
          ariaLabel={t("filters.township")}
          testId="dash-township"
        />
        <FilterSelect
          value={filter.carrierId ?? ""}
          onChange={(v) => set({ carrierId: v || null })}
          options={carriers.map((o) => o.id)}
          label={(id) => carriers.find((o) => o.id === id)?.name ?? id}
          allLabel={t("filters.allCarriers")}
          ariaLabel={t("filters.carrier")}
          testId="dash-carrier"
        />
        <FilterSelect
          value={filter.direction ?? ""}
          onChange={(v) => set({ direction: v || null })}
          options={DIRECTIONS}
          label={(d) => te(`directionShort.${d}`)}
          allLabel={t("filters.allDirections")}
          ariaLabel={t("filters.direction")}
          testId="dash-direction"
        />
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setFilter(defaultFilter(today))} data-testid="dash-reset">
          {t("filters.reset")}
        </button>
        <button type="button" className="btn btn-small btn-primary dash-print" onClick={() => window.print()} data-testid="dash-print">
          {t("print")}
        </button>
      </div>
    </section>
  );
}

/** "Last N days" buttons, the chosen range pressed: a click sets the filter's dates to it. */
export function QuickDays({ choices, label, testIdPrefix }: { choices: readonly TQuickDays[]; label: string; testIdPrefix: string }) {
  const t = useT("dashboard");
  const { today, filter, setFilter } = useDashboard();
  return (
    <div className="dash-quick" role="group" aria-label={label}>
      {choices.map((days) => (
        <button
          key={days}
          type="button"
          className={`btn btn-small${filter.days === days ? " active" : ""}`}
          aria-pressed={filter.days === days}
          onClick={() => setFilter({ ...filter, ...quickRange(today, days), days })}
          data-testid={`${testIdPrefix}-${days}`}
        >
          {t("filters.quick", { days })}
        </button>
      ))}
    </div>
  );
}

/** The filter in one line, for print (and screen readers): range, township, carrier, direction. */
export function FilterSummary() {
  const t = useT("dashboard");
  const te = useT("enums");
  const trpc = useTRPC();
  const { countyCode, filter } = useDashboard();
  const options = useQuery(trpc.dashboard.filters.queryOptions({ countyCode }, { staleTime: 10 * 60_000 }));
  const parts = [t("filters.summary", { from: filter.from, to: filter.to, days: dayCount(filter.from, filter.to) })];
  const township = options.data?.townships.find((o) => o.code === filter.townshipCode);
  const carrier = options.data?.carriers.find((o) => o.id === filter.carrierId);
  if (township) parts.push(t("filters.pair", { label: t("filters.township"), value: township.name }));
  if (carrier) parts.push(t("filters.pair", { label: t("filters.carrier"), value: carrier.name }));
  if (filter.direction) parts.push(t("filters.pair", { label: t("filters.direction"), value: te(`directionShort.${filter.direction}`) }));
  return (
    <p className="dash-summary" data-testid="dash-summary">
      {parts.join(" · ")}
      <span className="print-only"> · {t("printedAt", { at: formatDateTime(new Date()) })}</span>
    </p>
  );
}
