// API clients (the organisations that connect by API) and their keys. A key is `xdk_<prefix>_<secret>`: only its
// SHA-256 is stored, so it is shown once, at creation or rotation; lists show the prefix.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@xiangda/db";
import { API_KEY_PATTERN, API_SCOPES, AppError, type Actor, type TApiClientKind, type TApiScope } from "@xiangda/domain";

/// Who calls `/api/v1`: the key and the organisation it belongs to.
export interface ApiCaller {
  keyId: string;
  keyPrefix: string;
  clientId: string;
  clientName: string;
  countyCode: string;
  kind: TApiClientKind;
  /// A carrier's client sees the carrier's parcels in the county.
  carrierId: string | null;
  scopes: TApiScope[];
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// `n` characters drawn uniformly from BASE62 (bytes of 248 and over are dropped, so no character is likelier).
function randomBase62(n: number): string {
  let out = "";
  while (out.length < n) {
    for (const b of randomBytes(n * 2)) if (b < 248 && out.length < n) out += BASE62[b % 62];
  }
  return out;
}

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

function newKey() {
  const prefix = randomBase62(12);
  const key = `xdk_${prefix}_${randomBase62(40)}`;
  return { prefix, key, secretHash: hashApiKey(key) };
}

/// Who may manage a client's keys and webhooks: ADMIN, the county's manager, the organisation's own users. `null` is the
/// operator's command line. Another's client is NOT_FOUND, as if it did not exist.
export async function clientForActor(db: Db, actor: Actor | null, clientId: string) {
  const client = await db.apiClient.findUnique({ where: { id: clientId } });
  if (!client || !mayManage(actor, client)) throw AppError.notFound("API client not found");
  return client;
}

function mayManage(actor: Actor | null, client: { id: string; countyCode: string }): boolean {
  if (!actor || actor.role === "ADMIN") return true;
  if (actor.role === "COUNTY_MANAGER") return actor.countyCode === client.countyCode;
  return (actor as { apiClientId?: string | null }).apiClientId === client.id;
}

/// A county's API client: a carrier's (one per carrier and county: asked again, the same one) or a platform's by name.
export async function createApiClient(
  db: Db,
  input: { actor: Actor | null; countyCode: string; kind: TApiClientKind; carrierCode?: string | undefined; name?: string | undefined },
) {
  const { actor, countyCode } = input;
  if (actor && actor.role !== "ADMIN" && !(actor.role === "COUNTY_MANAGER" && actor.countyCode === countyCode))
    throw AppError.forbidden("only ADMIN or the county's manager create API clients");
  const county = await db.county.findUnique({ where: { code: countyCode }, select: { code: true } });
  if (!county) throw AppError.at("countyCode", "UNKNOWN_COUNTY_CODE", { county: countyCode });
  if (input.kind === "CARRIER") {
    if (!input.carrierCode) throw AppError.at("carrierCode", "REQUIRED");
    const carrier = await db.carrier.findUnique({ where: { code: input.carrierCode } });
    if (!carrier) throw AppError.at("carrierCode", "NO_CARRIER", { carrier: input.carrierCode });
    return db.apiClient.upsert({
      where: { countyCode_carrierId: { countyCode, carrierId: carrier.id } },
      update: {},
      create: {
        countyCode,
        kind: "CARRIER",
        carrierId: carrier.id,
        name: input.name?.trim() || carrier.name,
        createdById: actor?.userId ?? null,
      },
    });
  }
  const name = input.name?.trim();
  if (!name) throw AppError.at("name", "REQUIRED");
  return db.apiClient.upsert({
    where: { countyCode_name: { countyCode, name } },
    update: {},
    create: { countyCode, kind: "PLATFORM", name, createdById: actor?.userId ?? null },
  });
}

/// The county's API clients (ADMIN: every county's when `countyCode` is not given).
export async function listApiClients(db: Db, input: { actor: Actor | null; countyCode?: string | undefined }) {
  const { actor } = input;
  const countyCode = actor && actor.role !== "ADMIN" ? actor.countyCode : input.countyCode;
  if (actor && actor.role !== "ADMIN" && actor.role !== "COUNTY_MANAGER")
    throw AppError.forbidden("API clients are listed by ADMIN or a county's manager");
  const rows = await db.apiClient.findMany({
    where: countyCode ? { countyCode } : {},
    orderBy: [{ countyCode: "asc" }, { name: "asc" }],
    include: { _count: { select: { keys: { where: { revokedAt: null } } } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, activeKeys: _count.keys }));
}

const keyView = (k: {
  id: string;
  prefix: string;
  scopes: string[];
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}) => ({
  id: k.id,
  prefix: k.prefix,
  scopes: k.scopes as TApiScope[],
  label: k.label,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  expiresAt: k.expiresAt,
  revokedAt: k.revokedAt,
});

function checkScopes(scopes: readonly string[] | undefined): TApiScope[] {
  if (!scopes) return [...API_SCOPES];
  const bad = scopes.find((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (bad !== undefined) throw AppError.at("scopes", "ZOD_CHOICE");
  if (scopes.length === 0) throw AppError.at("scopes", "ZOD_TOO_FEW", { minimum: 1 });
  return [...new Set(scopes)] as TApiScope[];
}

/// A new key for the client; `key` is returned here only.
export async function createApiKey(
  db: Db,
  input: { actor: Actor | null; clientId: string; scopes?: readonly string[] | undefined; label?: string | undefined },
) {
  const client = await clientForActor(db, input.actor, input.clientId);
  const scopes = checkScopes(input.scopes);
  const k = newKey();
  const row = await db.apiKey.create({
    data: {
      clientId: client.id,
      prefix: k.prefix,
      secretHash: k.secretHash,
      scopes,
      label: input.label?.trim() || null,
      createdById: input.actor?.userId ?? null,
    },
  });
  return { ...keyView(row), clientId: client.id, key: k.key };
}

export async function listApiKeys(db: Db, input: { actor: Actor | null; clientId: string }) {
  const client = await clientForActor(db, input.actor, input.clientId);
  const rows = await db.apiKey.findMany({ where: { clientId: client.id }, orderBy: { createdAt: "desc" } });
  return rows.map(keyView);
}

async function keyForActor(db: Db, actor: Actor | null, id: string) {
  const key = await db.apiKey.findUnique({ where: { id } });
  if (!key) throw AppError.notFound("API key not found");
  await clientForActor(db, actor, key.clientId);
  return key;
}

/// A new key with the same scopes; the old one keeps working for `graceHours` (default 24, 0 = stops now), so the
/// client can switch without a gap.
export async function rotateApiKey(db: Db, input: { actor: Actor | null; id: string; graceHours?: number | undefined; now: Date }) {
  const old = await keyForActor(db, input.actor, input.id);
  if (old.revokedAt || (old.expiresAt && old.expiresAt <= input.now)) throw AppError.of("CONFLICT", "API_KEY_REVOKED");
  const grace = input.graceHours ?? 24;
  if (!Number.isInteger(grace) || grace < 0 || grace > 168) throw AppError.at("graceHours", "ZOD_TOO_BIG", { maximum: 168 });
  const k = newKey();
  const [row] = await db.$transaction([
    db.apiKey.create({
      data: {
        clientId: old.clientId,
        prefix: k.prefix,
        secretHash: k.secretHash,
        scopes: old.scopes,
        label: old.label,
        createdById: input.actor?.userId ?? null,
        replacesId: old.id,
      },
    }),
    grace === 0
      ? db.apiKey.update({ where: { id: old.id }, data: { revokedAt: input.now } })
      : db.apiKey.update({ where: { id: old.id }, data: { expiresAt: new Date(input.now.getTime() + grace * 3_600_000) } }),
  ]);
  return { ...keyView(row), clientId: old.clientId, key: k.key, replaces: { id: old.id, prefix: old.prefix } };
}

/// Stops a key at once; revoking a revoked key changes nothing.
export async function revokeApiKey(db: Db, input: { actor: Actor | null; id: string; now: Date }) {
  const key = await keyForActor(db, input.actor, input.id);
  const row = key.revokedAt ? key : await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: input.now } });
  return keyView(row);
}

/// The caller a bearer key names, or null (unknown, revoked, expired, its client deactivated). `lastUsedAt` is written
/// at most once a minute per key.
export async function authenticateApiKey(db: Db, input: { key: string; now: Date }): Promise<ApiCaller | null> {
  if (!API_KEY_PATTERN.test(input.key)) return null;
  const row = await db.apiKey.findUnique({ where: { secretHash: hashApiKey(input.key) }, include: { client: true } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= input.now) || !row.client.active) return null;
  if (!row.lastUsedAt || input.now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(input.now.getTime() - 60_000) } }] },
      data: { lastUsedAt: input.now },
    });
  return {
    keyId: row.id,
    keyPrefix: row.prefix,
    clientId: row.clientId,
    clientName: row.client.name,
    countyCode: row.client.countyCode,
    kind: row.client.kind,
    carrierId: row.client.carrierId,
    scopes: row.scopes as TApiScope[],
  };
}
