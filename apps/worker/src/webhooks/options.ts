// What the deliverer needs beyond the worker's dependencies: the data key (the secrets), the SSRF switch, the clock and
// the retry policy. Read from the environment unless the caller (a test) gives them.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { loadEnv } from "@xiangda/config";
import { dataKeyFrom } from "@xiangda/api";

export interface DelivererOptions {
  dataKey: Buffer;
  /// XD_WEBHOOK_ALLOW_PRIVATE: loopback and private targets allowed (tests, on-premises integrations).
  allowPrivate: boolean;
  now: () => Date;
  /// The wait before attempt `failures + 1`, after `failures` failed attempts in a row (1, 2, …).
  backoffMs: (failures: number) => number;
  /// Failing for this long since the first failure in a row: the subscription is disabled.
  disableAfterMs: number;
  timeoutMs: number;
  /// One deliverer per subscription holds it this long, renewed before every send.
  leaseMs: number;
}

/// 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, then every 4 h: the 24 hours are up after about 12 attempts.
export const BACKOFF_STEPS_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000] as const;
export const DISABLE_AFTER_MS = 24 * 3600_000;

/// The step for this many failures, give or take 10 % so receivers coming back are not hit by every sender at once.
export function defaultBackoffMs(failures: number, random: () => number = Math.random): number {
  const step = BACKOFF_STEPS_MS[Math.min(Math.max(failures, 1), BACKOFF_STEPS_MS.length) - 1]!;
  return Math.round(step * (0.9 + 0.2 * random()));
}

let fromEnv: DelivererOptions | null = null;

/// The options of the running process, from XD_DATA_KEY and XD_WEBHOOK_ALLOW_PRIVATE.
export function envDelivererOptions(): DelivererOptions {
  if (!fromEnv) {
    const env = loadEnv();
    fromEnv = {
      dataKey: dataKeyFrom(env.XD_DATA_KEY, env.NODE_ENV),
      allowPrivate: env.XD_WEBHOOK_ALLOW_PRIVATE,
      now: () => new Date(),
      backoffMs: defaultBackoffMs,
      disableAfterMs: DISABLE_AFTER_MS,
      timeoutMs: 10_000,
      leaseMs: 30_000,
    };
  }
  return fromEnv;
}

/// Worker dependencies that may carry deliverer options (tests); others read the environment.
export interface WithWebhookOptions {
  webhooks?: Partial<DelivererOptions> | undefined;
}

export function delivererOptionsOf(deps: WithWebhookOptions): DelivererOptions {
  return { ...envDelivererOptions(), ...(deps.webhooks ?? {}) };
}

/// A lease holder's name: which process, and which run within it.
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
