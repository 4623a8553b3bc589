// The site as the agent runs it while devices work locally: the replica the site object sent last, with the
// rows of every offline log entry it has not applied yet laid over it. Walk-ins and desk commands are
// decided by the very rules the site object runs (objects/queue, objects/site/views.ts); each decision comes
// back as a log entry, which the caller writes to disk first and then applies here (one path for both).

import { calendarOf } from "../../objects/queue/calendar.ts";
import { alarmRecall, deskCommand } from "../../objects/queue/desk-rules.ts";
import { prefixOf, walkInVerdict } from "../../objects/queue/intake.ts";
import { applyOutcome, type CallEvent, type Desk, type QueueState, type Ticket } from "../../objects/queue/model.ts";
import { formatTicketNumber } from "../../objects/queue/numbering.ts";
import { localDate, localTime } from "../../objects/queue/time.ts";
import { forecastAt } from "../../objects/site/forecast.ts";
import { issuedTicket } from "../../objects/site/issued-ticket.ts";
import { randomToken } from "../../objects/site/random.ts";
import { indexSite, ruleContext, type SiteIndex } from "../../objects/site/site-index.ts";
import { newTicket, type TicketFlags } from "../../objects/site/tickets.ts";
import { DISPLAY_CALLS, ViewBuilder } from "../../objects/site/views.ts";
import type { DeskActionResponse, DeskActor, DeskCommand, IssuedTicket } from "../../protocol/api.ts";
import type {
  ContinuityDesk,
  ContinuityReplica,
  ContinuityTicket,
  OfflineDeskAction,
  OfflineEntry,
  OfflineIssue,
} from "../../protocol/continuity.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import type { AnnounceJob, ClerkView, DeskScreenView, DisplayView, PrinterStatus, PrintJob } from "../../protocol/live.ts";
import { assertNever } from "../../protocol/live.ts";

/** Jobs the agent makes itself while working locally: printed and spoken, never acknowledged to the site. */
export const LOCAL_JOB_PREFIX = "local_";

export type Refusal = { ok: false; code: ErrorCode; message?: string };
export type Decided<T, E extends OfflineEntry> = { ok: true; answer: T; entry: E } | Refusal;

const NO_BOOKINGS: ReadonlyMap<string, readonly number[]> = new Map();

function refuse(code: ErrorCode, message?: string): Refusal {
  return message === undefined ? { ok: false, code } : { ok: false, code, message };
}

/** A ticket as the replica and the log carry it (without its e-ticket secret). */
export function continuityTicket(t: Ticket): ContinuityTicket {
  return {
    id: t.id,
    day: t.day,
    number: t.number,
    matterId: t.matterId,
    source: t.source,
    status: t.status,
    takenAt: t.takenAt,
    reservedAt: t.reservedAt,
    ...(t.priority ? { priority: true as const } : {}),
    ...(t.interpreter ? { interpreter: true as const } : {}),
    deskId: t.deskId,
    misses: t.misses,
    recallAt: t.recallAt,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
  };
}

function continuityDesk(d: Desk): ContinuityDesk {
  return { id: d.id, status: d.status, ticketId: d.ticketId, ...(d.pause ? { pause: d.pause } : {}) };
}

/** A replica or log row as the rules' Ticket; `token`: its e-ticket secret where the agent knows it. */
function ruleTicket(t: ContinuityTicket, token: string): Ticket {
  return { ...t, token };
}

export class LocalSite {
  readonly replica: ContinuityReplica;
  readonly index: SiteIndex;
  private tickets = new Map<string, Ticket>();
  private desks = new Map<string, Desk>();
  private recentCalls: CallEvent[];
  private readonly durations: ReadonlyMap<string, readonly number[]>;
  /** The highest number given out of each offline block, by `day|matterId`. */
  private readonly used = new Map<string, number>();
  /** Walk-ins issued here and not yet in the replica, by `day|prefix` (the daily caps count them). */
  private readonly issuedHere = new Map<string, number>();

  /** The state of `replica` with every entry above its `replayedThrough` laid over it; `all`: the whole log (for numbering). */
  constructor(replica: ContinuityReplica, all: readonly OfflineEntry[]) {
    this.replica = replica;
    this.index = indexSite(replica.config);
    for (const t of replica.tickets) this.tickets.set(t.id, ruleTicket(t, ""));
    for (const d of replica.desks) this.desks.set(d.id, { ...d });
    this.recentCalls = replica.recentCalls.slice(0, DISPLAY_CALLS);
    this.durations = new Map(Object.entries(replica.durations));
    // Numbers of the blocks already given out: by the tickets the site knows, and by every issue ever logged.
    for (const b of replica.blocks) {
      const prefix = this.index.matters.get(b.matterId)?.prefix;
      for (const t of replica.tickets) {
        if (t.day !== b.day || prefixOf(t.number) !== prefix) continue;
        const n = Number(t.number.slice(prefix.length));
        if (n >= b.first && n <= b.last) this.markUsed(b.day, b.matterId, n);
      }
    }
    for (const e of all) {
      if (e.type === "issue")
        this.markUsed(e.ticket.day, e.ticket.matterId, Number(e.ticket.number.slice(prefixOf(e.ticket.number).length)));
      if (e.seq > replica.replayedThrough) this.apply(e);
    }
  }

  private markUsed(day: string, matterId: string, n: number): void {
    const key = `${day}|${matterId}`;
    if (n > (this.used.get(key) ?? 0)) this.used.set(key, n);
  }

  get state(): QueueState {
    return { tickets: this.tickets, desks: this.desks };
  }

  /** Lays an entry's rows over the state (after it is on disk). */
  apply(e: OfflineEntry): void {
    switch (e.type) {
      case "issue": {
        const t = e.ticket;
        const { token, ...row } = t;
        this.tickets.set(t.id, ruleTicket(row, token));
        this.markUsed(t.day, t.matterId, Number(t.number.slice(prefixOf(t.number).length)));
        const key = `${t.day}|${prefixOf(t.number)}`;
        this.issuedHere.set(key, (this.issuedHere.get(key) ?? 0) + 1);
        return;
      }
      case "desk": {
        for (const t of e.tickets) this.tickets.set(t.id, ruleTicket(t, this.tickets.get(t.id)?.token ?? ""));
        for (const d of e.desks) this.desks.set(d.id, { ...d });
        if (e.calls.length) this.recentCalls = [...[...e.calls].reverse(), ...this.recentCalls].slice(0, DISPLAY_CALLS);
        return;
      }
      default:
        assertNever(e);
    }
  }

  private views(now: number, state: QueueState = this.state): ViewBuilder {
    return new ViewBuilder(this.index, state, this.durations, forecastAt(this.index, now, NO_BOOKINGS));
  }

  /** Walk-ins of the matter's prefix taken on `day`: the site's count in the replica plus those issued here. */
  private taken(day: string): Map<string, number> {
    const counts = new Map<string, number>();
    if (day === this.replica.day) for (const [p, n] of Object.entries(this.replica.walkInsTaken)) counts.set(p, n);
    for (const [key, n] of this.issuedHere) {
      const [d, p] = key.split("|");
      if (d === day && p !== undefined) counts.set(p, (counts.get(p) ?? 0) + n);
    }
    return counts;
  }

  /**
   * A walk-in (objects/site/commands/queue.ts walkIn, with the agent's numbers): refused for the same reasons
   * the site object refuses one; numbered from the agent's block of the day (OFFLINE_NUMBERS_USED_UP when
   * it has none left). `seq`: the log's next sequence number. With a kiosk, the ticket's print job too.
   */
  walkIn(
    matterId: string,
    kioskId: string | null,
    flags: TicketFlags,
    now: number,
    seq: number,
  ): Decided<{ issued: IssuedTicket; print: PrintJob | null }, OfflineIssue> {
    const { index } = this;
    const { config } = index;
    const matter = index.matters.get(matterId);
    if (!matter) return refuse("UNKNOWN_MATTER");
    if (flags.priority && !config.priority.enabled) return refuse("PRIORITY_UNAVAILABLE");
    if (flags.interpreter && config.interpreterUrl === undefined) return refuse("INTERPRETER_UNAVAILABLE");
    const day = localDate(now, config.timeZone);
    const site = {
      calendar: calendarOf(config),
      closedTemporarily: config.closure !== null,
      configs: index.desks.values(),
      desks: this.desks,
    };
    // (A manager's lifting of the closing cut-off is not in the replica: the cut-off holds offline.)
    const cutOff = this.views(now).cutOff(matter.id, false);
    const refusal = walkInVerdict(site, localTime(now, config.timeZone), matter, this.taken(day), cutOff);
    if (refusal === "SITE_CLOSED_TEMPORARILY" && config.closure) return refuse(refusal, config.closure.message);
    if (refusal) return refuse(refusal);
    const block = this.replica.blocks.find((b) => b.day === day && b.matterId === matter.id);
    const n = block ? Math.max(this.used.get(`${day}|${matter.id}`) ?? 0, block.first - 1) + 1 : null;
    if (!block || n === null || n > block.last) return refuse("OFFLINE_NUMBERS_USED_UP");

    const ticket = newTicket(config.id, day, formatTicketNumber(matter.prefix, n), matter.id, now, null, flags);
    const next = applyOutcome(this.state, { tickets: [ticket], desks: [], calls: [], deskId: null, ticketId: null });
    const { issued, print, estimate } = issuedTicket(ticket, {
      queue: next,
      views: this.views(now, next),
      config,
      publicUrl: this.replica.publicUrl,
      matterName: matter.name,
      print: kioskId ? { kioskId, jobId: `${LOCAL_JOB_PREFIX}${randomToken(12)}` } : null,
    });
    const entry: OfflineIssue = {
      type: "issue",
      seq,
      at: now,
      kioskId,
      ticket: { ...continuityTicket(ticket), token: ticket.token },
      estimate,
    };
    return { ok: true, answer: { issued, print }, entry };
  }

  /** A clerk's or a manager's desk command (objects/site/commands/queue.ts deskAction); `by`: who pressed it. */
  deskAction(
    deskId: string,
    command: DeskCommand,
    actor: DeskActor,
    by: string,
    now: number,
    seq: number,
  ): Decided<DeskActionResponse, OfflineDeskAction> {
    const r = deskCommand(this.state, ruleContext(this.index, now), deskId, command, actor);
    if (!r.ok) return refuse(r.code);
    const next = applyOutcome(this.state, r.outcome);
    const views = this.views(now, next);
    const desk = next.desks.get(deskId);
    if (!desk) return refuse("UNKNOWN_DESK");
    const t = r.outcome.ticketId ? next.tickets.get(r.outcome.ticketId) : undefined;
    const entry: OfflineDeskAction = {
      type: "desk",
      seq,
      at: now,
      deskId,
      command,
      by,
      tickets: r.outcome.tickets.map(continuityTicket),
      desks: r.outcome.desks.map(continuityDesk),
      calls: r.outcome.calls,
    };
    return { ok: true, answer: { desk: views.desk(desk), ticket: t ? views.ticket(t) : null }, entry };
  }

  /** The first missed ticket due for its recall at an idle desk, called again (objects/queue/desk-rules.ts alarmRecall). */
  dueRecall(now: number, seq: number): OfflineDeskAction | null {
    const ctx = ruleContext(this.index, now);
    for (const t of this.tickets.values()) {
      if (t.status !== "missed" || t.deskId === null || (t.recallAt ?? 0) > now) continue;
      const outcome = alarmRecall(this.state, ctx, t.id);
      if (!outcome || outcome.deskId === null || outcome.ticketId === null) continue;
      return {
        type: "desk",
        seq,
        at: now,
        deskId: outcome.deskId,
        command: { action: "call", ticketId: outcome.ticketId },
        by: "alarm",
        tickets: outcome.tickets.map(continuityTicket),
        desks: outcome.desks.map(continuityDesk),
        calls: outcome.calls,
      };
    }
    return null;
  }

  /** The calls of an entry as the hall's speakers say them (where the site has voice). */
  announcements(entry: OfflineEntry): AnnounceJob[] {
    if (entry.type !== "desk" || !this.index.config.voice) return [];
    return entry.calls.flatMap((c) => {
      const desk = this.index.desks.get(c.deskId);
      return desk
        ? [
            {
              id: `${LOCAL_JOB_PREFIX}${randomToken(12)}`,
              kind: "announce" as const,
              number: c.number,
              deskName: desk.name,
              deskNumber: desk.number,
              createdAt: new Date(c.at).toISOString(),
            },
          ]
        : [];
    });
  }

  display(now: number, printers: readonly PrinterStatus[]): DisplayView {
    return this.views(now).display(this.recentCalls, printers, localDate(now, this.index.config.timeZone));
  }

  deskScreen(now: number, deskId: string): DeskScreenView | null {
    return this.views(now).deskScreen(deskId);
  }

  clerk(now: number, deskId: string): ClerkView | null {
    return this.views(now).clerk(deskId, localDate(now, this.index.config.timeZone));
  }
}
