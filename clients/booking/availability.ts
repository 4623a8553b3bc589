// Free slots of a site's matter for the next 62 days (the API's longest range), fetched once and shared
// by the site list (first free time) and the calendar; each day classified: free, full, or why not bookable.
import { useCallback, useEffect, useState } from "preact/hooks";
import type { Availability as ApiAvailability } from "../../protocol/api.ts";
import { call, errorCode } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";
import { addDays, officeToday } from "./dates.ts";

export interface Slot {
  /** ISO 8601 with the office's offset, as the API gives it: "2026-11-24T08:00:00+01:00". */
  start: string;
  free: number;
}

export type DayStatus = "free" | "full" | "today-over" | "closed" | "past" | "beyond";

export interface DayInfo {
  date: string;
  status: DayStatus;
  /** The slots with room left. */
  slots: Slot[];
}

export interface Availability {
  from: string;
  to: string;
  days: ReadonlyMap<string, DayInfo>;
  firstFree: Slot | null;
}

const RANGE_DAYS = 62;
/** Data older than this is fetched again when a step opens (others may have booked meanwhile). */
export const FRESH_MS = 30_000;

/** Classifies the API's days: a date without slots after the last date with any is beyond the horizon. */
export function classify(from: string, to: string, raw: ApiAvailability): Availability {
  const lastWithSlots = raw.days.filter((d) => d.slots.length > 0).at(-1)?.date ?? "";
  const days = new Map<string, DayInfo>();
  let firstFree: Slot | null = null;
  for (const d of raw.days) {
    const slots = d.slots.filter((s) => s.free > 0);
    firstFree ??= slots[0] ?? null;
    const status: DayStatus = slots.length
      ? "free"
      : d.slots.length
        ? "full"
        : d.date === from
          ? "today-over"
          : d.date > lastWithSlots
            ? "beyond"
            : "closed";
    days.set(d.date, { date: d.date, status, slots });
  }
  return { from, to, days, firstFree };
}

/** A date's status, also for dates outside the fetched range. */
export function dayStatus(a: Availability, date: string): DayInfo {
  return a.days.get(date) ?? { date, status: date < a.from ? "past" : "beyond", slots: [] };
}

const cache = new Map<string, { at: number; data: Promise<Availability> }>();

export function loadAvailability(siteId: string, matterId: string, maxAgeMs = FRESH_MS): Promise<Availability> {
  const key = `${siteId}/${matterId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.data;
  const from = officeToday();
  const to = addDays(from, RANGE_DAYS - 1);
  const data = call("availability", { params: { siteId }, query: { matterId, from, to } }).then((raw) => classify(from, to, raw));
  cache.set(key, { at: Date.now(), data });
  data.catch(() => cache.delete(key));
  return data;
}

/** Drops what is known of a site's matter (after a slot turned out to be taken). */
export function forgetAvailability(siteId: string, matterId: string): void {
  cache.delete(`${siteId}/${matterId}`);
}

export interface AvailabilityState {
  data: Availability | null;
  error: ClientErrorCode | null;
  reload: () => void;
}

export function useAvailability(siteId: string, matterId: string): AvailabilityState {
  const [state, setState] = useState<{ data: Availability | null; error: ClientErrorCode | null }>({ data: null, error: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null });
    loadAvailability(siteId, matterId).then(
      (data) => live && setState({ data, error: null }),
      (err: unknown) => live && setState({ data: null, error: errorCode(err) }),
    );
    return () => {
      live = false;
    };
  }, [siteId, matterId, round]);
  const reload = useCallback(() => {
    forgetAvailability(siteId, matterId);
    setRound((r) => r + 1);
  }, [siteId, matterId]);
  return { ...state, reload };
}
