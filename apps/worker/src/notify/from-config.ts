// The sender the worker uses, from its configuration: the logging sender (XD_SMS_PROVIDER=LOG, the default) or an SMS
// provider with every template's code; a provider configured without what it needs stops the start.
import type { Redis } from "ioredis";
import type { TEnv } from "@xiangda/config";
import { AppError } from "@xiangda/domain";
import type { Db } from "@xiangda/db";
import { aliyunSmsProvider } from "./aliyun.ts";
import type { SmsProvider } from "./provider.ts";
import { DEFAULT_SMS_RATE_LIMITS, phoneRateLimiter, type SmsRateLimits } from "./rate-limit.ts";
import { loggingSender, type Sender } from "./sender.ts";
import { smsSender } from "./sms-sender.ts";
import { SMS_TEMPLATE_NAMES } from "./templates.ts";
import { tencentSmsProvider } from "./tencent.ts";

type SmsEnv = Pick<
  TEnv,
  | "XD_SMS_PROVIDER"
  | "XD_SMS_ENDPOINT"
  | "XD_SMS_KEY_ID"
  | "XD_SMS_KEY_SECRET"
  | "XD_SMS_SIGN_NAME"
  | "XD_SMS_APP_ID"
  | "XD_SMS_REGION"
  | "XD_SMS_TEMPLATES"
>;

const configError = (what: string) => new AppError("INVALID_INPUT", `SMS configuration: ${what}`);

/// The provider template code of every SMS template, from XD_SMS_TEMPLATES; names any template left without one.
export function templateCodesOf(env: SmsEnv): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(env.XD_SMS_TEMPLATES);
  } catch {
    throw configError("XD_SMS_TEMPLATES is not JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw configError("XD_SMS_TEMPLATES must be a JSON object");
  const codes = parsed as Record<string, unknown>;
  const missing = SMS_TEMPLATE_NAMES.filter((n) => typeof codes[n] !== "string" || !codes[n].trim());
  if (missing.length) throw configError(`XD_SMS_TEMPLATES has no ${env.XD_SMS_PROVIDER} template code for ${missing.join(", ")}`);
  return Object.fromEntries(SMS_TEMPLATE_NAMES.map((n) => [n, (codes[n] as string).trim()]));
}

/// The configured provider, or null for LOG. Throws naming every missing variable.
export function smsProviderOf(env: SmsEnv): SmsProvider | null {
  if (env.XD_SMS_PROVIDER === "LOG") return null;
  const need = (
    [
      "XD_SMS_KEY_ID",
      "XD_SMS_KEY_SECRET",
      "XD_SMS_SIGN_NAME",
      ...(env.XD_SMS_PROVIDER === "TENCENT" ? (["XD_SMS_APP_ID"] as const) : []),
    ] as const
  ).filter((k) => !env[k]);
  if (need.length) throw configError(`XD_SMS_PROVIDER=${env.XD_SMS_PROVIDER} needs ${need.join(", ")}`);
  const common = { signName: env.XD_SMS_SIGN_NAME ?? "", endpoint: env.XD_SMS_ENDPOINT };
  return env.XD_SMS_PROVIDER === "ALIYUN"
    ? aliyunSmsProvider({ ...common, accessKeyId: env.XD_SMS_KEY_ID ?? "", accessKeySecret: env.XD_SMS_KEY_SECRET ?? "" })
    : tencentSmsProvider({
        ...common,
        secretId: env.XD_SMS_KEY_ID ?? "",
        secretKey: env.XD_SMS_KEY_SECRET ?? "",
        appId: env.XD_SMS_APP_ID ?? "",
        region: env.XD_SMS_REGION,
      });
}

export interface SenderDeps {
  db: Db;
  redis: Redis;
  redisPrefix: string;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  limits?: SmsRateLimits;
}

/// The worker's sender: checks the whole SMS configuration before the first job runs.
export function senderFromEnv(env: SmsEnv, deps: SenderDeps): Sender {
  const logging = loggingSender(deps.db, (o, m) => deps.log.info(o, m));
  const provider = smsProviderOf(env);
  if (!provider) return logging;
  return smsSender({
    db: deps.db,
    provider,
    templateCodes: templateCodesOf(env),
    limiter: phoneRateLimiter(deps.redis, deps.redisPrefix, deps.limits ?? DEFAULT_SMS_RATE_LIMITS),
    fallback: logging,
    log: deps.log,
  });
}
