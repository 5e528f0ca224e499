// Unit and integration tests against the real PostgreSQL and Redis (started by `pnpm services up`).
import { loadavg, cpus } from "node:os";
import { defineConfig } from "vitest/config";
import { measuredSlowdown, scaled } from "./packages/config/src/testing.ts";

// Time limits grow with the load the machine carries as the run starts (see packages/config/src/testing.ts); the test
// processes inherit the factor.
process.env.XD_TEST_SLOWDOWN ??= String(measuredSlowdown(loadavg()[0]! / Math.max(1, cpus().length)));

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/api/src/**/*.test.ts", "apps/worker/src/**/*.test.ts", "apps/web/src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["./tests/global-setup.ts"],
    environment: "node",
    testTimeout: scaled(30_000),
    hookTimeout: scaled(60_000),
    pool: "forks",
    maxWorkers: 2,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
