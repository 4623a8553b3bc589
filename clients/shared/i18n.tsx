// Translation: the current language (Polish by default, English selectable), t() over the one
// table in messages.ts, Polish plural rules through Intl.PluralRules, and the <html lang> switch.
import { type ComponentChildren, createContext } from "preact";
import { useContext, useLayoutEffect, useMemo, useState } from "preact/hooks";
import { MESSAGES, type MessageKey, type PluralForms } from "./messages.ts";

export type Lang = "pl" | "en";
export const LANGS: readonly Lang[] = ["pl", "en"];
const STORAGE_KEY = "numerek.lang";

export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

const pluralRules: Record<Lang, Intl.PluralRules> = {
  pl: new Intl.PluralRules("pl"),
  en: new Intl.PluralRules("en"),
};

function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

/** Picks the plural form for `n`: Polish has one (1), few (2-4, 22-24...), many (0, 5-21...), other (fractions). */
export function pluralForm(lang: Lang, forms: PluralForms, n: number): string {
  const cat = pluralRules[lang].select(n) as keyof PluralForms;
  return forms[cat] ?? forms.other;
}

/** Translates one key; plural entries take their count from params.n. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const entry = MESSAGES[key][lang];
  if (typeof entry === "string") return fill(entry, params);
  const n = Number(params?.n ?? 0);
  return fill(pluralForm(lang, entry, n), params);
}

function storedLang(persist: boolean): Lang {
  // Screens without a language button (hall and desk screens) are set up with ?lang=en.
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "pl") return asked;
  if (!persist) return "pl";
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === "en" ? "en" : "pl";
  } catch {
    return "pl";
  }
}

interface I18n {
  lang: Lang;
  t: T;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({ lang: "pl", t: (k, p) => translate("pl", k, p), setLang: () => {} });

/** Provides the language to an app. `persist`: remember the choice (not on shared kiosks). */
export function I18nProvider(props: { persist: boolean; children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(() => storedLang(props.persist));
  // In the same commit as the texts: <html lang> never lags behind the language shown.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
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
    [lang, props.persist],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
