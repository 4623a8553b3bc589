// The hall screen's languages: the office sets them in its configuration (screenLanguages, the main one
// first: Polish, English, Ukrainian); a screen set up with ?lang= (pl, en or uk) keeps that language as its main one. Each text is shown in the main
// language, with the others beneath it, smaller.
import { useEffect } from "preact/hooks";
import type { HallMatter } from "../../protocol/live.ts";
import { type Lang, translate, useI18n } from "../shared/i18n.tsx";
import type { MessageKey } from "../shared/messages.ts";
import { matterNames, screenLanguages } from "./languages.ts";

function askedLang(): Lang | null {
  const asked = new URLSearchParams(location.search).get("lang");
  return asked === "en" || asked === "pl" || asked === "uk" ? asked : null;
}

/** The screen's languages from the live configuration; the page's language follows the main one. */
export function useScreenLanguages(configured: readonly Lang[] | undefined): Lang[] {
  const { setLang } = useI18n();
  const langs = screenLanguages(configured ?? ["pl"], askedLang());
  const main = langs[0] ?? "pl";
  useEffect(() => setLang(main), [main]);
  return langs;
}

/** A fixed text in every language of the screen. */
export function HallText(props: { k: MessageKey; langs: readonly Lang[] }) {
  const [main, ...others] = props.langs;
  return (
    <>
      {translate(main ?? "pl", props.k)}
      {others.map((l) => (
        <span key={l} class="hall-second" lang={l}>
          {translate(l, props.k)}
        </span>
      ))}
    </>
  );
}

/** A matter's name in every language of the screen that has one of its own. */
export function MatterName(props: { matter: Pick<HallMatter, "name" | "nameEn" | "nameUk">; langs: readonly Lang[] }) {
  const main = props.langs[0] ?? "pl";
  const [first, ...others] = matterNames(props.matter, props.langs);
  return (
    <>
      {/* The Polish name standing in on a screen in another language is marked as Polish, for readers that speak it aloud. */}
      {first && (first.lang === main ? first.name : <span lang={first.lang}>{first.name}</span>)}
      {others.map((o) => (
        <span key={o.lang} class="hall-second" lang={o.lang}>
          {o.name}
        </span>
      ))}
    </>
  );
}
