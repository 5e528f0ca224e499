-- A flagged listing's reasons as catalog keys with their parameters ([{ "key": "RECOGNITION_EXPIRED_ON", "params":
-- { "number": …, "date": … } }, …]), written by the daily expiry check beside the English flagReason, so the web app
-- shows them in the user's language. Listings flagged before this column are re-written by the next check.
ALTER TABLE "Listing" ADD COLUMN "flagIssues" JSONB;
