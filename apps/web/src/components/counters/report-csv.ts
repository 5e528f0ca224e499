// The sales report as CSV rows: one block per breakdown (title, header, rows, blank line), amounts as yuan with two
// decimals (numbers a spreadsheet can add up, no currency sign). Labels come from the caller, in the page's language.
import type { TCsvCell } from "../../lib/csv.ts";
import type { TSalesReport } from "./counters-api.ts";

export interface TReportCsvLabels {
  title: string;
  range: string;
  totals: string;
  poorVillages: string;
  byCounter: string;
  byVenueType: string;
  byProduct: string;
  byVillage: string;
  sales: string;
  quantity: string;
  amountYuan: string;
  counterCode: string;
  counterName: string;
  venueType: string;
  product: string;
  spec: string;
  unit: string;
  merchant: string;
  villageCode: string;
  village: string;
  township: string;
  poor: string;
  villages: string;
  yes: string;
  no: string;
  unknownVillage: string;
  venueTypeName: (venueType: string) => string;
}

/** 1250 fen → "12.50". */
export const yuan = (fen: number): string =>
  `${fen < 0 ? "-" : ""}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;

export function reportCsvRows(r: TSalesReport, l: TReportCsvLabels): TCsvCell[][] {
  const rows: TCsvCell[][] = [[l.title], [l.range, r.from, r.to], []];
  const block = (title: string, header: TCsvCell[], body: TCsvCell[][]) => rows.push([title], header, ...body, []);
  block(l.totals, [l.sales, l.quantity, l.amountYuan], [[r.totals.sales, r.totals.quantity, yuan(r.totals.amountFen)]]);
  block(
    l.poorVillages,
    [l.villages, l.quantity, l.amountYuan],
    [[r.poorVillages.villages, r.poorVillages.quantity, yuan(r.poorVillages.amountFen)]],
  );
  block(
    l.byCounter,
    [l.counterCode, l.counterName, l.venueType, l.quantity, l.amountYuan],
    r.byCounter.map((c) => [c.code, c.name, l.venueTypeName(c.venueType), c.quantity, yuan(c.amountFen)]),
  );
  block(
    l.byVenueType,
    [l.venueType, l.quantity, l.amountYuan],
    r.byVenueType.map((v) => [l.venueTypeName(v.venueType), v.quantity, yuan(v.amountFen)]),
  );
  block(
    l.byProduct,
    [l.product, l.spec, l.unit, l.merchant, l.quantity, l.amountYuan],
    r.byProduct.map((p) => [p.name, p.spec, p.unit, p.merchantName, p.quantity, yuan(p.amountFen)]),
  );
  block(
    l.byVillage,
    [l.villageCode, l.village, l.township, l.poor, l.quantity, l.amountYuan],
    r.byVillage.map((v) => [
      v.areaCode,
      v.name ?? l.unknownVillage,
      v.townshipName,
      v.isPoor ? l.yes : l.no,
      v.quantity,
      yuan(v.amountFen),
    ]),
  );
  return rows;
}

/** "sales-report-2026-11-01_2026-11-23.csv". */
export const reportFileName = (r: Pick<TSalesReport, "from" | "to">): string => `sales-report-${r.from}_${r.to}.csv`;
