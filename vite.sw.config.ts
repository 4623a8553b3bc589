// Builds the e-ticket's service worker (clients/eticket/push-worker.ts) into one classic script,
// dist/clients/eticket-sw.js, after the clients' build (vite.config.ts): a service worker is registered by
// a fixed URL, and one file without imports runs in every browser that has Web Push.
import { defineConfig } from "vite";

const here = (rel: string): string => decodeURIComponent(new URL(rel, import.meta.url).pathname);

export default defineConfig({
  root: here("./clients"),
  publicDir: false,
  build: {
    outDir: here("./dist/clients"),
    // The clients' build has just filled it.
    emptyOutDir: false,
    target: "es2022",
    rolldownOptions: {
      input: here("./clients/eticket/push-worker.ts"),
      output: { format: "iife", entryFileNames: "eticket-sw.js" },
      treeshake: { moduleSideEffects: (id: string) => !id.includes("/protocol/") },
    },
  },
});
