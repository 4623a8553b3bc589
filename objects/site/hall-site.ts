// What the hall screens and kiosks are told of the site itself, apart from its queue: names, hints, the
// closure notice, the screens' languages, priority service, and the office's hours ahead. Worked out from
// the configuration and the day only, and kept per configuration (a new one is a new index) and day.
import type { HallSite, OfficeWeek } from "../../protocol/live.ts";
import { addDays } from "../booking/dates.ts";
import { calendarOf, hoursOn } from "../queue/calendar.ts";
import { openingsAhead } from "../queue/openings.ts";
import { isoLocal } from "../queue/time.ts";
import type { SiteIndex } from "./site-index.ts";

/** The hall screens know the office's hours this many days ahead (a closure of a fortnight is still told). */
export const OPENING_DAYS = 15;
/** The hours the hall shows, per configuration (a new one is a new index) and day: every hall flush shows them. */
const openingsOf = new WeakMap<SiteIndex, { day: string; openings: HallSite["openings"] }>();
/** The week of hours a closed kiosk shows, likewise per configuration and day. */
const weekOf = new WeakMap<SiteIndex, OfficeWeek>();

/** The configuration as the hall shows it: names, hints, the closure notice, the screens' languages, the hours from `day` on. */
export function hallSite(index: SiteIndex, day: string): HallSite {
  const c = index.config;
  let known = openingsOf.get(index);
  if (known?.day !== day) {
    known = {
      day,
      openings: openingsAhead(calendarOf(c), c.timeZone, day, OPENING_DAYS).map((o) => ({
        from: isoLocal(o.from, c.timeZone),
        to: isoLocal(o.to, c.timeZone),
      })),
    };
    openingsOf.set(index, known);
  }
  return {
    closure: c.closure?.message ?? null,
    languages: c.screenLanguages,
    openings: known.openings,
    ...(c.ticker ? { ticker: c.ticker } : {}),
    ...priorityOffer(c),
    screens: c.devices
      .filter((d) => d.kind === "group-screen")
      .map((d) => ({
        id: d.id,
        name: d.name,
        ...(d.departmentIds ? { departmentIds: d.departmentIds } : {}),
        ...(d.deskIds ? { deskIds: d.deskIds } : {}),
      })),
    desks: c.desks.map((d) => ({ id: d.id, name: d.name, matterIds: d.matterIds })),
    departments: c.departments.map((d) => ({
      id: d.id,
      name: d.name,
      nameEn: d.nameEn ?? null,
      nameUk: d.nameUk ?? null,
      matters: d.matters.map((m) => ({
        id: m.id,
        name: m.name,
        nameEn: m.nameEn ?? null,
        nameUk: m.nameUk ?? null,
        prefix: m.prefix,
        hint: m.hint ?? null,
      })),
    })),
  };
}

/** The site's hours from its local `day` on, a week ahead (what a closed kiosk says). */
export function officeWeek(index: SiteIndex, day: string): OfficeWeek {
  const known = weekOf.get(index);
  if (known?.days[0]?.date === day) return known;
  const c = index.config;
  const cal = calendarOf(c);
  const days = Array.from({ length: 8 }, (_, i) => addDays(day, i)).map((date) => ({ date, hours: [...hoursOn(cal, date)] }));
  const week = { timeZone: c.timeZone, days };
  weekOf.set(index, week);
  return week;
}

/** What the kiosk offers of priority service: the site's groups while it is on, and whether an interpreter is at hand. */
function priorityOffer(c: SiteIndex["config"]): Pick<HallSite, "priority" | "interpreter"> {
  return {
    ...(c.priority.enabled
      ? {
          priority: {
            mode: c.priority.mode,
            groups: c.priority.groups.map((g) => ({ name: g.name, nameEn: g.nameEn ?? null, nameUk: g.nameUk ?? null })),
          },
        }
      : {}),
    ...(c.interpreterUrl ? { interpreter: true as const } : {}),
  };
}
