// Writes one audit row; secrets in the input are removed before it is stored.
import type { Db, Prisma } from "@xiangda/db";
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
  requestId: string | null;
  ip: string | null;
  input: unknown;
}

export async function recordAudit(db: Db, a: AuditInput) {
  const inputUsername =
    a.input && typeof a.input === "object" && typeof (a.input as { username?: unknown }).username === "string"
      ? ((a.input as { username: string }).username.slice(0, 60))
      : null;
  await db.auditLog.create({
    data: {
      userId: a.actor?.userId ?? null,
      username: a.actor?.username ?? inputUsername,
      role: a.actor?.role ?? null,
      action: a.action,
      target: a.target,
      outcome: a.outcome,
      errorCode: a.errorCode,
      requestId: a.requestId,
      ip: a.ip,
      details: (a.input === undefined ? undefined : (redact(a.input) as Prisma.InputJsonValue)) ?? undefined,
    },
  });
}
