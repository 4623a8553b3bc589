// The texts the embeddable widget shows: keys of the one translation table (clients/shared/messages.ts),
// copied into the widget's bundle at build time (vite.widget.config.ts) so the bundle stays tiny.
export const WIDGET_KEYS = [
  "q.matter",
  "q.waiting",
  "q.wait",
  "q.range",
  "q.rangeOne",
  "q.rangeNone",
  "q.open",
  "q.closed",
  "q.updated",
  "q.failed",
  "common.loading",
  "common.unknownSite",
] as const;
export type WidgetKey = (typeof WIDGET_KEYS)[number];
export type WidgetLang = "pl" | "en" | "uk";
export type WidgetTexts = Record<WidgetKey, Record<WidgetLang, string>>;
