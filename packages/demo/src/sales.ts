// A demo day of counter sales: every ACTIVE listing of the county's active counters sells a few units a day,
// by venue (canteens on weekdays at lunch, highway service areas more at weekends), fruit more in its season.
// Listings' stock is left as it is: a year of sales would exceed any stock, and restocks are not simulated.
import type { PgClient } from "@xiangda/db";
import { dayStartMs, isoWeekday, upShape } from "./calendar.ts";
import type { DemoContext } from "./context.ts";
import { Rng } from "./random.ts";
import { insertJson, withTimes } from "./sql.ts";

export interface SaleListing {
  id: string;
  counterId: string;
  venueType: string;
  priceFen: number;
  category: string;
  batchId: string | null;
}

/// Sales a listing makes on an ordinary day, by venue.
const PER_DAY: Record<string, number> = {
  CANTEEN: 3,
  HIGHWAY_SERVICE_AREA: 4,
  SUPERMARKET: 5,
  MALL: 3,
  HOTEL: 1.5,
  AIRPORT_STATION: 3,
  WHOLESALE_MARKET: 2,
  FARMERS_MARKET: 3,
  ONLINE_CHANNEL: 6,
};

const LISTINGS_SQL = `
SELECT l.id, l."counterId", c."venueType"::text AS "venueType", l."priceFen", p.category::text AS category,
       (SELECT b.id FROM "ProductBatch" b WHERE b."productId" = p.id ORDER BY b."producedOn" DESC, b.id LIMIT 1) AS "batchId"
  FROM "Listing" l JOIN "Counter" c ON c.id = l."counterId" JOIN "Product" p ON p.id = l."productId"
 WHERE c."countyCode" = $1 AND c.active AND l.status = 'ACTIVE'
 ORDER BY l.id`;

export async function loadSaleListings(c: PgClient, countyCode: string): Promise<SaleListing[]> {
  return (await c.query<SaleListing>(LISTINGS_SQL, [countyCode])).rows;
}

const SALE_SQL = withTimes(`
INSERT INTO "CounterSale" (id, "listingId", "counterId", "batchId", quantity, "unitPriceFen", "amountFen", "soldAt", "clientRef", source, "createdAt")
SELECT i, l, c, b, q, p, q * p, ts(t), ref, 'ENTRY', ts(t)
  FROM json_to_recordset($1::json) AS x(i uuid, l uuid, c uuid, b uuid, q int, p int, t float8, ref text)`);

/// The clientRef of a demo sale starts with this and its day: a re-run deletes exactly those.
export const saleRefPrefix = (day: string) => `demo-${day}-`;

export async function writeSales(
  c: PgClient,
  ctx: DemoContext,
  listings: readonly SaleListing[],
  day: string,
  asOf: number,
): Promise<number> {
  if (!listings.length) return 0;
  const r = new Rng(ctx.seed, ctx.countyCode, "sales", day);
  const start = dayStartMs(day);
  const weekend = isoWeekday(day) >= 6;
  const fruitSeason = upShape(day) / (ctx.normUp || 1);
  const rows: object[] = [];
  for (const l of listings) {
    let lambda = PER_DAY[l.venueType] ?? 2;
    if (l.venueType === "CANTEEN" && weekend) lambda = 0;
    if (l.venueType === "HIGHWAY_SERVICE_AREA" && weekend) lambda *= 1.6;
    if (l.category === "FRUIT") lambda *= Math.min(2.5, 0.5 + 0.6 * fruitSeason);
    const n = r.poisson(lambda);
    for (let k = 0; k < n; k++) {
      const canteen = l.venueType === "CANTEEN";
      const t = start + (canteen ? r.uniform(10.5, 12.5) : r.uniform(9, 20)) * 3_600_000;
      const q = canteen ? r.int(5, 30) : r.int(1, 3);
      if (t > asOf) continue;
      rows.push({
        i: r.uuid7(t),
        l: l.id,
        c: l.counterId,
        b: l.batchId,
        q,
        p: l.priceFen,
        t: Math.round(t),
        ref: `${saleRefPrefix(day)}${l.id}-${k}`,
      });
    }
  }
  return insertJson(c, SALE_SQL, rows, 5000);
}
