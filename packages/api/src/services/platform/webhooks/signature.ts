// Webhook secrets and signatures: `X-Xiangda-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`
// (the secret's whole text, `whsec_…`, is the HMAC key). Receivers verify with the recipe in docs/webhooks.md.
import { createHmac, randomBytes } from "node:crypto";

export const SIGNATURE_HEADER = "X-Xiangda-Signature";
export const EVENT_ID_HEADER = "X-Xiangda-Event-Id";
export const USER_AGENT = "Xiangda-Webhooks/1";

/// A new signing secret: `whsec_` + 32 random bytes, base64url.
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/// The signature header's value for `rawBody` sent at `t` (unix seconds).
export function signWebhook(secret: string, rawBody: string, t: number): string {
  const v1 = createHmac("sha256", secret).update(`${t}.${rawBody}`, "utf8").digest("hex");
  return `t=${t},v1=${v1}`;
}
