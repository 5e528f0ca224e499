// Vite config for the web app: dev server and `vite preview` proxy the API paths to apps/api.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiTarget = process.env.XD_API_URL ?? "http://127.0.0.1:4310";

// Same proxy for `vite` and `vite preview`, so the session cookie stays first-party. Product images and the batch QR
// label sheets (/batches/:id/qr.pdf) are served by the API too.
const proxy = Object.fromEntries(["/trpc", "/health", "/ready", "/images", "/batches"].map((path) => [path, { target: apiTarget, changeOrigin: false }]));

export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true, proxy },
  // No source maps in the build: the API serves dist/ to anyone, and maps would publish the source (the dev server
  // still has them).
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
