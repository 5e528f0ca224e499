// Resident ID numbers at rest: AES-256-GCM ciphertext, an HMAC for look-up, a masked form for display.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { maskIdNumber } from "@xiangda/domain";

/// 32 bytes from XD_DATA_KEY (hex or base64). Without it a fixed development key is used, never in production.
export function dataKeyFrom(raw: string | undefined, nodeEnv: string | undefined): Buffer {
  if (!raw) {
    if (nodeEnv === "production") throw new Error("XD_DATA_KEY (32 bytes, hex or base64) is required in production");
    return createHash("sha256").update("xiangda-development-key-not-for-production").digest();
  }
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("XD_DATA_KEY must be 32 bytes (64 hex characters or 44 base64 characters)");
  return key;
}

/// Layout: version byte (1) | 12-byte IV | 16-byte tag | ciphertext.
export function encryptId(key: Buffer, id: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(id, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
}

export function decryptId(key: Buffer, blob: Uint8Array): string {
  const b = Buffer.from(blob);
  if (b[0] !== 1) throw new Error("unknown ID ciphertext version");
  const decipher = createDecipheriv("aes-256-gcm", key, b.subarray(1, 13));
  decipher.setAuthTag(b.subarray(13, 29));
  return Buffer.concat([decipher.update(b.subarray(29)), decipher.final()]).toString("utf8");
}

/// Deterministic keyed hash: finds a sender by ID without storing the ID in the clear.
export function hashId(key: Buffer, id: string): string {
  const hmacKey = createHash("sha256")
    .update(Buffer.concat([key, Buffer.from("id-lookup")]))
    .digest();
  return createHmac("sha256", hmacKey).update(id.toUpperCase()).digest("hex");
}

export function protectId(key: Buffer, id: string) {
  return { senderIdEnc: new Uint8Array(encryptId(key, id)), senderIdHash: hashId(key, id), senderIdMasked: maskIdNumber(id) };
}
