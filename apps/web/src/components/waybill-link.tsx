// A parcel's waybill number linking to its page in the county area, and the table column showing it.
import { Link } from "react-router";
import type { TDataColumn } from "./data-table.tsx";

export function WaybillLink({ waybillNo, className = "mono", testId }: { waybillNo: string; className?: string; testId?: string }) {
  return (
    <Link className={className} to={`/county/shipments/${encodeURIComponent(waybillNo)}`} data-testid={testId}>
      {waybillNo}
    </Link>
  );
}

/** The "waybill" column of a table of parcels. */
export function waybillColumn<T extends { waybillNo: string }>(header: string): TDataColumn<T> {
  return { key: "waybill", header, cell: (p) => <WaybillLink waybillNo={p.waybillNo} /> };
}
