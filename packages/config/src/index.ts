// Runtime settings from the environment, with the project-local services as defaults.
import { isIP } from "node:net";
import { z } from "zod";

/// The names proxy-addr (Fastify's trustProxy) knows for address ranges.
const PROXY_RANGE_NAMES = ["loopback", "linklocal", "uniquelocal"];

/// An IP address, a CIDR range (10.0.0.0/8, fd00::/8) or a range name: one entry of XD_TRUSTED_PROXIES.
export function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/// A comma- or space-separated list of proxy addresses; empty (none trusted) when unset.
const ZTrustedProxiesSchema = z
  .string()
  .default("")
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().refine(isProxyAddress, "must be IP addresses or CIDR ranges (10.0.0.0/8), or loopback")));

/// 32 bytes as 64 hex characters or as base64 (what dataKeyFrom in @xiangda/api reads).
function isDataKey(raw: string): boolean {
  if (/^[0-9a-f]{64}$/i.test(raw)) return true;
  return /^[A-Za-z0-9+/]{43}=?$/.test(raw) && Buffer.from(raw, "base64").length === 32;
}

/// What production must be given: the development defaults (the local services, the fixed data key) never apply there.
export const PRODUCTION_REQUIRED = ["XD_DATA_KEY", "DATABASE_URL", "REDIS_URL", "PUBLIC_URL"] as const;

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:55432/xiangda"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:56379"),
  /// Key prefix for everything this deployment keeps in Redis (queues, rate limits).
  REDIS_PREFIX: z.string().min(1).default("xd"),
  API_HOST: z.string().default("127.0.0.1"),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4310),
  /// Public origin of the web app (CORS and links in labels).
  PUBLIC_URL: z.string().url().default("http://127.0.0.1:4310"),
  /// Proxies whose X-Forwarded-For names the client (per-IP limits, audit rows, sessions); none by default, so a
  /// client cannot claim an address by sending the header itself.
  XD_TRUSTED_PROXIES: ZTrustedProxiesSchema,
  /// The built web app the API serves (default: apps/web/dist beside the API). The browser tests build into a folder of
  /// their own, so two runs side by side do not rebuild each other's files.
  XD_WEB_DIST: z.string().min(1).optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /// A leg turns YELLOW in this last fraction of its planned time (0.2 = the last 20%).
  XD_YELLOW_FRACTION: z.coerce.number().gt(0).lt(1).default(0.2),
  /// How late after its cut-off a load may be sealed before the seal is recorded as late (seconds).
  XD_SEAL_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
  /// 32-byte key (hex or base64) for encrypting ID numbers; a fixed development key otherwise (not in production).
  XD_DATA_KEY: z.preprocess(
    (v) => (typeof v === "string" && !v.trim() ? undefined : v),
    z.string().trim().refine(isDataKey, "must be 32 bytes (64 hex or 44 base64 characters)").optional(),
  ),
  /// A worker's lock on each job it runs, renewed every quarter of it while the job runs: a killed worker's job is
  /// free again at most this long after the kill (docs/scaling.md, "A killed worker's job").
  XD_WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(8_000),
  /// How often each worker looks for jobs whose lock has lapsed and puts them back to wait (BullMQ's stalled check).
  XD_WORKER_STALLED_MS: z.coerce.number().int().min(500).default(4_000),
  /// Folder of uploaded files (product images); <repo>/var/storage when not set.
  XD_STORAGE_DIR: z.string().min(1).optional(),
  /// Jobs one worker process runs at once, per queue.
  XD_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(10),
  /// Dashboard cost estimate of a vehicle trip: a fixed part per trip and a part per km, in fen.
  XD_COST_PER_TRIP_FEN: z.coerce.number().int().min(0).default(8000),
  XD_COST_PER_KM_FEN: z.coerce.number().int().min(0).default(300),
  /// Webhooks may target loopback and private addresses (tests, on-premises integrations): "1". Refused otherwise.
  XD_WEBHOOK_ALLOW_PRIVATE: z
    .enum(["0", "1", ""])
    .default("")
    .transform((v) => v === "1"),
  /// Calls of one API key per minute (`/api/v1`); a key over it is answered 429 with Retry-After.
  XD_API_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /// The SMS provider: LOG (record the message only, the default), ALIYUN or TENCENT (their signed HTTP APIs).
  XD_SMS_PROVIDER: z.enum(["LOG", "ALIYUN", "TENCENT"]).default("LOG"),
  /// The provider's endpoint (default: its public one; tests point it at a local server).
  XD_SMS_ENDPOINT: z.string().url().optional(),
  /// Aliyun AccessKey ID / secret, or Tencent Cloud SecretId / SecretKey.
  XD_SMS_KEY_ID: z.string().min(1).optional(),
  XD_SMS_KEY_SECRET: z.string().min(1).optional(),
  /// The approved signature (签名) the messages go out under, e.g. 乡达物流.
  XD_SMS_SIGN_NAME: z.string().min(1).optional(),
  /// Tencent Cloud's SMS application id (SmsSdkAppId) and region.
  XD_SMS_APP_ID: z.string().min(1).optional(),
  XD_SMS_REGION: z.string().min(1).default("ap-guangzhou"),
  /// The provider's approved template code of each message: JSON, e.g. {"pickup.ready":"SMS_123","shipment.delivered":"SMS_124"}.
  XD_SMS_TEMPLATES: z.string().default("{}"),
  /// The providers do not sign their delivery receipts: the receipt urls carry this secret (?token=…); required in
  /// production with a provider configured.
  XD_SMS_RECEIPT_TOKEN: z.string().min(16).optional(),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

/// The settings, or an error naming every bad variable. With NODE_ENV=production the variables of
/// PRODUCTION_REQUIRED must be set: a production process never runs on the development defaults.
export function loadEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const parsed = ZEnvSchema.safeParse(source);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  if (source.NODE_ENV === "production") {
    for (const name of PRODUCTION_REQUIRED) {
      if (!source[name]?.trim()) lines.push(`  ${name}: required when NODE_ENV=production (the development default is refused)`);
    }
    const sms = source.XD_SMS_PROVIDER?.trim();
    if (sms && sms !== "LOG" && !source.XD_SMS_RECEIPT_TOKEN?.trim())
      lines.push("  XD_SMS_RECEIPT_TOKEN: required with an SMS provider in production (its receipt callbacks are not signed)");
  }
  if (lines.length || !parsed.success) throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  return parsed.data;
}

/// For a process's entry point: the settings, or the reasons on stderr and exit code 1 (no stack trace to read past).
export function loadEnvOrExit(): TEnv {
  try {
    return loadEnv();
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

export const TIME_ZONE = "Asia/Shanghai";
