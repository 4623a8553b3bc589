// Whether a site is open at a local time, and how many open desks serve a matter (objects/queue/intake.ts
// puts them together with the configuration's other reasons into a walk-in's verdict).
import type { DayHours, OpeningHours } from "../../protocol/config.ts";
import type { Desk } from "./model.ts";
import type { DeskMatters } from "./order.ts";
import type { LocalTime } from "./time.ts";

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Whether a minute of the day falls in one of the day's intervals [from, to). */
export function isOpenDuring(hours: Readonly<DayHours>, minutes: number): boolean {
  return hours.some(([from, to]) => minutes >= toMinutes(from) && minutes < toMinutes(to));
}

/** Whether the weekly hours are open at a local time (the weekday's intervals alone). */
export function isOpenAt(hours: OpeningHours, at: LocalTime): boolean {
  return isOpenDuring(hours[at.weekday], at.minutes);
}

/** Open desks that serve a matter. */
export function openDesksFor(matterId: string, configs: Iterable<DeskMatters>, desks: ReadonlyMap<string, Desk>): number {
  let n = 0;
  for (const cfg of configs) {
    if (cfg.matterIds.includes(matterId) && desks.get(cfg.id)?.status === "open") n++;
  }
  return n;
}
