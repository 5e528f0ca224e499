// A UUID derived from a client's id and a part name: one client request that makes several writes (a scan per parcel)
// gives each the same id every time it is sent again, so each write stays idempotent.
import { createHash } from "node:crypto";

export function derivedId(clientId: string, part: string): string {
  const h = createHash("sha256").update(`${clientId}:${part}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
