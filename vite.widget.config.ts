// Builds the embeddable widget (clients/widget/widget.ts) into dist/clients/widget.js: one classic script of
// its own, no framework and no shared chunks, so a city's page loads it with a single <script> tag. Its
// texts come from the one translation table, only the keys it shows (clients/widget/keys.ts), put in at
// build time. Runs after vite.config.ts's build, into the same folder (which that build empties first).
import { defineConfig } from "vite";
import { MESSAGES } from "./clients/shared/messages.ts";
import { UK } from "./clients/shared/messages-uk.ts";
import { WIDGET_KEYS, type WidgetTexts } from "./clients/widget/keys.ts";

const here = (rel: string): string => decodeURIComponent(new URL(rel, import.meta.url).pathname);

function widgetTexts(): WidgetTexts {
  const out: Partial<WidgetTexts> = {};
  for (const key of WIDGET_KEYS) {
    const entry = MESSAGES[key];
    const uk = UK[key] ?? entry.pl;
    if (typeof entry.pl !== "string" || typeof entry.en !== "string" || typeof uk !== "string")
      throw new Error(`widget text ${key} must be a plain text, not plural forms`);
    out[key] = { pl: entry.pl, en: entry.en, uk };
  }
  return out as WidgetTexts;
}

export default defineConfig({
  define: { __WIDGET_TEXTS__: JSON.stringify(widgetTexts()) },
  build: {
    outDir: here("./dist/clients"),
    emptyOutDir: false,
    copyPublicDir: false,
    target: "es2022",
    lib: {
      entry: here("./clients/widget/widget.ts"),
      formats: ["iife"],
      name: "numerekWidget",
      fileName: () => "widget.js",
    },
  },
});
