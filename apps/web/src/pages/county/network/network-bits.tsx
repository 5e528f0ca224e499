// Small pieces shared by the network pages: status pills, yes/no marks, a coverage bar (the labelled checkbox is the
// form kit's Check).
import { useT } from "../../../i18n/use-t.ts";

const STATUS_CLASS: Record<string, string> = {
  ACTIVE: "status-active",
  SUSPENDED: "status-suspended",
  MAINTENANCE: "status-suspended",
  CLOSED: "status-closed",
  RETIRED: "status-closed",
};

export function StatusPill({ status, label, testId }: { status: string; label: string; testId?: string }) {
  return (
    <span className={`status-pill ${STATUS_CLASS[status] ?? ""}`} data-testid={testId} data-status={status}>
      {label}
    </span>
  );
}

export function YesNo({ value }: { value: boolean }) {
  const tc = useT("common");
  return value ? <span className="yes">✓ {tc("common.yes")}</span> : <span className="muted">{tc("common.none")}</span>;
}

/** A thin bar with "covered / total" beside it. */
export function CoverageBar({ covered, total, testId }: { covered: number; total: number; testId?: string }) {
  const t = useT("network");
  const rate = total > 0 ? covered / total : 0;
  const level = total === 0 ? "none" : rate >= 1 ? "full" : rate >= 0.6 ? "mid" : "low";
  return (
    <span className="coverage" data-testid={testId} title={t("network.coveredOf", { covered, total })}>
      <span className="bar" aria-hidden="true">
        <span className={`bar-fill bar-${level}`} style={{ width: `${Math.round(rate * 100)}%` }} />
      </span>
      <span className="coverage-num">
        {covered}/{total}
      </span>
    </span>
  );
}

const AREA_KINDS = {
  街道: "SUBDISTRICT",
  镇: "TOWN",
  乡: "TOWNSHIP",
  村委会: "VILLAGE_COMMITTEE",
  居委会: "RESIDENTS_COMMITTEE",
  其他: "OTHER",
} as const;

/** A township or village kind as the server names it (街道, 村委会 …), in the current language. */
export function AreaKind({ kind }: { kind: string }) {
  const te = useT("enums");
  const key = (AREA_KINDS as Record<string, (typeof AREA_KINDS)[keyof typeof AREA_KINDS] | undefined>)[kind];
  return <>{key ? te(`areaKinds.${key}`) : kind}</>;
}

/** A township select's choices: "choose" first, then the county's townships. */
export function TownshipOptions({ townships }: { townships: readonly { code: string; name: string }[] }) {
  const tc = useT("common");
  return (
    <>
      <option value="">{tc("form.choose")}</option>
      {townships.map((tw) => (
        <option key={tw.code} value={tw.code}>
          {tw.name}
        </option>
      ))}
    </>
  );
}
