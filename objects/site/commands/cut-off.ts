// A manager lifts the closing cut-off of a matter for the rest of the local day: its walk-in tickets are
// given again whatever the forecast or the last-ticket time say, until the day ends. Stored with the day
// (objects/site/cut-off-overrides.ts), so a restart keeps it and the next day starts without it.
// The cut-off timer: at the minute a matter's cut-off comes (its last-ticket time, or the forecast crossing
// closing time) the alarm sends the kiosks and hall screens a frame, so "Na dziś zamknięte" shows on time
// though nobody took a ticket or called one; it is set again after each change of the queue.
import type { CutOffOverrideResponse } from "../../../protocol/api.ts";
import { fail } from "../../../protocol/errors.ts";
import type { QueueState } from "../../queue/model.ts";
import { isoLocal, nextLocalMidnight } from "../../queue/time.ts";
import { accept, type Change, type Decision, refuse } from "../change.ts";
import { overriddenOn, withOverride } from "../cut-off-overrides.ts";
import type { ConfiguredRead } from "../draft.ts";
import { forecastAt } from "../forecast.ts";
import { CUT_OFF_TIMER, clearTimer, setTimer, type TimerChange } from "../scheduler.ts";
import type { SiteIndex } from "../site-index.ts";
import { ViewBuilder } from "../views.ts";

/**
 * The cut-off timer as the site stands after a change (`state`: its queue then; `index`: its configuration
 * then), as the rows to write: due at the next minute a matter's cut-off comes, or cleared when none comes
 * today; nothing when the stored timer is already that (a command that does not move it writes no row).
 */
export function cutOffTimer(read: ConfiguredRead, state: QueueState = read.queue, index: SiteIndex = read.index): TimerChange[] {
  return cutOffTimerFrom(read, new ViewBuilder(index, state, read.durations, forecastAt(index, read.now, read.bookingsDue)));
}

/** The cut-off timer from the views over the site after the change (their forecast counting the bookings due as read). */
export function cutOffTimerFrom(read: ConfiguredRead, views: ViewBuilder): TimerChange[] {
  const at = views.nextCutOffAt(overriddenOn(read.cutOffOverrides, read.day));
  if (at === read.cutOffDue) return [];
  return [at === null ? clearTimer(CUT_OFF_TIMER) : setTimer(CUT_OFF_TIMER, "cut-off", at)];
}

/** The cut-off timer is due: every live view gets a frame (the matter now closed for today), and the next one is set. */
export function cutOffCame(read: ConfiguredRead): Change {
  return { live: true, timers: cutOffTimer(read) };
}

export function overrideCutOff(read: ConfiguredRead, matterId: string): Decision<CutOffOverrideResponse> {
  const { index, now, day } = read;
  if (!index.matters.has(matterId)) return refuse(fail("UNKNOWN_MATTER"));
  const until = isoLocal(nextLocalMidnight(now, index.config.timeZone), index.config.timeZone);
  // The kiosks and hall screens see the matter open again with the next frame.
  return accept({ matterId, until }, { cutOffOverrides: withOverride(read.cutOffOverrides, day, matterId), live: true });
}
