// A department's or a matter's name in a citizen's language: the office's own English or Ukrainian name
// when it gave one, else the Polish name, said to be Polish (so that a page in another language marks it
// lang="pl" for readers that speak it aloud). Plain data, no schemas: the clients use it too.
import type { CitizenLang } from "./lang.ts";

export interface Named {
  name: string;
  nameEn?: string | null | undefined;
  nameUk?: string | null | undefined;
}

export function localName(n: Named, lang: CitizenLang): { text: string; lang: CitizenLang } {
  if (lang === "en" && n.nameEn) return { text: n.nameEn, lang: "en" };
  if (lang === "uk" && n.nameUk) return { text: n.nameUk, lang: "uk" };
  return { text: n.name, lang: "pl" };
}
