// The queue's commands as decisions (R2-R5): a walk-in ticket, a clerk's desk command, a new configuration,
// a booking joining the queue, the alarm's recall of a missed ticket and the end of the day. Each reads the
// site and returns the rows to write; the commit path writes them.
import type { DeskActionResponse, DeskActor, DeskCommand, IssuedTicket } from "../../../protocol/api.ts";
import { allMatters, CheckedSiteConfig, configFailure } from "../../../protocol/config.ts";
import { fail } from "../../../protocol/errors.ts";
import type { AgentJob } from "../../../protocol/live.ts";
import { calendarOf } from "../../queue/calendar.ts";
import { describeStrandings, strandings } from "../../queue/config-change.ts";
import type { CutOffReason } from "../../queue/cut-off.ts";
import { alarmRecall, deskCommand, endOfDay } from "../../queue/desk-rules.ts";
import { walkInVerdict } from "../../queue/intake.ts";
import type { Desk, Outcome, Ticket } from "../../queue/model.ts";
import { stateAfter } from "../../queue/model.ts";
import { formatTicketNumber } from "../../queue/numbering.ts";
import { takenOn } from "../../queue/tally.ts";
import { isoLocal, localDate, localTime, nextLocalMidnight } from "../../queue/time.ts";
import { statisticsCutoff } from "../../statistics/retention.ts";
import { withoutSlot } from "../bookings-due.ts";
import { accept, type Change, type Decision, merge, refuse } from "../change.ts";
import { overriddenOn } from "../cut-off-overrides.ts";
import type { ConfiguredRead, Draft, SiteRead } from "../draft.ts";
import { forecastAt } from "../forecast.ts";
import { issuedTicket } from "../issued-ticket.ts";
import { randomToken } from "../random.ts";
import { clearTimer, END_OF_DAY_TIMER, recallTimerKey, setTimer, type Timer } from "../scheduler.ts";
import { indexSite, ruleContext, type SiteIndex } from "../site-index.ts";
import { newTicket, type TicketFlags } from "../tickets.ts";
import { ViewBuilder } from "../views.ts";
import { cutOffTimer, cutOffTimerFrom } from "./cut-off.ts";

const DAY_MS = 86_400_000;

/** A rule's outcome as rows: tickets with their recall timers, desks, calls with their announce jobs (where the site has voice). */
export function outcomeChange(index: SiteIndex, outcome: Outcome): Change {
  const timers = outcome.tickets.map((t) =>
    t.status === "missed" && t.recallAt !== null
      ? setTimer(recallTimerKey(t.id), "recall", t.recallAt, t.id)
      : clearTimer(recallTimerKey(t.id)),
  );
  const jobs: AgentJob[] = [];
  for (const c of outcome.calls) {
    const desk = index.desks.get(c.deskId);
    if (!index.config.voice || !desk) continue;
    jobs.push({
      id: `job_${randomToken(12)}`,
      kind: "announce",
      number: c.number,
      deskName: desk.name,
      deskNumber: desk.number,
      createdAt: new Date(c.at).toISOString(),
    });
  }
  return { tickets: outcome.tickets.map((ticket) => ({ ticket })), desks: outcome.desks, calls: outcome.calls, timers, jobs };
}

/**
 * A new ticket joins the queue (a walk-in, or a booking ordered by its reserved time), with its print job
 * when a kiosk took it. The answer shows who waits ahead and the estimate, as the ticket prints.
 */
export function admit(
  read: ConfiguredRead,
  ticket: Ticket,
  kioskId: string | null,
  before: ViewBuilder = new ViewBuilder(read.index, read.queue, read.durations, forecastAt(read.index, read.now, read.bookingsDue)),
): { issued: IssuedTicket; change: Change; views: ViewBuilder } {
  const { index } = read;
  const matter = index.matters.get(ticket.matterId);
  const next = stateAfter(read.queue, { tickets: [ticket], fresh: true });
  // A booking joining now is no longer due ahead of itself.
  const due = ticket.source === "booking" ? withoutSlot(read.bookingsDue, ticket.matterId, ticket.reservedAt) : read.bookingsDue;
  const views = before.joinedBy(next, due);
  const { issued, print, estimate } = issuedTicket(ticket, {
    // The people ahead are counted over the queue as it is: the ticket is not ahead of itself.
    queue: read.queue,
    views,
    config: index.config,
    publicUrl: read.settings.publicUrl,
    matterName: matter?.name ?? ticket.matterId,
    print: kioskId ? { kioskId, jobId: `job_${randomToken(12)}` } : null,
  });
  const jobs: AgentJob[] = print ? [print] : [];
  const estimates = [{ ticketId: ticket.id, ...estimate }];
  return { issued, change: { tickets: [{ ticket, kioskId, fresh: true }], jobs, estimates }, views };
}

/** The refusal's message: why the matter takes no more tickets today, with the time that decided it. */
function cutOffMessage(
  matter: { name: string; lastTicketAt?: string | undefined },
  reason: CutOffReason | null,
  closesAt: number | null,
  timeZone: string,
): string {
  const closing = closesAt === null ? "" : ` at ${isoLocal(closesAt, timeZone).slice(11, 16)}`;
  const why =
    reason === "last-ticket" && matter.lastTicketAt
      ? `its last ticket today was given before ${matter.lastTicketAt}`
      : `it could not be served before the office closes${closing}`;
  return `No more tickets of ${matter.name} today: ${why}. Book a visit.`;
}

/**
 * A walk-in ticket for a matter (R2), refused while the site is closed for a while (with its notice),
 * outside its hours that day, once the matter's daily cap is reached, when the matter is closed for today
 * (its last-ticket time, or no service could end before closing), or when no open desk serves it.
 */
export function walkIn(
  read: ConfiguredRead,
  draft: Draft,
  matterId: string,
  kioskId: string | null,
  flags: TicketFlags = { priority: false, interpreter: false },
): Decision<IssuedTicket> {
  const { index, now } = read;
  const matter = index.matters.get(matterId);
  if (!matter) return refuse(fail("UNKNOWN_MATTER"));
  const { config } = index;
  if (flags.priority && !config.priority.enabled) return refuse(fail("PRIORITY_UNAVAILABLE"));
  if (flags.interpreter && config.interpreterUrl === undefined) return refuse(fail("INTERPRETER_UNAVAILABLE"));
  const site = {
    calendar: calendarOf(config),
    closedTemporarily: config.closure !== null,
    configs: index.desks.values(),
    desks: read.queue.desks,
  };
  const taken = matter.dailyCap === undefined ? new Map<string, number>() : takenOn(read.queue, read.day);
  // The closing cut-off, unless a manager lifted it for today (a booking checking in is never cut off); a
  // priority ticket is forecast from its own place in the line.
  const forecast = forecastAt(index, now, read.bookingsDue);
  const views = new ViewBuilder(index, read.queue, read.durations, forecast);
  const cutOff = views.cutOff(matter.id, overriddenOn(read.cutOffOverrides, read.day).has(matter.id), flags.priority);
  const refusal = walkInVerdict(site, localTime(now, config.timeZone), matter, taken, cutOff);
  if (refusal === "SITE_CLOSED_TEMPORARILY" && config.closure) return refuse(fail(refusal, config.closure.message));
  if (refusal === "MATTER_CLOSED_FOR_TODAY")
    return refuse(fail(refusal, cutOffMessage(matter, cutOff, forecast.closesAt, config.timeZone)));
  if (refusal) return refuse(fail(refusal));
  const number = formatTicketNumber(matter.prefix, draft.nextNumber(read.day, matter.id));
  const ticket = newTicket(index.config.id, read.day, number, matter.id, now, null, flags);
  const admitted = admit(read, ticket, kioskId, views);
  // One more waiting: the forecast's cut-off may come sooner.
  return accept(admitted.issued, merge(draft.change(), merge(admitted.change, { timers: cutOffTimerFrom(read, admitted.views) })));
}

/** A clerk's or a manager's command at a desk (R4, R5). */
export function deskAction(
  read: ConfiguredRead,
  deskId: string,
  command: DeskCommand,
  actor: DeskActor,
  by: string | null = null,
): Decision<DeskActionResponse> {
  const { index } = read;
  const r = deskCommand(read.queue, ruleContext(index, read.now), deskId, command, actor);
  if (!r.ok) return refuse(fail(r.code));
  const next = stateAfter(read.queue, r.outcome);
  const views = new ViewBuilder(index, next, read.durations, forecastAt(index, read.now, read.bookingsDue));
  const desk = next.desks.get(deskId);
  if (!desk) return refuse(fail("UNKNOWN_DESK"));
  const t = r.outcome.ticketId ? next.tickets.get(r.outcome.ticketId) : undefined;
  // A desk opened, paused or moved the line: the forecast's cut-off moves with it.
  const change = merge(outcomeChange(index, r.outcome), { timers: cutOffTimerFrom(read, views) });
  return accept({ desk: views.desk(desk), ticket: t ? views.ticket(t) : null }, { ...change, actor: by });
}

/**
 * Sets (or replaces) the configuration; today's queue stays as it is. A change that would strand
 * people (objects/queue/config-change.ts) is refused with CONFIG_STRANDS_TICKETS, naming how many
 * tickets and which matter or desk, and nothing is stored. Desks new to the site start open.
 */
export function configure(read: SiteRead, input: unknown): Decision<null> {
  const parsed = CheckedSiteConfig.safeParse(input);
  if (!parsed.success) {
    const { code, message } = configFailure(parsed.error);
    return refuse(fail(code, message));
  }
  const config = parsed.data;
  const stranded = strandings(read.queue.tickets.values(), {
    matterIds: new Set(allMatters(config).map((m) => m.id)),
    desks: config.desks,
  });
  if (stranded.length) {
    const names = {
      matter: (id: string) => read.index?.matters.get(id)?.name ?? id,
      desk: (id: string) => read.index?.desks.get(id)?.name ?? id,
    };
    return refuse(fail("CONFIG_STRANDS_TICKETS", describeStrandings(stranded, names)));
  }
  const keep = new Set(config.desks.map((d) => d.id));
  const desks: Desk[] = config.desks.filter((d) => !read.queue.desks.has(d.id)).map((d) => ({ id: d.id, status: "open", ticketId: null }));
  const removedDesks = [...read.queue.desks.keys()].filter((id) => !keep.has(id));
  const change: Change = {
    config,
    removedDesks,
    desks,
    timers: [setTimer(END_OF_DAY_TIMER, "end-of-day", nextLocalMidnight(read.now, config.timeZone))],
  };
  // Hours and last-ticket times may have changed: the cut-off timer follows the new configuration.
  const index = indexSite(config);
  change.timers?.push(...cutOffTimer({ ...read, index }, read.queue, index));
  // The first configuration starts the site's first day.
  if (read.stores.site.getMeta("day") === null) change.day = localDate(read.now, config.timeZone);
  return accept(null, change);
}

/** The alarm calls a missed ticket again at its idle desk (R5); a no-op when that is no longer due. */
export function recall(read: ConfiguredRead, timer: Timer): Change {
  const outcome = timer.ref ? alarmRecall(read.queue, ruleContext(read.index, read.now), timer.ref) : null;
  return merge({ timers: [clearTimer(timer.key)] }, outcome ? outcomeChange(read.index, outcome) : {});
}

/**
 * The local date has changed: the previous day's open tickets close, desks are freed, and data older than
 * the office keeps goes (idempotency records and done jobs after two days, contact data and sent messages
 * after the retention). Null while the day is the same.
 */
export function dayEnd(read: ConfiguredRead): Change | null {
  const { index, now } = read;
  const today = localDate(now, index.config.timeZone);
  if (today <= read.day) return null;
  const outcome = endOfDay(read.queue, now, read.day);
  return merge(outcomeChange(index, outcome), {
    timers: [setTimer(END_OF_DAY_TIMER, "end-of-day", nextLocalMidnight(now, index.config.timeZone))],
    day: today,
    housekeeping: {
      pruneBefore: now - 2 * DAY_MS,
      retentionBefore: now - index.config.booking.retentionDays * DAY_MS,
      // The day that ends keeps its links through the grace after midnight (eticket-expiry.ts); earlier days lose them.
      ticketLinksBefore: read.day,
      statisticsBefore: statisticsCutoff(today, index.config.statisticsRetentionYears),
    },
  });
}

/** The end-of-day timer: the day has been closed before any timer runs; the next end is scheduled. */
export function nextDayEnd(read: ConfiguredRead): Change {
  return { timers: [setTimer(END_OF_DAY_TIMER, "end-of-day", nextLocalMidnight(read.now, read.index.config.timeZone))] };
}
