// One alarm, many timers: the `timers` table of a site object. Timer kinds are a closed list; each kind
// has one handler (objects/site/timer-handlers.ts). A row of a kind this version does not know (written by
// a newer one, before a rollback) is logged and kept, and does not drive the alarm.

export const TIMER_KINDS = [
  /** A missed ticket is called again at its idle desk (R5). */
  "recall",
  /** A booking joins the queue at its slot (R7, sites that check in automatically). */
  "booking-join",
  /** A reminder the day before or shortly before a visit (R9). */
  "booking-remind",
  /** The earliest pending SMS or e-mail of the outbox (a send or a retry). */
  "outbox",
  /** The end of the local day: the queue closes, the next day starts numbering at 1. */
  "end-of-day",
  /** The earliest browser notification due on an e-ticket's push subscription (a send or a retry). */
  "push",
  /** The next minute a matter's closing cut-off comes (its last-ticket time, or the forecast crossing closing). */
  "cut-off",
] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export interface Timer {
  key: string;
  kind: TimerKind;
  dueAt: number;
  ref: string | null;
}

/** Set a timer (due at `dueAt`), or clear it (`dueAt` null). */
export type TimerChange = Timer | { key: string; dueAt: null };

export function isTimerKind(kind: string): kind is TimerKind {
  return (TIMER_KINDS as readonly string[]).includes(kind);
}

/** The one timer of the outbox and of the day's end. */
export const OUTBOX_TIMER = "outbox";
export const END_OF_DAY_TIMER = "eod";
/** The one timer of the e-tickets' browser notifications. */
export const PUSH_TIMER = "push";
/** The one timer of the closing cut-off: the kiosks and hall screens are told at its minute. */
export const CUT_OFF_TIMER = "cut-off";

export const setTimer = (key: string, kind: TimerKind, dueAt: number, ref: string | null = null): Timer => ({ key, kind, dueAt, ref });
export const clearTimer = (key: string): TimerChange => ({ key, dueAt: null });

export const recallTimerKey = (ticketId: string): string => `recall:${ticketId}`;
