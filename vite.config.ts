// Builds the browser clients (Preact, one HTML page per app) into dist/clients, which the
// Worker serves as its static assets (wrangler.jsonc "assets"); see worker/routes/clients.ts.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

/** Absolute path of a file beside this config (no Node APIs: this file is typechecked with the Worker's types). */
const here = (rel: string): string => decodeURIComponent(new URL(rel, import.meta.url).pathname);

export const CLIENT_PAGES = ["kiosk", "display", "desk-display", "clerk", "eticket", "booking", "admin", "outbox"] as const;

export default defineConfig({
  root: here("./clients"),
  // Assets are served from the site root: /assets/<hash>.js.
  base: "/",
  plugins: [preact()],
  build: {
    outDir: here("./dist/clients"),
    emptyOutDir: true,
    // Kiosks and hall screens run current Chromium; phones current Safari/Chrome.
    target: "es2022",
    rolldownOptions: {
      input: Object.fromEntries(CLIENT_PAGES.map((p) => [p, here(`./clients/${p}.html`)])),
      // protocol/ is shared with the Worker: its zod schemas must not end up in a browser bundle
      // just because a client imported a pure helper (acceptsUpdate) from the same module.
      // Its modules have no side effects, and building an unused schema (z.…) is pure.
      treeshake: { moduleSideEffects: (id: string) => !id.includes("/protocol/"), manualPureFunctions: ["z"] },
    },
  },
});
