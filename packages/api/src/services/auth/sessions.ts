// Server-side sessions: the client holds a random token, the database its SHA-256.
import { createHash, randomBytes } from "node:crypto";
import { pgPool, type Db, type Tx } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  db: Tx,
  input: { userId: string; ttlHours: number; now: Date; ip: string | null; userAgent: string | null },
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3600_000);
  await db.session.create({
    data: {
      id: hashToken(token),
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, expiresAt };
}

/// The actor behind a token, or null when the session is unknown, expired, revoked or the user inactive.
/// Every request asks this, so it is one indexed join in plain SQL.
export async function findActorBySessionToken(
  db: Db,
  { token, now }: { token: string; now: Date },
): Promise<{ actor: Actor; sessionId: string } | null> {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  const pool = pgPool(db);
  const r = await pool.query<{ revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date; active: boolean } & Actor>(
    `SELECT s."revokedAt", s."expiresAt", s."lastSeenAt", u.active, u.id AS "userId", u.username, u.role::text AS role, u."countyCode", u."nodeId", u."merchantId", u."apiClientId"
     FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = $1`,
    [id],
  );
  const s = r.rows[0];
  if (!s || s.revokedAt || s.expiresAt <= now || !s.active) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > 5 * 60_000) {
    await pool.query(`UPDATE "Session" SET "lastSeenAt" = $2 WHERE id = $1`, [id, now]);
  }
  return {
    sessionId: id,
    actor: {
      userId: s.userId,
      username: s.username,
      role: s.role,
      countyCode: s.countyCode,
      nodeId: s.nodeId,
      merchantId: s.merchantId,
      apiClientId: s.apiClientId ?? null,
    },
  };
}

export async function revokeSession(db: Tx, { sessionId, now }: { sessionId: string; now: Date }) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

export async function revokeUserSessions(db: Tx, { userId, now }: { userId: string; now: Date }) {
  const r = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return r.count;
}

/// The caller's live sessions, newest first; ids cut short so that none can be replayed.
export async function listSessions(db: Tx, input: { actor: Actor; now: Date; sessionId: string | null }) {
  const rows = await db.session.findMany({
    where: { userId: input.actor.userId, revokedAt: null, expiresAt: { gt: input.now } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((s) => ({
    id: s.id.slice(0, 12),
    current: s.id === input.sessionId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
  }));
}
