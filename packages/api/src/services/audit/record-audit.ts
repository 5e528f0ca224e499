// Writes one audit row; secrets in the input are removed before it is stored.
import { pgPool, type Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";

const SECRET = /pass(word)?|secret|token|idNumber|idCard|pickupCode/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 4) return "…";
  if (Array.isArray(value)) return value.length > 20 ? { items: value.length } : value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET.test(k) ? "[redacted]" : redact(v, depth + 1);
    return out;
  }
  if (typeof value === "string" && value.length > 500) return `${value.slice(0, 500)}…`;
  return value;
}

export interface AuditInput {
  actor: Actor | null;
  action: string;
  target: string | null;
  outcome: "OK" | "ERROR";
  errorCode: string | null;
  /// The server's id of the request.
  requestId: string | null;
  /// The X-Request-Id the client sent (checked), kept for matching its logs.
  clientRequestId?: string | null;
  ip: string | null;
  input: unknown;
  /// Who called when it was not a signed-in user: `api-key:<prefix>` for `/api/v1`.
  caller?: string | undefined;
}

/// Every mutation writes one, so it is a single plain INSERT.
export async function recordAudit(db: Db, a: AuditInput) {
  const inputUsername =
    a.input && typeof a.input === "object" && typeof (a.input as { username?: unknown }).username === "string"
      ? (a.input as { username: string }).username.slice(0, 60)
      : null;
  await pgPool(db).query(
    `INSERT INTO "AuditLog" ("userId", username, role, action, target, outcome, "errorCode", "requestId", "clientRequestId", ip, details)
     VALUES ($1, $2, $3::"Role", $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
    [
      a.actor?.userId ?? null,
      a.actor?.username ?? a.caller ?? inputUsername,
      a.actor?.role ?? null,
      a.action,
      a.target,
      a.outcome,
      a.errorCode,
      a.requestId,
      a.clientRequestId ?? null,
      a.ip,
      a.input === undefined ? null : JSON.stringify(redact(a.input)),
    ],
  );
}
