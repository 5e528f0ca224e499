// The daily expiry check (02:00 Asia/Shanghai): every ACTIVE listing whose merchant's recognition or
// any certification of its product has expired gets flaggedAt + flagReason naming what expired; a
// listing whose reason is unchanged is left alone (flaggedAt keeps the first day), and the flag is
// cleared once everything is valid again. One UPDATE statement: idempotent, and safe when several
// workers run it at once (the row re-check under lock makes the later run change nothing).
//
// Policy: a flagged listing stays ACTIVE and visible to the county (review queue, `flagged`), so the
// manager decides whether to delist it. Sales are refused while the merchant's recognition is expired
// on the sale's day (the product no longer counts as poverty-alleviation; see record-sale.ts); an
// expired product certification only flags the listing and does not stop the counter selling.
import { pgPool, type Db } from "@xiangda/db";
import { shanghaiDay } from "./days.ts";

export interface FlagExpiredResult {
  today: string;
  /// Listings that got a flag or a different reason.
  flagged: number;
  /// Listings whose flag was cleared.
  cleared: number;
}

/// The reason text, the same words checkValidity uses for a refused approval.
export const FLAG_REASON_SQL = `NULLIF(concat_ws('; ',
    CASE
      WHEN m."recognitionNo" IS NULL OR m."recognitionValidUntil" IS NULL THEN 'the merchant has no poverty-alleviation recognition'
      WHEN m."recognitionValidUntil" < $1::date THEN 'recognition ' || m."recognitionNo" || ' expired on ' || to_char(m."recognitionValidUntil", 'YYYY-MM-DD')
    END,
    (SELECT string_agg(c.kind::text || ' certification ' || c.number || ' expired on ' || to_char(c."validUntil", 'YYYY-MM-DD'), '; ' ORDER BY c.kind::text)
       FROM "ProductCertification" c WHERE c."productId" = l."productId" AND c."validUntil" < $1::date)
  ), '')`;

/// The same reasons as catalog keys with their parameters (checkValidity's keys), in the same order; NULL when none.
export const FLAG_ISSUES_SQL = `(SELECT jsonb_agg(x.issue ORDER BY x.ord, x.kind)
    FROM (
      SELECT 0 AS ord, '' AS kind,
        CASE
          WHEN m."recognitionNo" IS NULL OR m."recognitionValidUntil" IS NULL THEN jsonb_build_object('key', 'NO_RECOGNITION_VALIDITY', 'params', '{}'::jsonb)
          WHEN m."recognitionValidUntil" < $1::date THEN jsonb_build_object('key', 'RECOGNITION_EXPIRED_ON', 'params',
            jsonb_build_object('number', m."recognitionNo", 'date', to_char(m."recognitionValidUntil", 'YYYY-MM-DD')))
        END AS issue
      UNION ALL
      SELECT 1, c.kind::text, jsonb_build_object('key', 'CERTIFICATION_EXPIRED', 'params',
          jsonb_build_object('certKind', c.kind::text, 'number', c.number, 'date', to_char(c."validUntil", 'YYYY-MM-DD')))
        FROM "ProductCertification" c WHERE c."productId" = l."productId" AND c."validUntil" < $1::date
    ) x
    WHERE x.issue IS NOT NULL)`;

export async function flagExpiredListings(db: Db, now: Date, opts: { countyCode?: string } = {}): Promise<FlagExpiredResult> {
  const today = shanghaiDay(now);
  const r = await pgPool(db).query<{ flagged: boolean; changed: boolean }>(
    `WITH due AS (
       SELECT l.id, l."flagReason" AS old_reason, ${FLAG_REASON_SQL} AS reason, ${FLAG_ISSUES_SQL} AS issues
       FROM "Listing" l JOIN "Merchant" m ON m.id = l."merchantId"
       WHERE l.status = 'ACTIVE' AND ($3::varchar IS NULL OR l."countyCode" = $3)
     )
     UPDATE "Listing" l
        SET "flagReason" = due.reason,
            "flagIssues" = due.issues,
            "flaggedAt" = CASE WHEN due.reason IS NULL THEN NULL WHEN due.reason = due.old_reason THEN l."flaggedAt" ELSE $2::timestamptz END,
            "updatedAt" = $2::timestamptz
       FROM due
      WHERE l.id = due.id AND l.status = 'ACTIVE'
        AND (l."flagReason" IS DISTINCT FROM due.reason OR l."flagIssues" IS DISTINCT FROM due.issues)
      RETURNING due.reason IS NOT NULL AS flagged, due.old_reason IS DISTINCT FROM due.reason AS changed`,
    [today, now, opts.countyCode ?? null],
  );
  // A row whose reason is unchanged and only got its issues written (flagged before flagIssues existed) is no news.
  const changed = r.rows.filter((x) => x.changed);
  const flagged = changed.filter((x) => x.flagged).length;
  return { today, flagged, cleared: changed.length - flagged };
}
