// Vite config for the web app: dev server and `vite preview` proxy the API paths to apps/api.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

const apiTarget = process.env.XD_API_URL ?? "http://127.0.0.1:4310";

// Same proxy for `vite` and `vite preview`, so the session cookie stays first-party. Product images and the batch QR
// label sheets (/batches/:id/qr.pdf) are served by the API too.
const proxy = Object.fromEntries(
  ["/trpc", "/health", "/ready", "/images", "/batches"].map((path) => [path, { target: apiTarget, changeOrigin: false }]),
);

export default defineConfig({
  // Each file also written gzip- and brotli-compressed (the API serves them to browsers that accept them): the county
  // home's map alone is 1.9 MB of script, 0.5 MB compressed, on a township's mobile link.
  plugins: [react(), compression({ algorithms: ["gzip", "brotliCompress"], threshold: 1024 })],
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true, proxy },
  // No source maps in the build: the API serves dist/ to anyone, and maps would publish the source (the dev server
  // still has them).
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
