// The office closed by its hours: "Nieczynne – zapraszamy jutro od 8:00" in every language of the
// screen, where the first call would otherwise be promised.

import { assertNever } from "../../protocol/live-wire.ts";
import { type Lang, translate } from "../shared/i18n.tsx";
import type { MessageKey } from "../shared/messages.ts";
import { type OpeningDay, openingWords } from "./opening.ts";

const DATE: Record<Lang, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat("pl-PL", { day: "numeric", month: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" }),
  uk: new Intl.DateTimeFormat("uk-UA", { day: "numeric", month: "long", timeZone: "UTC" }),
};

function dayText(lang: Lang, day: OpeningDay): string {
  switch (day.kind) {
    case "today":
      return translate(lang, "display.day.today");
    case "tomorrow":
      return translate(lang, "display.day.tomorrow");
    case "weekday":
      return translate(lang, `display.day.${day.weekday}` satisfies MessageKey);
    case "date":
      return translate(lang, "display.day.date", { date: DATE[lang].format(Date.parse(`${day.date}T12:00:00Z`)) });
    default:
      return assertNever(day);
  }
}

/** The notice in one language; `next`: the next opening (site-local ISO), null when none is known. */
export function closedText(lang: Lang, next: string | null, now: number): string {
  if (next === null) return translate(lang, "display.closed");
  const w = openingWords(next, now);
  return translate(lang, "display.closedUntil", { day: dayText(lang, w.day), hour: w.hour });
}

export function ClosedNotice(props: { next: string | null; now: number; langs: readonly Lang[] }) {
  const [main, ...others] = props.langs;
  return (
    <p class="newest-empty newest-closed" role="status" data-testid="display-closed">
      {closedText(main ?? "pl", props.next, props.now)}
      {others.map((l) => (
        <span key={l} class="hall-second" lang={l}>
          {closedText(l, props.next, props.now)}
        </span>
      ))}
    </p>
  );
}
