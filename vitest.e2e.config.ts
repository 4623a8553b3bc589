// Browser end-to-end tests: Playwright (playwright-core) drives Debian's Chromium against a
// wrangler dev server that test/e2e/server.ts starts on a free loopback port with fresh storage.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/server.ts"],
    // One server, one demo site: files run one after another (each uses its own desks and matters).
    fileParallelism: false,
    // Starting wrangler and seeding the demo accounts (PBKDF2) takes a while on a 2-core machine.
    hookTimeout: 180_000,
    testTimeout: 120_000,
    retry: 0,
  },
});
