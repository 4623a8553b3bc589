// Integration tests inside workerd, through Cloudflare's vitest plugin: the real Worker,
// the real Durable Objects with SQLite storage, real WebSockets.
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.jsonc" } })],
  test: {
    include: ["test/workerd/**/*.test.ts", "worker/**/*.test.ts"],
    // A loopback stand-in for Cloudflare Turnstile; the tests reach it over HTTP (inject("turnstile")).
    // A loopback stand-in for a Web Push service; the site object's push transport reaches it (inject("pushService")).
    globalSetup: ["test/workerd/turnstile-stand-in.setup.ts", "test/workerd/push-stand-in.setup.ts"],
    // The demo directory is seeded once per run (PBKDF2 for every demo account).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
