// What each kind of client shows, built from the queue state. Pure: no storage, no sockets.
import type { DeskView, ETicketView, TicketView } from "../../protocol/api.ts";
import type { CallView, ClerkView, DeskScreenView, DisplayView, PrinterStatus, WaitingCount } from "../../protocol/live.ts";
import { openDesksFor } from "../queue/availability.ts";
import { calendarOf, hoursOn } from "../queue/calendar.ts";
import { type CutOffReason, cutOffClosing, cutOffReason, lastTicketPassed, minutesOf } from "../queue/cut-off.ts";
import { servedAt } from "../queue/desk-day.ts";
import { estimateWaitMinutes } from "../queue/estimate.ts";
import { capReached } from "../queue/intake.ts";
import type { CallEvent, Desk, QueueState, Ticket } from "../queue/model.ts";
import { aheadOfNewWalkIn, deskQueue, missedAtDesk, priorityOrderOf, waitingAheadAll } from "../queue/order.ts";
import { takenOn, waitingTally } from "../queue/tally.ts";
import { isoLocal, localDate, localTime } from "../queue/time.ts";
import { type Forecast, type LineForecast, lineForecast, queueLineCalls, queueLineCallsOf } from "../queue/wait-forecast.ts";
import { lineWaitRange, rangeMiddle, type WaitRange } from "../queue/wait-range.ts";
import { hallSite, officeWeek } from "./hall-site.ts";
import type { SiteIndex } from "./site-index.ts";

/** The hall screens show this many calls. */
export const DISPLAY_CALLS = 8;
/** The clerk console lists at most this many waiting tickets. */
export const CLERK_WAITING = 50;
/** An e-ticket names at most this many numbers being served now (a phone's frame stays small). */
export const ETICKET_SERVING = 8;
/**
 * An e-ticket names the numbers being served now once at most this many people are ahead of it (and while
 * it waits to be called again after a miss): near the turn they tell the holder how close the desks are,
 * as the hall screen does. Further back they would change on every call for the whole line while the
 * holder's own place and wait say more, so the list is left out there, and a call wakes only the phones
 * whose own view changed.
 */
export const ETICKET_SERVING_AHEAD = 10;

export class ViewBuilder {
  private ahead: Map<string, number> | null = null;
  private serving = new Map<string, string[]>();
  private calls: Map<string, number[]> | null = null;
  /** The closing the cut-off counts with (objects/queue/cut-off.ts), once per builder. */
  private cutOffClosesAt: { at: number | null } | null = null;
  private walkInsWaiting: ReadonlyMap<string, number> | null = null;
  private lines = new Map<string, LineForecast>();
  /** Per line, its ranges for any number of people ahead (samples sorted once per line, not per ticket). */
  private lineRanges = new Map<string, (ahead: number) => WaitRange>();

  private readonly index: SiteIndex;
  private readonly state: QueueState;
  private readonly durations: ReadonlyMap<string, readonly number[]>;
  private readonly forecast: Forecast;

  // (Plain fields, not parameter properties: the print agent runs these rules in Node, which only strips types.)
  constructor(index: SiteIndex, state: QueueState, durations: ReadonlyMap<string, readonly number[]>, forecast: Forecast) {
    this.index = index;
    this.state = state;
    this.durations = durations;
    this.forecast = forecast;
  }

  /**
   * The views over the queue after tickets joined it that nobody has called yet (a walk-in, a booking
   * checking in) and nothing else changed (the desks as they were): the lines' calls of the last hour are
   * the same, so they are not gathered again; with the same bookings due, neither are the lines' forecasts
   * and ranges. Read before the change is written: `state` is read through the queue before it.
   */
  joinedBy(state: QueueState, bookingsDue: Forecast["bookingsDue"] = this.forecast.bookingsDue): ViewBuilder {
    const same = bookingsDue === this.forecast.bookingsDue;
    const after = new ViewBuilder(this.index, state, this.durations, same ? this.forecast : { ...this.forecast, bookingsDue });
    after.calls = this.calls;
    if (same) {
      after.lines = this.lines;
      after.lineRanges = this.lineRanges;
      after.cutOffClosesAt = this.cutOffClosesAt;
    }
    return after;
  }

  private iso(ms: number | null): string | null {
    return ms === null ? null : this.at(ms);
  }

  private at(ms: number): string {
    return isoLocal(ms, this.index.config.timeZone);
  }

  ticket(t: Ticket): TicketView {
    return {
      id: t.id,
      number: t.number,
      matterId: t.matterId,
      source: t.source,
      status: t.status,
      takenAt: this.at(t.takenAt),
      deskId: t.deskId,
      misses: t.misses,
      recallAt: this.iso(t.recallAt),
      calledAt: this.iso(t.calledAt),
      ...ticketMarks(t),
    };
  }

  desk(d: Desk): DeskView {
    const cfg = this.index.desks.get(d.id);
    const cur = d.ticketId ? this.state.tickets.get(d.ticketId) : undefined;
    const view: DeskView = {
      id: d.id,
      name: cfg?.name ?? d.id,
      status: d.status,
      matterIds: cfg?.matterIds ?? [],
      ticket: cur ? this.ticket(cur) : null,
    };
    if (d.pause) view.pauseReason = d.pause.reason;
    return view;
  }

  /** People ahead of a waiting ticket in its queue (null once it is not waiting). */
  waitingAhead(t: Ticket): number | null {
    if (t.status !== "waiting") return null;
    this.ahead ??= waitingAheadAll(this.state.tickets.values(), priorityOrderOf(this.index.config.priority));
    return this.ahead.get(t.id) ?? 0;
  }

  estimate(t: Ticket, ahead: number | null = this.waitingAhead(t)): number | null {
    if (ahead === null) return null;
    const matter = this.index.matters.get(t.matterId);
    const openDesks = t.deskId !== null ? 1 : openDesksFor(t.matterId, this.index.desks.values(), this.state.desks);
    return estimateWaitMinutes({
      ahead,
      serviceMinutes: matter?.serviceMinutes ?? 10,
      openDesks,
      observedMs: this.durations.get(t.matterId) ?? [],
    });
  }

  /** A line's forecast (a matter, or a ticket sent to one desk), worked out once per view. */
  private line(matterId: string, deskId: string | null): LineForecast {
    const key = `${matterId}|${deskId ?? ""}`;
    let known = this.lines.get(key);
    if (!known) {
      known = lineForecast(
        {
          matterId,
          deskId,
          serviceMinutes: this.index.matters.get(matterId)?.serviceMinutes ?? 10,
          observedMs: this.durations.get(matterId) ?? [],
          calledAt: this.lineCalls(matterId),
        },
        this.forecast,
        this.index.desks.values(),
        this.state.desks,
      );
      this.lines.set(key, known);
    }
    return known;
  }

  /** The ranges of a line for any number of people ahead, worked out once per view. */
  private rangesOf(matterId: string, deskId: string | null): (ahead: number) => WaitRange {
    const key = `${matterId}|${deskId ?? ""}`;
    let known = this.lineRanges.get(key);
    if (!known) {
      known = lineWaitRange(this.line(matterId, deskId));
      this.lineRanges.set(key, known);
    }
    return known;
  }

  /** The wait range of a waiting ticket (null once it is not waiting). */
  range(t: Ticket, ahead: number | null = this.waitingAhead(t)): WaitRange | null {
    if (ahead === null) return null;
    return this.rangesOf(t.matterId, t.deskId)(ahead);
  }

  /**
   * When the matter's tickets were called in the last hour: from the tally, that matter's calls alone (each
   * line is worked out once per view); without one, every matter's at once, once per builder.
   */
  private lineCalls(matterId: string): readonly number[] {
    if (this.state.tally) return queueLineCallsOf(this.state, matterId, this.forecast.now);
    this.calls ??= queueLineCalls(this.state, this.forecast.now);
    return this.calls.get(matterId) ?? [];
  }

  /** The range a walk-in taking a ticket for the matter now would be shown (behind everyone waiting for it). */
  newTicketRange(matterId: string): WaitRange {
    this.walkInsWaiting ??= waitingTally(this.state).waitingUnassigned;
    return this.rangesOf(matterId, null)(this.walkInsWaiting.get(matterId) ?? 0);
  }

  /**
   * The range a priority walk-in taking a ticket for the matter now would be shown: from its own place in
   * the site's priority order (behind the bookings due and the priority tickets waiting), not the line's end.
   */
  private newPriorityRange(matterId: string): WaitRange {
    const ahead = aheadOfNewWalkIn(
      matterId,
      true,
      this.forecast.now,
      this.state.tickets.values(),
      priorityOrderOf(this.index.config.priority),
    );
    return this.rangesOf(matterId, null)(ahead);
  }

  /** The closing the cut-off counts with (objects/queue/cut-off.ts), worked out once per builder. */
  private cutOffClosing(): number | null {
    const c = this.index.config;
    this.cutOffClosesAt ??= {
      at: cutOffClosing(hoursOn(calendarOf(c), localDate(this.forecast.now, c.timeZone)), this.forecast.closesAt),
    };
    return this.cutOffClosesAt.at;
  }

  /**
   * Why a walk-in ticket of the matter taken now is refused by the closing cut-off (objects/queue/cut-off.ts),
   * or null; `overridden`: a manager lifted the matter's cut-off for today (then null, whatever the reason);
   * `priority`: the ticket would be a priority one, forecast from its own place in the line (the
   * last-ticket time holds for everyone).
   */
  cutOff(matterId: string, overridden = false, priority = false): CutOffReason | null {
    const matter = this.index.matters.get(matterId);
    if (!matter) return null;
    const c = this.index.config;
    const { now } = this.forecast;
    return cutOffReason({
      now,
      localMinutes: localTime(now, c.timeZone).minutes,
      lastTicketAt: matter.lastTicketAt,
      closesAt: this.cutOffClosing(),
      earliestCallMinutes: (priority ? this.newPriorityRange(matterId) : this.newTicketRange(matterId)).low,
      serviceMinutes: matter.serviceMinutes,
      overridden,
    });
  }

  /**
   * The next minute at which a matter's cut-off comes with nothing else happening, or null: its last-ticket
   * time, or the minute the forecast crosses closing time (for a normal ticket, and for a priority one where
   * the site has priority service). Matters already closed for today, or whose cut-off a manager lifted,
   * have none. The forecast's minute is worked out from the range now; the alarm asks again when it comes.
   */
  nextCutOffAt(overridden: ReadonlySet<string> = new Set()): number | null {
    const c = this.index.config;
    const { now } = this.forecast;
    // Local minutes start with UTC's (zones are whole minutes off UTC).
    const minuteStart = Math.floor(now / 60_000) * 60_000;
    const localMinutes = localTime(now, c.timeZone).minutes;
    const priority = c.priority.enabled;
    let next: number | null = null;
    const consider = (at: number) => {
      if (at > now && (next === null || at < next)) next = at;
    };
    for (const m of this.index.matters.values()) {
      if (overridden.has(m.id)) continue;
      if (m.lastTicketAt !== undefined && !lastTicketPassed(m.lastTicketAt, localMinutes))
        consider(minuteStart + (minutesOf(m.lastTicketAt) - localMinutes) * 60_000);
      const closesAt = this.cutOffClosing();
      if (closesAt === null) continue;
      for (const prio of priority ? [false, true] : [false]) {
        if (this.cutOff(m.id, false, prio) !== null) continue;
        const range = prio ? this.newPriorityRange(m.id) : this.newTicketRange(m.id);
        // Refused from the first moment `now + (low + service)` is past closing (a service ending exactly at
        // closing is still given): the millisecond after that moment, within the minute it comes.
        const crossing = closesAt - (range.low + m.serviceMinutes) * 60_000;
        if (crossing >= now) consider(crossing + 1);
      }
    }
    return next;
  }

  /**
   * A ticket as its holder sees it; `notify`: the holder's SMS request, if any (never its number). Only what
   * concerns the holder: a call elsewhere changes it only when it moves the ticket, changes its wait, or
   * changes the numbers served now while the ticket is near its turn (ETICKET_SERVING_AHEAD).
   */
  eticket(t: Ticket, notify?: { ahead: number; sent: boolean }): ETicketView {
    const ahead = this.waitingAhead(t);
    const range = this.range(t, ahead);
    const view: ETicketView = {
      number: t.number,
      matterName: this.index.matters.get(t.matterId)?.name ?? t.matterId,
      siteName: this.index.config.name,
      status: t.status,
      waitingAhead: ahead,
      estimatedWaitMinutes: range ? rangeMiddle(range) : null,
      estimatedWait: range,
      misses: t.misses,
    };
    const matter = this.index.matters.get(t.matterId);
    if (matter?.nameEn) view.matterNameEn = matter.nameEn;
    if (matter?.nameUk) view.matterNameUk = matter.nameUk;
    if (t.deskId !== null && (t.status === "called" || t.status === "serving")) {
      view.deskName = this.index.desks.get(t.deskId)?.name ?? t.deskId;
    }
    if (t.status === "missed" && t.recallAt !== null) view.recallAt = this.at(t.recallAt);
    if (notify) view.notify = { ahead: notify.ahead, sent: notify.sent };
    if (t.priority) view.priority = true;
    if (t.status === "missed" || (ahead !== null && ahead <= ETICKET_SERVING_AHEAD)) view.servingNow = this.servingNow(t.matterId);
    return view;
  }

  /** The numbers called or served now at the desks that serve a matter, in the desks' order (one list per matter a turn). */
  servingNow(matterId: string): string[] {
    const known = this.serving.get(matterId);
    if (known) return known;
    const numbers: string[] = [];
    for (const cfg of this.index.config.desks) {
      if (!cfg.matterIds.includes(matterId)) continue;
      const id = this.state.desks.get(cfg.id)?.ticketId;
      const cur = id ? this.state.tickets.get(id) : undefined;
      if (cur && (cur.status === "called" || cur.status === "serving") && !numbers.includes(cur.number)) numbers.push(cur.number);
      if (numbers.length === ETICKET_SERVING) break;
    }
    this.serving.set(matterId, numbers);
    return numbers;
  }

  call(c: CallEvent): CallView {
    const cfg = this.index.desks.get(c.deskId);
    return {
      ticketId: c.ticketId,
      number: c.number,
      deskId: c.deskId,
      deskName: cfg?.name ?? c.deskId,
      deskNumber: cfg?.number ?? 0,
      at: this.at(c.at),
      attempt: c.attempt,
      matterId: this.state.tickets.get(c.ticketId)?.matterId ?? null,
      ...(this.state.tickets.get(c.ticketId)?.priority ? { priority: true as const } : {}),
    };
  }

  /**
   * The hall screens' (and kiosks') view; `day`: the site's local day, whose walk-ins the daily caps count;
   * `overridden`: the matters whose closing cut-off a manager lifted today.
   */
  display(
    recentCalls: readonly CallEvent[],
    printers: readonly PrinterStatus[],
    day: string,
    overridden: ReadonlySet<string> = new Set(),
  ): DisplayView {
    const counts = waitingTally(this.state).waiting;
    const taken = takenOn(this.state, day);
    return {
      siteName: this.index.config.name,
      site: hallSite(this.index, day),
      calls: recentCalls.slice(0, DISPLAY_CALLS).map((c) => this.call(c)),
      waiting: [...this.index.matters.values()].map((m) => {
        const w: WaitingCount = {
          matterId: m.id,
          count: counts.get(m.id) ?? 0,
          open: openDesksFor(m.id, this.index.desks.values(), this.state.desks) > 0,
          range: this.newTicketRange(m.id),
        };
        if (capReached(m, taken)) w.capReached = true;
        if (this.cutOff(m.id, overridden.has(m.id)) !== null) {
          w.closedForToday = true;
          if (this.index.config.priority.enabled && this.cutOff(m.id, false, true) === null) w.priorityOpen = true;
        }
        return w;
      }),
      desks: this.index.config.desks.map((cfg) => {
        const d = this.state.desks.get(cfg.id);
        const cur = d?.ticketId ? this.state.tickets.get(d.ticketId) : undefined;
        return {
          id: cfg.id,
          name: cfg.name,
          status: d?.status ?? "open",
          number: cur?.number ?? null,
          ...(cur?.priority ? { priority: true as const } : {}),
        };
      }),
      printers: [...printers],
      hours: officeWeek(this.index, day),
    };
  }

  deskScreen(deskId: string): DeskScreenView | null {
    const cfg = this.index.desks.get(deskId);
    const d = this.state.desks.get(deskId);
    if (!cfg || !d) return null;
    const cur = d.ticketId ? this.state.tickets.get(d.ticketId) : undefined;
    const view: DeskScreenView = { desk: { id: cfg.id, name: cfg.name, status: d.status }, number: cur?.number ?? null };
    if (cur?.priority) view.priority = true;
    if (d.pause) view.desk.pauseReason = d.pause.reason;
    return view;
  }

  /** A desk's console; `day`: the site's local day, whose services it counts. */
  clerk(deskId: string, day: string): ClerkView | null {
    const cfg = this.index.desks.get(deskId);
    const d = this.state.desks.get(deskId);
    if (!cfg || !d) return null;
    const cur = d.ticketId ? this.state.tickets.get(d.ticketId) : undefined;
    const c = this.index.config;
    return {
      desk: this.desk(d),
      site: {
        name: c.name,
        matters: [...this.index.matters.values()].map((m) => ({ id: m.id, name: m.name })),
        desks: c.desks.map((x) => ({ id: x.id, name: x.name })),
        ...(c.interpreterUrl ? { interpreterUrl: c.interpreterUrl } : {}),
      },
      waiting: deskQueue(cfg, this.state.tickets.values(), priorityOrderOf(c.priority))
        .slice(0, CLERK_WAITING)
        .map((t) => this.ticket(t)),
      missed: missedAtDesk(deskId, this.state.tickets.values()).map((t) => this.ticket(t)),
      since: this.iso(cur ? (cur.startedAt ?? cur.calledAt) : null),
      servedToday: servedAt(deskId, day, this.state.tickets.values()),
    };
  }
}

/** A ticket's priority and interpreter marks, present only when set (issue 14). */
function ticketMarks(t: Ticket): Pick<TicketView, "priority" | "interpreter"> {
  return { ...(t.priority ? { priority: true } : {}), ...(t.interpreter ? { interpreter: true } : {}) };
}
