// The counter area's frame: its nav, the counter picker (for operators of several counters) and the page for the
// chosen counter (or a note that the account runs none).
import { Fragment, type ReactNode } from "react";
import { AreaNav } from "../../components/area-layout.tsx";
import { DataState } from "../../components/data-state.tsx";
import type { TCounter } from "../../components/counters/counters-api.ts";
import { useCounterChoice } from "./use-counter-choice.ts";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "../../components/counters/counter-keys.ts";

export function CounterNav() {
  const tp = useT("counter");
  const tc = useT("counters");
  return (
    <AreaNav
      area="counter"
      items={[
        ["", tp("nav.shelf"), "shelf"],
        ["sell", tp("nav.sell")],
        ["upload", tp("nav.upload")],
        ["restock", tc("nav.restock")],
      ]}
    />
  );
}

export function CounterScope({ children }: { children: (counter: TCounter) => ReactNode }) {
  const tp = useT("counter");
  const { counters, counter, setCounterId } = useCounterChoice();
  const tc = useT("counters");
  if (!counters.isSuccess) return <DataState query={counters}>{() => null}</DataState>;
  const list = counters.data;
  return (
    <div className="page">
      {list.length > 1 ? (
        <div className="field counter-pick">
          <label htmlFor="counter-select">{tp("counter.pick")}</label>
          <select id="counter-select" value={counter?.id ?? ""} onChange={(e) => setCounterId(e.target.value)} data-testid="counter-select">
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{tc(enumKey("venueTypes", c.venueType))}）
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {counter ? (
        <Fragment key={counter.id}>
          <p className="page-lead" data-testid="counter-name">
            {counter.name} <span className="muted small mono">{counter.code}</span>
          </p>
          {children(counter)}
        </Fragment>
      ) : (
        <p className="card muted">{tp("counter.none")}</p>
      )}
    </div>
  );
}
