// The editor's changes to lists of a site's configuration, as plain functions: departments, matters,
// desks and the matters each desk serves in its order, opening intervals and days off. New items get ids
// no other item of their kind has; a removed matter leaves every desk that served it.
import type { DepartmentConfig, DeskConfig, MatterConfig, SiteConfig, Weekday } from "../../../protocol/config.ts";

/** The first of prefix1, prefix2… that is not taken. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

function matterIds(site: SiteConfig): string[] {
  return site.departments.flatMap((d) => d.matters.map((m) => m.id));
}

/** A first letter no matter of the site uses yet (A, B, C…), so a new matter starts valid. */
function freshPrefix(site: SiteConfig): string {
  const used = new Set(site.departments.flatMap((d) => d.matters.map((m) => m.prefix)));
  for (let c = 65; c <= 90; c++) if (!used.has(String.fromCharCode(c))) return String.fromCharCode(c);
  return "";
}

export function addDepartment(site: SiteConfig): SiteConfig {
  const department: DepartmentConfig = {
    id: freshId(
      "w",
      site.departments.map((d) => d.id),
    ),
    name: "",
    matters: [],
  };
  return { ...site, departments: [...site.departments, department] };
}

export function removeDepartment(site: SiteConfig, di: number): SiteConfig {
  const gone = new Set(site.departments[di]?.matters.map((m) => m.id) ?? []);
  return withoutMatters({ ...site, departments: site.departments.filter((_, i) => i !== di) }, gone);
}

export function addMatter(site: SiteConfig, di: number): SiteConfig {
  const matter: MatterConfig = {
    id: freshId("m", matterIds(site)),
    name: "",
    prefix: freshPrefix(site),
    serviceMinutes: 10,
    bookable: false,
    bookingDesks: 1,
  };
  return {
    ...site,
    departments: site.departments.map((d, i) => (i === di ? { ...d, matters: [...d.matters, matter] } : d)),
  };
}

export function removeMatter(site: SiteConfig, di: number, mi: number): SiteConfig {
  const id = site.departments[di]?.matters[mi]?.id;
  const departments = site.departments.map((d, i) => (i === di ? { ...d, matters: d.matters.filter((_, j) => j !== mi) } : d));
  return withoutMatters({ ...site, departments }, new Set(id === undefined ? [] : [id]));
}

/** Desks no longer serve matters that are gone. */
function withoutMatters(site: SiteConfig, gone: ReadonlySet<string>): SiteConfig {
  if (gone.size === 0) return site;
  return { ...site, desks: site.desks.map((d) => ({ ...d, matterIds: d.matterIds.filter((m) => !gone.has(m)) })) };
}

/** A new desk takes the lowest free number, its name from it, and the id d<number> (or the first free d<k>). */
export function addDesk(site: SiteConfig, name: (n: number) => string): SiteConfig {
  const numbers = new Set(site.desks.map((d) => d.number));
  let n = 1;
  while (numbers.has(n)) n++;
  const ids = site.desks.map((d) => d.id);
  const id = ids.includes(`d${n}`) ? freshId("d", ids) : `d${n}`;
  return { ...site, desks: [...site.desks, { id, name: name(n), number: n, matterIds: [] }] };
}

export function removeDesk(site: SiteConfig, index: number): SiteConfig {
  return { ...site, desks: site.desks.filter((_, i) => i !== index) };
}

function updateDesk(site: SiteConfig, index: number, change: (d: DeskConfig) => DeskConfig): SiteConfig {
  return { ...site, desks: site.desks.map((d, i) => (i === index ? change(d) : d)) };
}

export function addDeskMatter(site: SiteConfig, index: number, matterId: string): SiteConfig {
  return updateDesk(site, index, (d) => (d.matterIds.includes(matterId) ? d : { ...d, matterIds: [...d.matterIds, matterId] }));
}

export function removeDeskMatter(site: SiteConfig, index: number, position: number): SiteConfig {
  return updateDesk(site, index, (d) => ({ ...d, matterIds: d.matterIds.filter((_, i) => i !== position) }));
}

/** Moves one of a desk's matters up (-1) or down (+1) in its order of preference. */
export function moveDeskMatter(site: SiteConfig, index: number, position: number, by: -1 | 1): SiteConfig {
  return updateDesk(site, index, (d) => {
    const to = position + by;
    if (to < 0 || to >= d.matterIds.length) return d;
    const ids = [...d.matterIds];
    [ids[position], ids[to]] = [ids[to]!, ids[position]!];
    return { ...d, matterIds: ids };
  });
}

/** A day holds at most this many intervals (the schema's limit). */
export const MAX_INTERVALS = 4;

/** A new interval after the day's last: from its end (or 08:00) for an hour. */
export function addInterval(site: SiteConfig, day: Weekday): SiteConfig {
  const hours = site.openingHours[day];
  const last = hours.at(-1)?.[1];
  const from = last && last < "23:00" ? last : "08:00";
  const interval: [string, string] = [from, `${String(Number(from.slice(0, 2)) + 1).padStart(2, "0")}${from.slice(2)}`];
  return { ...site, openingHours: { ...site.openingHours, [day]: [...hours, interval] } };
}

export function removeInterval(site: SiteConfig, day: Weekday, index: number): SiteConfig {
  return { ...site, openingHours: { ...site.openingHours, [day]: site.openingHours[day].filter((_, i) => i !== index) } };
}

/** Adds a date to the days off, keeping them in order and once each. */
export function addDayOff(site: SiteConfig, date: string): SiteConfig {
  if (site.booking.daysOff.includes(date)) return site;
  return { ...site, booking: { ...site.booking, daysOff: [...site.booking.daysOff, date].sort() } };
}

export function removeDayOff(site: SiteConfig, index: number): SiteConfig {
  return { ...site, booking: { ...site.booking, daysOff: site.booking.daysOff.filter((_, i) => i !== index) } };
}
