// Whether a walk-in ticket can be taken now: the site is open and some desk serving the matter is open.
import type { OpeningHours } from "../../protocol/config.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import type { Desk } from "./model.ts";
import type { DeskMatters } from "./order.ts";
import type { LocalTime } from "./time.ts";

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

export function isOpenAt(hours: OpeningHours, at: LocalTime): boolean {
  return hours[at.weekday].some(([from, to]) => at.minutes >= toMinutes(from) && at.minutes < toMinutes(to));
}

/** Open desks that serve a matter. */
export function openDesksFor(matterId: string, configs: Iterable<DeskMatters>, desks: ReadonlyMap<string, Desk>): number {
  let n = 0;
  for (const cfg of configs) {
    if (cfg.matterIds.includes(matterId) && desks.get(cfg.id)?.status === "open") n++;
  }
  return n;
}

export function walkInRefusal(
  hours: OpeningHours,
  at: LocalTime,
  matterId: string,
  configs: Iterable<DeskMatters>,
  desks: ReadonlyMap<string, Desk>,
  /** Today is a public holiday and the site closes on them. */
  holiday = false,
): ErrorCode | null {
  if (holiday || !isOpenAt(hours, at)) return "SITE_CLOSED";
  if (openDesksFor(matterId, configs, desks) === 0) return "MATTER_UNAVAILABLE";
  return null;
}
