// A section's chart in its box: "no data" over the empty axes when `empty`, and with `titled` the sub-heading
// naming it (its label) above it.
import { EChart, type TChartOption } from "../charts/echart.tsx";
import { SubTitle } from "./section.tsx";
import { useT } from "../../../../i18n/use-t.ts";

export function ChartBox(props: {
  option: TChartOption;
  label: string;
  height: number;
  testId: string;
  empty?: boolean | undefined;
  titled?: boolean;
}) {
  const t = useT("dashboard");
  const box = (
    <div className="dash-chart-box">
      <EChart
        option={props.option}
        label={props.label}
        height={props.height}
        testId={props.testId}
        emptyText={props.empty ? t("table.empty") : null}
      />
    </div>
  );
  if (!props.titled) return box;
  return (
    <>
      <SubTitle>{props.label}</SubTitle>
      {box}
    </>
  );
}
