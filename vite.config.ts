// Builds the browser clients (Preact, one HTML page per app) into dist/clients, which the
// Worker serves as its static assets (wrangler.jsonc "assets"); see worker/routes/clients.ts.
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { CLIENT_PAGES, type ClientPage, pageEntry } from "./protocol/pages.ts";

/** Absolute path of a file beside this config (no Node APIs: this file is typechecked with the Worker's types). */
const here = (rel: string): string => decodeURIComponent(new URL(rel, import.meta.url).pathname);

/** Where a page's HTML would be in clients/: Vite names the built file after it (dist/clients/<name>.html). */
const htmlPath = (page: ClientPage): string => here(`./clients/${page.name}.html`);

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The HTML of a page: the same head for every app (language, viewport, no referrer, no favicon request), its title and its entry. */
function pageHtml(page: ClientPage): string {
  return `<!doctype html>
<!-- numerek: ${escapeHtml(page.title)}. Generated from protocol/pages.ts; the Worker serves it for ${escapeHtml(page.path)}. -->
<html lang="pl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <link rel="icon" href="data:," />
    <title>numerek – ${escapeHtml(page.title)}</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="${pageEntry(page)}"></script>
  </body>
</html>
`;
}

/** Serves each page's HTML to the build as if it were a file in clients/, so Vite bundles and names it as one. */
function clientPages(): Plugin {
  const byPath = new Map(CLIENT_PAGES.map((page) => [htmlPath(page), page]));
  return {
    name: "numerek:client-pages",
    resolveId(id) {
      return byPath.has(id) ? id : null;
    },
    load(id) {
      const page = byPath.get(id);
      return page ? pageHtml(page) : null;
    },
  };
}

export default defineConfig({
  root: here("./clients"),
  // Assets are served from the site root: /assets/<hash>.js.
  base: "/",
  plugins: [clientPages(), preact()],
  build: {
    outDir: here("./dist/clients"),
    emptyOutDir: true,
    // Kiosks and hall screens run current Chromium; phones current Safari/Chrome.
    target: "es2022",
    rolldownOptions: {
      input: Object.fromEntries(CLIENT_PAGES.map((page) => [page.name, htmlPath(page)])),
      // protocol/ is shared with the Worker and has no side effects. Clients import its zod-free
      // modules only (live-wire.ts, routes.ts, roles.ts…), so no schema reaches a browser bundle. No
      // function is declared pure by name: Preact's minified style setter is called `z` too, and
      // declaring `z` pure once dropped every style={…} of every client.
      treeshake: { moduleSideEffects: (id: string) => !id.includes("/protocol/") },
    },
  },
});
