// probeImage reads only the file's own bytes, whatever lies next to them in memory.
import { describe, expect, it } from "vitest";
import { probeImage } from "./probe-image.ts";

/// `bytes` as a view into a larger buffer full of plausible header values, as Node's pooled Buffers are.
function amidJunk(bytes: Buffer): Buffer {
  const pool = Buffer.alloc(bytes.length + 4096, 0x41);
  bytes.copy(pool, 0);
  return pool.subarray(0, bytes.length);
}

describe("probeImage", () => {
  it("rejects truncated WebP, PNG and JPEG headers even when the memory after them would complete them", () => {
    const truncated = [
      Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 junkjunk", "latin1"),
      Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00", "latin1"),
      Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8L\x0a\x00\x00\x00\x2f", "latin1"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0]),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    ];
    for (const bytes of truncated) {
      expect(probeImage(bytes).ok, bytes.toString("latin1")).toBe(false);
      expect(probeImage(amidJunk(bytes)).ok, bytes.toString("latin1")).toBe(false);
    }
  });

  it("reads a whole image's size the same from its own buffer and from a view into a larger one", () => {
    const webp = Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64");
    expect(probeImage(webp)).toMatchObject({ ok: true, kind: "webp", width: 1, height: 1 });
    expect(probeImage(amidJunk(webp))).toMatchObject({ ok: true, kind: "webp", width: 1, height: 1 });
  });
});
