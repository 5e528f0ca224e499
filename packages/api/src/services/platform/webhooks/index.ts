// @xiangda/api's webhooks of the open platform (#19): the feed's sequencer, subscriptions, deliveries, signing and the
// SSRF guard the worker's deliverer sends through.
export { sequenceApiEvents, SEQUENCER_BATCH } from "./sequence.ts";
export { eventBodies, type EventBody, type EventNode } from "./event-body.ts";
export { checkWebhookUrl, isPublicAddress, parseWebhookUrl, type CheckedTarget, type HostLookup } from "./safe-url.ts";
export { postWebhook, MAX_RESPONSE_BYTES, SEND_TIMEOUT_MS, type SendOptions, type SendResult } from "./send.ts";
export { newWebhookSecret, signWebhook, EVENT_ID_HEADER, SIGNATURE_HEADER, USER_AGENT } from "./signature.ts";
export { createWebhook, deleteWebhook, enableWebhook, listWebhooks, type WebhookView } from "./manage-webhooks.ts";
export { listDeliveries, redeliver, type DeliveryView } from "./deliveries.ts";
export { decryptWebhookSecret } from "./secret.ts";
