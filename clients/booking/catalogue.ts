// Step 1's catalogue: the cities of the public site list, and one city's bookable matters grouped by
// department across its sites (a matter is known by its id; each lists the sites where it can be booked
// online – a matter bookable nowhere in the city is left out); search.
import type { PublicSite } from "../../protocol/api.ts";
import { localName } from "../../protocol/local-name.ts";
import type { Lang } from "../shared/i18n.tsx";

export interface MatterEntry {
  id: string;
  name: string;
  /** The office's English name, when it gave one. */
  nameEn?: string;
  /** The office's Ukrainian name, when it gave one. */
  nameUk?: string;
  /** Every site of the city where this matter can be booked online, whatever department it sits in there. */
  siteIds: string[];
}

export interface DepartmentGroup {
  name: string;
  /** The department's English name, when the office gave one. */
  nameEn?: string;
  /** The department's Ukrainian name, when the office gave one. */
  nameUk?: string;
  matters: MatterEntry[];
}

const collator = new Intl.Collator("pl");

/** Cities with at least one matter bookable online, in Polish order. */
export function cities(sites: readonly PublicSite[]): string[] {
  const booking = sites.filter((s) => s.departments.some((d) => d.matters.some((m) => m.bookable)));
  return [...new Set(booking.map((s) => s.city))].sort(collator.compare);
}

/** The city's departments by name (the same department at two sites is one group), bookable matters by name. */
export function catalogue(sites: readonly PublicSite[], city: string): DepartmentGroup[] {
  const inCity = sites.filter((s) => s.city === city);
  const offering = new Map<string, string[]>();
  for (const site of inCity) {
    for (const m of site.departments.flatMap((d) => d.matters)) {
      if (!m.bookable) continue;
      const ids = offering.get(m.id) ?? [];
      if (!ids.includes(site.id)) ids.push(site.id);
      offering.set(m.id, ids);
    }
  }
  const groups = new Map<string, Map<string, MatterEntry>>();
  const english = new Map<string, string>();
  const ukrainian = new Map<string, string>();
  for (const site of inCity) {
    for (const d of site.departments) {
      if (d.nameEn && !english.has(d.name)) english.set(d.name, d.nameEn);
      if (d.nameUk && !ukrainian.has(d.name)) ukrainian.set(d.name, d.nameUk);
      const group = groups.get(d.name) ?? new Map<string, MatterEntry>();
      for (const m of d.matters) {
        if (m.bookable && !group.has(m.id)) {
          group.set(m.id, {
            id: m.id,
            name: m.name,
            ...(m.nameEn ? { nameEn: m.nameEn } : {}),
            ...(m.nameUk ? { nameUk: m.nameUk } : {}),
            siteIds: offering.get(m.id) ?? [site.id],
          });
        }
      }
      if (group.size > 0) groups.set(d.name, group);
    }
  }
  return [...groups]
    .map(([name, matters]) => ({
      name,
      ...(english.has(name) ? { nameEn: english.get(name) } : {}),
      ...(ukrainian.has(name) ? { nameUk: ukrainian.get(name) } : {}),
      matters: [...matters.values()].sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * A matter's name in the page's language: the office's English or Ukrainian name when it gave one; the
 * Polish name otherwise (the office's own word for it, as on its signs, forms and the printed ticket).
 */
export function matterName(m: Pick<MatterEntry, "name" | "nameEn" | "nameUk">, lang: Lang): string {
  return localName(m, lang).text;
}

/** Lower case without diacritics ("Dowód" and "dowod" match; ł counts as l). */
export function fold(text: string): string {
  return text.toLocaleLowerCase("pl").normalize("NFD").replace(/\p{M}/gu, "").replace(/ł/g, "l");
}

/** The matters whose name (Polish, English or Ukrainian) contains every word of the query; a department whose name does keeps all its matters. */
export function search(groups: readonly DepartmentGroup[], query: string): DepartmentGroup[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...groups];
  const hit = (n: { name: string; nameEn?: string; nameUk?: string }) =>
    [n.name, n.nameEn, n.nameUk].some((text) => text !== undefined && words.every((w) => fold(text).includes(w)));
  return groups.map((g) => (hit(g) ? g : { ...g, matters: g.matters.filter(hit) })).filter((g) => g.matters.length > 0);
}

/** Distinct matters in the groups (a matter under two departments counts once). */
export function matterCount(groups: readonly DepartmentGroup[]): number {
  return new Set(groups.flatMap((g) => g.matters.map((m) => m.id))).size;
}

/** The one office offering a matter, chosen for the citizen; null when there are several to choose from. */
export function onlyOffice(sites: readonly PublicSite[], matter: MatterEntry): PublicSite | null {
  const offering = sites.filter((s) => matter.siteIds.includes(s.id));
  return offering.length === 1 ? (offering[0] ?? null) : null;
}
