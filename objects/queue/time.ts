// Local calendar of a site: ticket numbering restarts every local day.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  date: string; // YYYY-MM-DD
  weekday: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
  minutes: number; // minutes since local midnight
}

/**
 * The zone's rules are asked at most once per zone and UTC minute: offsets are whole minutes and change
 * only at whole minutes (today's zones; some zones' local mean time before about 1900 was not), so every
 * instant of one UTC minute has the same local minute and offset. Asking Intl costs tens of microseconds,
 * and a walk-in and its flush asked it dozens of times for the same minute.
 */
const MEMO_LIMIT = 512;
const localTimes = new Map<string, LocalTime>();
const offsets = new Map<string, number>();

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const v = make();
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, v);
  return v;
}

const minuteKey = (epochMs: number, timeZone: string): string => `${timeZone}|${Math.floor(epochMs / 60_000)}`;

export function localTime(epochMs: number, timeZone: string): LocalTime {
  return memo(localTimes, minuteKey(epochMs, timeZone), () => Object.freeze(askLocalTime(epochMs, timeZone)));
}

function askLocalTime(epochMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: (parts.weekday ?? "Mon").toLowerCase().slice(0, 3) as LocalTime["weekday"],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function localDate(epochMs: number, timeZone: string): string {
  return localTime(epochMs, timeZone).date;
}

/** Offset of the zone from UTC at an instant, in ms (Warsaw: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  return memo(offsets, minuteKey(epochMs, timeZone), () => askOffset(epochMs, timeZone));
}

function askOffset(epochMs: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a local wall-clock time happens (DST-aware; a time skipped by DST moves forward). */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, 0, minutes);
  let t = guess - zoneOffsetMs(guess, timeZone);
  t = guess - zoneOffsetMs(t, timeZone);
  return t;
}

/** The first instant of the next local day after `epochMs`. */
export function nextLocalMidnight(epochMs: number, timeZone: string): number {
  const today = localDate(epochMs, timeZone);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return zonedInstant(next, 0, timeZone);
}

/** ISO 8601 with the zone's offset, e.g. 2026-11-23T09:30:00+01:00. */
export function isoLocal(epochMs: number, timeZone: string): string {
  const off = zoneOffsetMs(epochMs, timeZone);
  const local = new Date(epochMs + off).toISOString().slice(0, 19);
  const sign = off >= 0 ? "+" : "-";
  const abs = Math.abs(off) / 60000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
