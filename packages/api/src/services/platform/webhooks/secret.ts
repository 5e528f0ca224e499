// A subscription's signing secret at rest: AES-256-GCM under the data key (XD_DATA_KEY), as resident IDs are.
import { decryptId, encryptId } from "../../shipments/id-crypto.ts";

export function encryptWebhookSecret(dataKey: Buffer, secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encryptId(dataKey, secret));
}

export function decryptWebhookSecret(dataKey: Buffer, secretEnc: Uint8Array): string {
  return decryptId(dataKey, secretEnc);
}
