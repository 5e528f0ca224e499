// Security headers on every answer (@fastify/helmet): a Content-Security-Policy the app, the county map (MapLibre)
// and the camera scanner (zxing-wasm) work under, no framing, nosniff, no referrer. Checked in Chromium: every
// browser test fails on a CSP violation (apps/web/e2e/harness.ts).
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/// The app loads nothing from elsewhere: scripts, styles, the map's worker and the scanner's .wasm all come from here.
export function contentSecurityPolicy(opts: { https: boolean }): Record<string, string[] | null> {
  return {
    "default-src": ["'self'"],
    "base-uri": ["'self'"],
    // zxing-wasm compiles its WebAssembly module (no JavaScript eval).
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "script-src-attr": ["'none'"],
    // Style attributes set by libraries in markup they build (chart tooltips, the queue dashboard's loading screen).
    "style-src": ["'self'", "'unsafe-inline'"],
    // Product images; MapLibre and ECharts paint from data: and blob: URLs.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    // MapLibre's worker is the app's own file; blob: for what it spawns from memory.
    "worker-src": ["'self'", "blob:"],
    "media-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    ...(opts.https ? { "upgrade-insecure-requests": [] } : {}),
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts) },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    // HSTS only means something over https; on a plain-http install it would only confuse.
    strictTransportSecurity: opts.https ? { maxAge: 180 * 24 * 3600 } : false,
  });
  // A PDF (labels, manifests, QR sheets) opens in the browser's own viewer, which a page policy such as
  // `object-src 'none'` can block: PDFs keep only the framing rule.
  app.addHook("onSend", async (_req, reply) => {
    if (/^application\/pdf/i.test(String(reply.getHeader("content-type") ?? ""))) {
      reply.header("content-security-policy", "frame-ancestors 'none'");
    }
  });
}
