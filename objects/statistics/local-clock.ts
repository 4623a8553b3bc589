// The office's wall clock for many instants at once: the zone's offset is looked up once per zone and
// quarter hour (zones change their offset only on quarter hours; Intl is slow for a year of visits).
import { zoneOffsetMs } from "../queue/time.ts";

const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

export function offsetAt(epochMs: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(epochMs / QUARTER_MS);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    if (zone.size > 50_000) zone.clear();
    offset = zoneOffsetMs(quarter * QUARTER_MS, timeZone);
    zone.set(quarter, offset);
  }
  return offset;
}

/** The local hour 0–23. */
export function hourOf(epochMs: number, timeZone: string): number {
  return new Date(epochMs + offsetAt(epochMs, timeZone)).getUTCHours();
}

/** The local date YYYY-MM-DD. */
export function localDateOf(epochMs: number, timeZone: string): string {
  return new Date(epochMs + offsetAt(epochMs, timeZone)).toISOString().slice(0, 10);
}

/** The local date and time "YYYY-MM-DD HH:MM". */
export function localDateTimeOf(epochMs: number, timeZone: string): string {
  return new Date(epochMs + offsetAt(epochMs, timeZone)).toISOString().slice(0, 16).replace("T", " ");
}

/** The instant of a wall-clock time of a local date (a time skipped by summer time moves forward). */
export function instantOf(day: string, minutes: number, timeZone: string): number {
  const guess = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  return guess - offsetAt(guess - offsetAt(guess, timeZone), timeZone);
}
