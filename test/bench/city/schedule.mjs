// The city day's schedule, pure: each site's opening span, its kiosk walk-ins over the span (the
// office-day simulator's arrival profile: a morning peak, a lunch dip, a smaller afternoon bump), the
// clerks' service times (the simulator's spread around the configured minutes), and the mapping of the
// office's minutes onto the run's milliseconds.
import { MATTERS } from "../../../objects/sim/office.ts";
import { Prng } from "../../../objects/sim/prng.ts";
import { dayShape, OFFICE_PROFILE } from "../../../objects/sim/shapes.ts";

const NORMAL = dayShape("normal");
/** The simulator's office: 8 desks, `NORMAL.walkIns` walk-ins over its 8-hour day. */
const SIM_DESKS = 8;
/** Walk-ins per desk and hour of an ordinary day (the simulator's "normal" day). */
export const WALK_INS_PER_DESK_HOUR = NORMAL.walkIns / SIM_DESKS / ((NORMAL.close - NORMAL.open) / 60);
/** Real service against configured: the simulator's matters' median over their configured minutes, on average; and their spread. */
export const SERVICE_RATIO = MATTERS.reduce((s, m) => s + m.medianMinutes / m.serviceMinutes, 0) / MATTERS.length;
export const SERVICE_SIGMA = MATTERS.reduce((s, m) => s + m.sigma, 0) / MATTERS.length;

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const minutesOf = (hm) => {
  const [h, m] = hm.split(":").map(Number);
  return h * 60 + m;
};

/** A site's day on `weekday` ("mon".."sun"): opening and closing, minutes since midnight; null when closed. */
export function siteDay(openingHours, weekday) {
  if (!WEEKDAYS.includes(weekday)) throw new Error(`not a weekday: ${weekday}`);
  const hours = openingHours[weekday] ?? [];
  if (hours.length === 0) return null;
  return { open: minutesOf(hours[0][0]), close: minutesOf(hours[hours.length - 1][1]) };
}

/**
 * Kiosk walk-ins of one site's day: minutes since opening, in order, by a non-homogeneous Poisson process
 * whose rate follows the simulator's office profile stretched over the site's span, `desks ×
 * WALK_INS_PER_DESK_HOUR` an hour on average.
 */
export function walkInMinutes({ span, desks, seed, stream = "" }) {
  const rng = new Prng(seed, `city-walk-ins ${stream}`);
  const slice = span / OFFICE_PROFILE.length;
  const mean = OFFICE_PROFILE.reduce((s, w) => s + w, 0) / OFFICE_PROFILE.length;
  const perHour = desks * WALK_INS_PER_DESK_HOUR;
  const out = [];
  OFFICE_PROFILE.forEach((weight, i) => {
    const perMinute = (perHour / 60) * (weight / mean);
    const to = (i + 1) * slice;
    for (let at = i * slice + rng.exponential(1 / perMinute); at < to; at += rng.exponential(1 / perMinute)) out.push(at);
  });
  return out;
}

/** One client's time at the desk, in minutes: log-normal around the configured minutes, as in the simulator. */
export function serviceMinutes(rng, configuredMinutes) {
  return rng.logNormal(configuredMinutes * SERVICE_RATIO, SERVICE_SIGMA);
}

/** The run's clock: office minutes since a site's opening → milliseconds since the run's start, at `speed`×. */
export function clock(speed) {
  return { msOf: (minutes) => (minutes * 60_000) / speed, minutesOf: (ms) => (ms * speed) / 60_000 };
}

/** Which weekday a run simulates, and how fast: the longest site day fills `minutes` (default: 60×). */
export function runSpeed(spans, minutes) {
  const longest = Math.max(...spans);
  return minutes === undefined ? 60 : longest / minutes;
}
