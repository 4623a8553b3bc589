// Translation: the current language (Polish by default; English, and on the public pages Ukrainian,
// selectable), t() over the one table in messages.ts (Ukrainian texts in messages-uk.ts, keyed alike),
// plural rules through Intl.PluralRules, and the <html lang> switch.
import { type ComponentChildren, createContext } from "preact";
import { useContext, useLayoutEffect, useMemo, useState } from "preact/hooks";
import { MESSAGES, type MessageKey, type PluralForms } from "./messages.ts";
import { UK } from "./messages-uk.ts";

export type Lang = "pl" | "en" | "uk";
/** Every language of the table, in the order the switch offers them. */
export const LANGS: readonly Lang[] = ["pl", "en", "uk"];
/** Staff screens (console, manager page, hall and desk screens) speak Polish and English. */
export const STAFF_LANGS: readonly Lang[] = ["pl", "en"];
/** The citizens' pages (kiosk, e-ticket, booking site) also speak Ukrainian. */
export const PUBLIC_LANGS: readonly Lang[] = ["pl", "en", "uk"];
/** Each language's locale for Intl (dates, numbers). */
export const LOCALE: Record<Lang, string> = { pl: "pl-PL", en: "en-GB", uk: "uk-UA" };
const STORAGE_KEY = "numerek.lang";

export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

const pluralRules: Record<Lang, Intl.PluralRules> = {
  pl: new Intl.PluralRules("pl"),
  en: new Intl.PluralRules("en"),
  uk: new Intl.PluralRules("uk"),
};

function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

/**
 * Picks the plural form for `n`: Polish has one (1), few (2-4, 22-24...), many (0, 5-21...), other
 * (fractions); Ukrainian one (1, 21, 31...), few (2-4, 22-24...), many (0, 5-20, 25-30...), other (fractions).
 */
export function pluralForm(lang: Lang, forms: PluralForms, n: number): string {
  const cat = pluralRules[lang].select(n) as keyof PluralForms;
  return forms[cat] ?? forms.other;
}

/** The text of a key in a language: Ukrainian from its own module, Polish standing in for a staff-only key it lacks. */
function entryOf(lang: Lang, key: MessageKey): { lang: Lang; entry: string | PluralForms } {
  if (lang !== "uk") return { lang, entry: MESSAGES[key][lang] };
  const uk = UK[key];
  return uk === undefined ? { lang: "pl", entry: MESSAGES[key].pl } : { lang, entry: uk };
}

/** Translates one key; plural entries take their count from params.n. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const { lang: used, entry } = entryOf(lang, key);
  if (typeof entry === "string") return fill(entry, params);
  const n = Number(params?.n ?? 0);
  return fill(pluralForm(used, entry, n), params);
}

function offered(langs: readonly Lang[], v: string | null): Lang | null {
  return langs.find((l) => l === v) ?? null;
}

function storedLang(persist: boolean, langs: readonly Lang[]): Lang {
  // Screens without a language button (hall and desk screens) are set up with ?lang=en.
  const asked = offered(langs, new URLSearchParams(location.search).get("lang"));
  if (asked) return asked;
  if (!persist) return "pl";
  try {
    // A language this page does not offer (Ukrainian chosen on the booking site, then the console opened): Polish.
    return offered(langs, localStorage.getItem(STORAGE_KEY)) ?? "pl";
  } catch {
    return "pl";
  }
}

interface I18n {
  lang: Lang;
  /** The languages this page offers, in the switch's order. */
  langs: readonly Lang[];
  t: T;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({
  lang: "pl",
  langs: STAFF_LANGS,
  t: (k, p) => translate("pl", k, p),
  setLang: () => {},
});

/**
 * Provides the language to an app. `persist`: remember the choice (not on shared kiosks). `langs`: the
 * languages the page offers (staff pages by default: Polish and English).
 */
export function I18nProvider(props: { persist: boolean; langs?: readonly Lang[]; children: ComponentChildren }) {
  const langs = props.langs ?? STAFF_LANGS;
  const [lang, setLangState] = useState<Lang>(() => storedLang(props.persist, langs));
  // In the same commit as the texts: <html lang> never lags behind the language shown.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      langs,
      t: (key, params) => translate(lang, key, params),
      setLang: (l) => {
        setLangState(l);
        if (props.persist) {
          try {
            localStorage.setItem(STORAGE_KEY, l);
          } catch {
            /* private mode: the choice lasts for this page */
          }
        }
      },
    }),
    [lang, langs, props.persist],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
