// Wrong check-in codes counted in a fixed window per key (a kiosk, a client address), so nobody can try
// codes at a kiosk until one fits. A plain value: the site stores one row per key.

/** Wrong codes counted for one key since `windowStart`. */
export interface AttemptWindow {
  key: string;
  windowStart: number;
  count: number;
}

export const ATTEMPT_WINDOW_MS = 10 * 60_000;
/** Wrong codes one kiosk may type in a window. */
export const KIOSK_WRONG_CODES = 20;
/** Wrong codes one client address may send in a window (several kiosks may share it). */
export const CLIENT_WRONG_CODES = 40;

/** The count that applies at `now`: none once its window has passed. */
export function current(w: AttemptWindow | null, now: number): number {
  return w && now < w.windowStart + ATTEMPT_WINDOW_MS ? w.count : 0;
}

/** One more wrong code for `key`: counted in the running window, or starting a new one. */
export function counted(key: string, w: AttemptWindow | null, now: number): AttemptWindow {
  return w && now < w.windowStart + ATTEMPT_WINDOW_MS ? { ...w, count: w.count + 1 } : { key, windowStart: now, count: 1 };
}
