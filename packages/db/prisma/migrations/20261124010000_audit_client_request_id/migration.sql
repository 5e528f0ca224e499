-- requestId is now always an id the server made for the request. The X-Request-Id a client sent (when well-formed)
-- is kept beside it for matching logs of that client, and trusted for nothing.
ALTER TABLE "AuditLog" ADD COLUMN "clientRequestId" TEXT;
