// Expected vs scanned beside the scan input (station.expected): while unloading a carrier's manifest or an arriving load,
// or loading a departing run, how many are scanned of how many, and the live list of what is still missing. The console
// picks the load itself when a vehicle is chosen or a load code is scanned; the staff may pick another or none.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useT } from "../../../i18n/use-t.ts";
import { readApiError } from "../../../lib/api-error.ts";
import { useTRPC } from "../../../lib/trpc.ts";

export type TTrack = { loadCode: string } | { manifestId: string } | null;

const MISSING_SHOWN = 30;
const REFRESH_MS = 15_000;

const trackValue = (t: TTrack) => (!t ? "" : "loadCode" in t ? `load:${t.loadCode}` : `manifest:${t.manifestId}`);

export function ExpectedPanel({
  nodeId,
  track,
  loadCodes,
  onTrack,
}: {
  nodeId: string;
  track: TTrack;
  /** Loads the staff may pick: those leaving here today and any load code scanned here. */
  loadCodes: readonly string[];
  onTrack: (t: TTrack) => void;
}) {
  const t = useT("scan");
  const trpc = useTRPC();
  const manifests = useQuery(trpc.shipments.nodeManifests.queryOptions({ nodeId, limit: 20 }, { staleTime: 60_000, retry: false }));
  const open = (manifests.data ?? []).filter((m) => m.outstanding > 0);
  const expected = useQuery(
    trpc.station.expected.queryOptions(
      { nodeId, ...(track ?? {}) },
      { enabled: !!track, refetchInterval: REFRESH_MS, retry: false, placeholderData: keepPreviousData },
    ),
  );
  const tracked = trackValue(track);
  const loads = [...new Set([...loadCodes, ...(track && "loadCode" in track ? [track.loadCode] : [])])];
  if (!track && loads.length === 0 && open.length === 0) return null;

  const data = track ? expected.data : undefined;
  const missing = data ? data.expected - data.scanned : 0;
  return (
    <section className="card scan-expected" data-testid="scan-expected">
      <div className="scan-expected-head">
        <h3 className="card-title">{t("expected.title")}</h3>
        <label className="scan-expected-pick">
          <span className="muted small">{t("expected.track")}</span>
          <select
            value={tracked}
            data-testid="scan-expected-pick"
            onChange={(e) => {
              const v = e.target.value;
              onTrack(v.startsWith("load:") ? { loadCode: v.slice(5) } : v.startsWith("manifest:") ? { manifestId: v.slice(9) } : null);
            }}
          >
            <option value="">{t("expected.none")}</option>
            {loads.map((code) => (
              <option key={code} value={`load:${code}`}>
                {t("expected.load", { code })}
              </option>
            ))}
            {open.map((m) => (
              <option key={m.id} value={`manifest:${m.id}`}>
                {t("expected.manifest", { name: `${m.carrierName} ${m.fileName}`, count: m.outstanding })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {track && expected.isError && <p className="alert alert-error">{readApiError(expected.error).message}</p>}
      {data && (
        <div data-testid="scan-expected-body" data-expected={data.expected} data-scanned={data.scanned}>
          <p className="scan-expected-counts">
            <span className="status-pill">{t(`expected.kinds.${data.kind}`)}</span>{" "}
            <strong data-testid="scan-expected-counts">{t("expected.counts", { scanned: data.scanned, expected: data.expected })}</strong>
          </p>
          {missing === 0 ? (
            <p className="scan-expected-done">{t("expected.allDone")}</p>
          ) : (
            <>
              <p className="muted small">{t("expected.missing", { count: missing })}</p>
              <ul className="scan-expected-list" data-testid="scan-expected-missing">
                {data.missing.slice(0, MISSING_SHOWN).map((m) => (
                  <li key={m.waybillNo} className="mono" data-waybill={m.waybillNo}>
                    {m.waybillNo}
                    {m.carrierWaybillNo && <span className="muted small"> {m.carrierWaybillNo}</span>}
                    {m.slot && <span className="scan-expected-slot"> {t("expected.slot", { slot: m.slot })}</span>}
                  </li>
                ))}
              </ul>
              {missing > MISSING_SHOWN && <p className="muted small">{t("expected.more", { count: missing - MISSING_SHOWN })}</p>}
            </>
          )}
          {data.extra.length > 0 && (
            <>
              <p className="field-error">{t("expected.extra", { count: data.extra.length })}</p>
              <ul className="scan-expected-list" data-testid="scan-expected-extra">
                {data.extra.map((m) => (
                  <li key={m.waybillNo} className="mono">
                    {m.waybillNo}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
