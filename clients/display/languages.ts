// Which languages a hall screen shows, and a matter's name in each: pure, for hall-texts.tsx.
import type { HallMatter } from "../../protocol/live.ts";
import { localName } from "../../protocol/local-name.ts";
import type { Lang } from "../shared/i18n.tsx";

/**
 * The languages a screen shows, main first: the office's, in its order. A screen set up with ?lang=
 * shows that language first, and the office's others beneath only when the office has chosen several.
 */
export function screenLanguages(configured: readonly Lang[], asked: Lang | null): Lang[] {
  if (asked) return configured.length > 1 ? [asked, ...configured.filter((l) => l !== asked)] : [asked];
  return configured.length ? [...configured] : ["pl"];
}

/** A matter's name in one language (the Polish name stands in for a missing English or Ukrainian one). */
export function nameIn(m: Pick<HallMatter, "name" | "nameEn" | "nameUk">, lang: Lang): string {
  return localName(m, lang).text;
}

/**
 * A matter's name in each of the screen's languages, the main one first, each name once and said in the
 * language it is written in: a Polish name standing in for English and Ukrainian is one Polish line.
 */
export function matterNames(m: Pick<HallMatter, "name" | "nameEn" | "nameUk">, langs: readonly Lang[]): { name: string; lang: Lang }[] {
  const out: { name: string; lang: Lang }[] = [];
  for (const l of langs.length ? langs : (["pl"] as const)) {
    const name = nameIn(m, l);
    if (!out.some((o) => o.name === name)) out.push({ name, lang: nameLang(m, l) });
  }
  return out;
}

/** The language `nameIn` gives a matter's name in for `lang`: Polish where the Polish name stands in. */
export function nameLang(m: Pick<HallMatter, "name" | "nameEn" | "nameUk">, lang: Lang): Lang {
  return localName(m, lang).lang;
}
