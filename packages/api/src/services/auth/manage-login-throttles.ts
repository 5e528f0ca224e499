// ADMIN's view of sign-in throttling: which pairs and addresses are blocked and which usernames delayed, and clearing them.
import type { Redis } from "ioredis";
import { AppError } from "@xiangda/domain";
import { encodeUsername, LOGIN_LIMITS, type ThrottleDeps, type ThrottleScope } from "./login-throttle.ts";

export interface LoginThrottleEntry {
  kind: ThrottleScope;
  username: string | null;
  ip: string | null;
  failures: number;
  /// BLOCKED: refused until `until`; DELAYED: each attempt waits (the next not before `until`, when that is ahead).
  state: "BLOCKED" | "DELAYED";
  until: string | null;
  /// When the count lapses (the end of its window).
  resetsAt: string | null;
}

const MAX_ENTRIES = 200;
const MAX_SCANNED = 20_000;

const glob = (s: string) => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

async function scanKeys(redis: Redis, match: string): Promise<{ keys: string[]; truncated: boolean }> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", match, "COUNT", 1000);
    cursor = next;
    keys.push(...batch);
    if (keys.length >= MAX_SCANNED) return { keys, truncated: true };
  } while (cursor !== "0");
  return { keys: [...new Set(keys)], truncated: false };
}

/// `{base}:pair:{encoded username}:{ip}` → its parts; the encoded username holds no colon, the address may.
function parsePair(key: string, base: string): { username: string; ip: string } {
  const rest = key.slice(`${base}:pair:`.length);
  const at = rest.indexOf(":");
  return { username: decodeURIComponent(rest.slice(0, at)), ip: rest.slice(at + 1) };
}

function unavailable(deps: ThrottleDeps, e: unknown): never {
  deps.log.warn({ err: String(e) }, "sign-in throttling: Redis unavailable");
  throw AppError.of("UNAVAILABLE", "SERVICE_UNAVAILABLE");
}

export async function listLoginThrottles(deps: ThrottleDeps) {
  const base = `${deps.redisPrefix}:rl:login`;
  const now = deps.now().getTime();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const entries: LoginThrottleEntry[] = [];
  let truncated = false;
  try {
    for (const kind of ["pair", "ip"] as const) {
      const scanned = await scanKeys(deps.redis, `${glob(base)}:${kind}:*`);
      truncated ||= scanned.truncated;
      const limit = kind === "pair" ? LOGIN_LIMITS.perPair : LOGIN_LIMITS.perIp;
      const p = deps.redis.pipeline();
      for (const k of scanned.keys) p.get(k).pttl(k);
      const res = (await p.exec()) ?? [];
      scanned.keys.forEach((k, i) => {
        const failures = Number(res[2 * i]?.[1] ?? 0);
        const ttl = Number(res[2 * i + 1]?.[1] ?? -2);
        if (failures < limit || ttl <= 0) return;
        const who = kind === "pair" ? parsePair(k, base) : { username: null, ip: k.slice(`${base}:ip:`.length) };
        entries.push({ kind: kind === "pair" ? "PAIR" : "IP", ...who, failures, state: "BLOCKED", until: at(ttl), resetsAt: at(ttl) });
      });
    }
    const users = await scanKeys(deps.redis, `${glob(base)}:user:*`);
    truncated ||= users.truncated;
    const p = deps.redis.pipeline();
    for (const k of users.keys) p.hmget(k, "n", "nb").pttl(k);
    const res = (await p.exec()) ?? [];
    users.keys.forEach((k, i) => {
      const [n, nb] = (res[2 * i]?.[1] as (string | null)[] | undefined) ?? [];
      const failures = Number(n ?? 0);
      const ttl = Number(res[2 * i + 1]?.[1] ?? -2);
      if (failures < LOGIN_LIMITS.delayAfter || ttl <= 0) return;
      const notBefore = Number(nb ?? 0);
      entries.push({
        kind: "USERNAME",
        username: decodeURIComponent(k.slice(`${base}:user:`.length)),
        ip: null,
        failures,
        state: "DELAYED",
        until: notBefore > now ? new Date(notBefore).toISOString() : null,
        resetsAt: at(ttl),
      });
    });
  } catch (e) {
    unavailable(deps, e);
  }
  entries.sort(
    (a, b) => b.failures - a.failures || (a.username ?? "").localeCompare(b.username ?? "") || (a.ip ?? "").localeCompare(b.ip ?? ""),
  );
  return { entries: entries.slice(0, MAX_ENTRIES), truncated: truncated || entries.length > MAX_ENTRIES, limits: LOGIN_LIMITS };
}

/// Clears a username's delay and its pairs' blocks, or an address's block and its pairs' blocks. Familiar addresses stay.
export async function clearLoginThrottle(deps: ThrottleDeps, target: { username: string } | { ip: string }): Promise<{ cleared: number }> {
  const base = `${deps.redisPrefix}:rl:login`;
  try {
    let keys: string[];
    if ("username" in target) {
      const user = encodeUsername(target.username);
      const pairs = await scanKeys(deps.redis, `${glob(`${base}:pair:${user}:`)}*`);
      keys = [`${base}:user:${user}`, ...pairs.keys];
    } else {
      const pairs = await scanKeys(deps.redis, `${glob(base)}:pair:*:${glob(target.ip)}`);
      keys = [`${base}:ip:${target.ip}`, ...pairs.keys.filter((k) => parsePair(k, base).ip === target.ip)];
    }
    return { cleared: keys.length ? await deps.redis.del(...keys) : 0 };
  } catch (e) {
    return unavailable(deps, e);
  }
}
