import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/tmp/**", "node_modules/**", "dist/**"],
    // a guard against a hang, not a measure: a slow machine takes twice as long as a fast one
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores, which on CI's two is one file at a time
    // while most tests wait on a child process or a browser: two files at a time on two cores
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ["test/helpers/seed.ts"],
    env: { TZ: "Europe/Stockholm" }
  }
});
