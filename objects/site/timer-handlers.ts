// What each kind of timer does when the alarm finds it due: one handler per kind (objects/site/scheduler.ts).
// Alarms come at least once, so every handler is idempotent: a timer whose work is done changes nothing.
import type { Change } from "./change.ts";
import { merge } from "./change.ts";
import { joinAtSlot, remind } from "./commands/bookings.ts";
import { cutOffCame, cutOffTimer } from "./commands/cut-off.ts";
import { nextDayEnd, recall } from "./commands/queue.ts";
import type { ConfiguredRead, Draft } from "./draft.ts";
import { clearTimer, type Timer, type TimerKind } from "./scheduler.ts";

type Handler = (read: ConfiguredRead, draft: Draft, timer: Timer) => Change;

const HANDLERS: { readonly [K in TimerKind]: Handler } = {
  recall: (read, _draft, timer) => recall(read, timer),
  "booking-join": joinAtSlot,
  "booking-remind": remind,
  // The send follows the alarm's write; the timer is then set again for what stays pending.
  outbox: (_read, _draft, timer) => ({ timers: [clearTimer(timer.key)] }),
  // The day has been closed before any timer runs; the next end is scheduled, and the new day's first cut-off.
  "end-of-day": (read) => merge(nextDayEnd(read), { timers: cutOffTimer(read) }),
  // Like the outbox: the sends follow the alarm's write, and the timer is set again for what stays due.
  push: (_read, _draft, timer) => ({ timers: [clearTimer(timer.key)] }),
  // A matter's cut-off has come: the screens are told, the next cut-off is set.
  "cut-off": (read) => cutOffCame(read),
};

export function handleTimer(read: ConfiguredRead, draft: Draft, timer: Timer): Change {
  return HANDLERS[timer.kind](read, draft, timer);
}
