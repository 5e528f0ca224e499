// Counter sales over Asia/Shanghai days as SQL aggregates: by counter, venue type, product and origin
// village, and the income reaching poor villages (sales whose origin village is marked poor). The
// origin of a sale is its batch's village when the sale names a batch, else the merchant's village.
import { pgPool, type Db } from "@xiangda/db";
import { shanghaiDaysRange } from "./days.ts";

export type ReportScope = { countyCode: string } | { merchantId: string };

interface Sums {
  quantity: number;
  amountFen: number;
}
type Raw<T> = Omit<T, keyof Sums> & { quantity: string; amountFen: string };
const sums = <T extends Sums>(rows: Raw<T>[]): T[] =>
  rows.map((r) => ({ ...r, quantity: Number(r.quantity), amountFen: Number(r.amountFen) }) as T);

export interface SalesReport {
  from: string;
  to: string;
  totals: Sums & { sales: number };
  byCounter: (Sums & { counterId: string; code: string; name: string; venueType: string })[];
  byVenueType: (Sums & { venueType: string })[];
  byProduct: (Sums & { productId: string; name: string; spec: string | null; unit: string; merchantId: string; merchantName: string })[];
  /// `areaCode` null: sales whose merchant has no origin village recorded.
  byVillage: (Sums & { areaCode: string | null; name: string | null; townshipName: string | null; isPoor: boolean })[];
  poorVillages: Sums & { villages: number; byVillage: (Sums & { areaCode: string; name: string; townshipName: string | null })[] };
}

export async function salesReport(
  db: Db,
  { scope, range }: { scope: ReportScope; range: { from: string; to: string } },
): Promise<SalesReport> {
  const { start, end } = shanghaiDaysRange(range.from, range.to);
  const byCounty = "countyCode" in scope;
  const base = `WITH s AS (
      SELECT cs.quantity, cs."amountFen", cs."counterId", l."productId", COALESCE(b."originAreaCode", m."originAreaCode") AS origin
        FROM "CounterSale" cs
        JOIN "Listing" l ON l.id = cs."listingId"
        JOIN "Merchant" m ON m.id = l."merchantId"
        LEFT JOIN "ProductBatch" b ON b.id = cs."batchId"
       WHERE ${byCounty ? `l."countyCode" = $1` : `l."merchantId" = $1::uuid`} AND cs."soldAt" >= $2 AND cs."soldAt" < $3
    )`;
  const args = [byCounty ? scope.countyCode : scope.merchantId, start, end];
  const SUMS = `COALESCE(SUM(s.quantity), 0)::bigint AS quantity, COALESCE(SUM(s."amountFen"), 0)::bigint AS "amountFen"`;
  const pool = pgPool(db);
  const q = <T extends object>(sql: string) => pool.query<T>(`${base} ${sql}`, args).then((r) => r.rows);
  const [totals, poorTotals, byCounter, byVenueType, byProduct, byVillage] = await Promise.all([
    q<Raw<Sums> & { sales: number }>(`SELECT count(*)::int AS sales, ${SUMS} FROM s`),
    q<Raw<Sums> & { villages: number }>(
      `SELECT count(DISTINCT s.origin)::int AS villages, ${SUMS} FROM s JOIN "AdminArea" a ON a.code = s.origin WHERE a."isPoor"`,
    ),
    q<Raw<SalesReport["byCounter"][number]>>(
      `SELECT c.id AS "counterId", c.code, c.name, c."venueType"::text AS "venueType", ${SUMS}
         FROM s JOIN "Counter" c ON c.id = s."counterId" GROUP BY c.id ORDER BY "amountFen" DESC, c.code`,
    ),
    q<Raw<SalesReport["byVenueType"][number]>>(
      `SELECT c."venueType"::text AS "venueType", ${SUMS}
         FROM s JOIN "Counter" c ON c.id = s."counterId" GROUP BY c."venueType" ORDER BY "amountFen" DESC, 1`,
    ),
    q<Raw<SalesReport["byProduct"][number]>>(
      `SELECT p.id AS "productId", p.name, p.spec, p.unit, m.id AS "merchantId", m.name AS "merchantName", ${SUMS}
         FROM s JOIN "Product" p ON p.id = s."productId" JOIN "Merchant" m ON m.id = p."merchantId"
        GROUP BY p.id, m.id ORDER BY "amountFen" DESC, p.name`,
    ),
    q<Raw<SalesReport["byVillage"][number]>>(
      `SELECT s.origin AS "areaCode", a.name, t.name AS "townshipName", COALESCE(a."isPoor", false) AS "isPoor", ${SUMS}
         FROM s LEFT JOIN "AdminArea" a ON a.code = s.origin LEFT JOIN "AdminArea" t ON t.code = a."parentCode"
        GROUP BY s.origin, a.code, t.code ORDER BY "amountFen" DESC, s.origin NULLS LAST`,
    ),
  ]);
  const t = totals[0]!;
  const p = poorTotals[0]!;
  const villages = sums(byVillage);
  const poor = villages.filter((v) => v.isPoor && v.areaCode !== null);
  return {
    from: range.from,
    to: range.to,
    totals: { sales: t.sales, quantity: Number(t.quantity), amountFen: Number(t.amountFen) },
    byCounter: sums(byCounter),
    byVenueType: sums(byVenueType),
    byProduct: sums(byProduct),
    byVillage: villages,
    poorVillages: {
      quantity: Number(p.quantity),
      amountFen: Number(p.amountFen),
      villages: p.villages,
      byVillage: poor.map((v) => ({
        areaCode: v.areaCode!,
        name: v.name ?? v.areaCode!,
        townshipName: v.townshipName,
        quantity: v.quantity,
        amountFen: v.amountFen,
      })),
    },
  };
}
