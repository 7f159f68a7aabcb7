import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "test/hosts/**"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: "forks",
    // Every temporary folder of the run under one folder, removed at the end (test/global-temp.ts).
    globalSetup: ["test/global-temp.ts"],
  },
});
