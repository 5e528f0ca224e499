// Browser smoke tests: real Chromium against a running API + built web at XD_E2E_BASE_URL.
import { loadavg, cpus } from "node:os";
import { defineConfig } from "vitest/config";
import { measuredSlowdown, scaled } from "../../packages/config/src/testing.ts";

// Time limits grow with the load the machine carries as the run starts (packages/config/src/testing.ts).
process.env.XD_TEST_SLOWDOWN ??= String(measuredSlowdown(loadavg()[0]! / Math.max(1, cpus().length)));

export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.test.ts"],
    setupFiles: ["e2e/setup.ts"],
    testTimeout: scaled(60_000),
    hookTimeout: scaled(60_000),
    fileParallelism: false,
  },
});
