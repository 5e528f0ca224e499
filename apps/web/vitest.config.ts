// Unit tests of the web app (pure modules only; the browser is tested in e2e/).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
