// The site actor: one Durable Object per office site. It serialises every ticket and call,
// keeps the truth in its SQLite storage and pushes changes to sockets. The rules live in
// queue/ (pure functions); this class validates, stores, broadcasts, in that order.
import { DurableObject } from "cloudflare:workers";
import type {
  BookingSummary, DeskActionResponse, DeskCommand, ETicketNotifyResponse, ETicketView, IssuedTicket, QueueResponse, SiteMessage, SiteMessagesQuery,
} from "../protocol/api.ts";
import { SiteConfig, siteConfigProblems } from "../protocol/config.ts";
import type { Result } from "../protocol/errors.ts";
import { fail, ok } from "../protocol/errors.ts";
import type { ClientMessage, RoleView } from "../protocol/live.ts";
import { ClientMessage as ClientMessageSchema, PING, PONG, assertNever } from "../protocol/live.ts";
import type { Env } from "../worker/env.ts";
import { walkInRefusal } from "./queue/availability.ts";
import { holidayName } from "./booking/holidays.ts";
import { alarmRecall, deskCommand, endOfDay } from "./queue/desk-rules.ts";
import type { CallEvent, Outcome, QueueState, Ticket } from "./queue/model.ts";
import { applyOutcome, isActive } from "./queue/model.ts";
import { formatTicketNumber } from "./queue/numbering.ts";
import { aheadOf } from "./queue/order.ts";
import { localDate, localTime, nextLocalMidnight } from "./queue/time.ts";
import { BookingDesk, type DeskHost, type OutboxListing } from "./site/booking-desk.ts";
import type { Availability, BookingRequest, Confirmation } from "./site/bookings.ts";
import { type Idempotency, replay } from "./site/idempotency.ts";
import { type LiveAttachment, LiveHub, send } from "./site/live-hub.ts";
import { liveAttachment } from "./site/live-request.ts";
import { storedPrinters, withPrinterReport } from "./site/printers.ts";
import { randomToken } from "./site/random.ts";
import { SITE_MIGRATIONS, migrate } from "./site/schema.ts";
import { type SiteIndex, indexSite, ruleContext } from "./site/site-index.ts";
import { SiteStore } from "./site/store.ts";
import { eticketUrl, kioskOf, newTicket } from "./site/tickets.ts";
import { DISPLAY_CALLS, ViewBuilder } from "./site/views.ts";

/** Who asked: the Worker authenticates and passes this along. */
export interface Principal {
  id: string;
  role: "manager" | "clerk" | "kiosk" | "display" | "agent";
  deviceId?: string;
}

const MAX_FRAME = 4096;
const DAY_MS = 86_400_000;
const AGENT_JOBS = 100;

export class SiteQueue extends DurableObject<Env> {
  private readonly store: SiteStore;
  private readonly hub: LiveHub;
  /** Bookings and the outbox of SMS and e-mails (tests swap a provider through runInDurableObject). */
  readonly desk: BookingDesk;
  private index: SiteIndex | null = null;
  private state: QueueState = { tickets: new Map(), desks: new Map() };
  private byToken = new Map<string, string>();
  private durations = new Map<string, number[]>();
  private recentCalls: CallEvent[] = [];
  private seq = 0;
  private day = "";
  private alarmAt: number | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new SiteStore(ctx.storage.sql);
    this.hub = new LiveHub(ctx, () => this.seq, () => this.viewSource());
    this.desk = new BookingDesk(this.deskHost(), env);
    // Keep-alive pings are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage, SITE_MIGRATIONS);
      this.load();
      this.alarmAt = await ctx.storage.getAlarm();
      // A timer written just before the object stopped (a message to send) gets its alarm now.
      await this.armAlarm(Date.now());
    });
  }

  /** Rebuilds everything held in memory from SQLite: after eviction or hibernation nothing is lost. */
  private load(): void {
    const config = this.store.config();
    this.index = config ? indexSite(config) : null;
    this.seq = this.store.seq();
    const tz = config?.timeZone ?? "Europe/Warsaw";
    this.day = this.store.getMeta("day") ?? localDate(Date.now(), tz);
    const tickets = this.store.loadTickets(this.day);
    this.state = {
      tickets: new Map(tickets.map((t) => [t.id, t])),
      desks: new Map(this.store.loadDesks().map((d) => [d.id, d])),
    };
    this.byToken = new Map(tickets.map((t) => [t.token, t.id]));
    this.durations = this.store.serviceDurations(this.day);
    this.recentCalls = this.store.recentCalls(DISPLAY_CALLS);
    this.desk.notifier.load();
  }

  // ---- configuration ------------------------------------------------------------

  /** Sets (or replaces) the site's configuration. Desks keep their state; removed desks hand their client back to the queue. */
  async configure(input: unknown): Promise<Result<{ seq: number }>> {
    const parsed = SiteConfig.safeParse(input);
    if (!parsed.success) return fail("VALIDATION_FAILED", parsed.error.issues[0]?.message);
    const config = parsed.data;
    const problems = siteConfigProblems(config);
    if (problems.length) return fail("VALIDATION_FAILED", problems.join("; "));
    const now = Date.now();
    const keep = new Set(config.desks.map((d) => d.id));
    const outcome: Outcome = { tickets: [], desks: [], calls: [], deskId: null, ticketId: null };
    for (const d of config.desks) if (!this.state.desks.has(d.id)) outcome.desks.push({ id: d.id, status: "open", ticketId: null });
    const removed: string[] = [];
    for (const desk of this.state.desks.values()) {
      if (keep.has(desk.id)) continue;
      removed.push(desk.id);
      const t = desk.ticketId ? this.state.tickets.get(desk.ticketId) : undefined;
      if (t && isActive(t)) outcome.tickets.push({ ...t, status: "waiting", deskId: null, calledAt: null, startedAt: null });
    }
    this.ctx.storage.transactionSync(() => {
      this.store.setMeta("config", JSON.stringify(config));
      for (const id of removed) this.store.deleteDesk(id);
      if (!this.store.getMeta("day")) this.store.setMeta("day", localDate(now, config.timeZone));
      this.store.setTimer("eod", "end-of-day", nextLocalMidnight(now, config.timeZone), null);
      this.saveOutcome(outcome, now);
    });
    this.index = indexSite(config);
    this.day = this.store.getMeta("day")!;
    const desks = new Map(this.state.desks);
    for (const id of removed) desks.delete(id);
    this.state = applyOutcome({ tickets: this.state.tickets, desks }, outcome);
    this.turnsChanged(now);
    await this.armAlarm(now);
    this.hub.changed();
    return ok({ seq: this.seq });
  }

  // ---- commands -----------------------------------------------------------------

  async issueTicket(input: {
    matterId: string;
    principal: Principal;
    idempotency?: Idempotency;
  }): Promise<Result<IssuedTicket>> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_SITE");
    const prior = replay<IssuedTicket>(this.store, input.idempotency);
    if (prior) return prior;
    const matter = index.matters.get(input.matterId);
    if (!matter) return fail("UNKNOWN_MATTER");
    const now = Date.now();
    this.rollDay(now);
    const tz = index.config.timeZone;
    const local = localTime(now, tz);
    const holiday = index.config.closedOnPublicHolidays && holidayName(local.date) !== null;
    const refusal = walkInRefusal(index.config.openingHours, local, matter.id, index.desks.values(), this.state.desks, holiday);
    if (refusal) return fail(refusal);

    const kioskId = kioskOf(input.principal);
    let issued!: IssuedTicket;
    this.ctx.storage.transactionSync(() => {
      const number = formatTicketNumber(matter.prefix, this.store.nextCounter(this.day, matter.id));
      issued = this.insertTicket(index, newTicket(index.config.id, this.day, number, matter.id, now, null), kioskId, now);
      if (input.idempotency) this.store.rememberIdempotent(input.idempotency.key, input.idempotency.fingerprint, issued, now);
    });
    this.turnsChanged(now);
    this.hub.changed();
    return ok(issued);
  }

  /**
   * Stores a new ticket (a walk-in, or a booking joining the queue) with its print job when a kiosk took it.
   * Call inside a transaction; memory follows at once (the transaction either commits or throws).
   */
  private insertTicket(index: SiteIndex, ticket: Ticket, kioskId: string | null, now: number): IssuedTicket {
    const matter = index.matters.get(ticket.matterId)!;
    const next = applyOutcome(this.state, { tickets: [ticket], desks: [], calls: [], deskId: null, ticketId: null });
    const views = new ViewBuilder(index, next, this.durations);
    // One pass for this ticket alone; the e-ticket flush computes every position at once.
    const ahead = aheadOf(ticket, next.tickets.values());
    const issued: IssuedTicket = {
      id: ticket.id, number: ticket.number, matterId: ticket.matterId, status: ticket.status,
      waitingAhead: ahead, estimatedWaitMinutes: views.estimate(ticket, ahead) ?? 0,
      eticketUrl: eticketUrl(this.env.PUBLIC_URL, ticket.token), takenAt: views.ticket(ticket).takenAt,
    };
    this.store.putTicket(ticket, kioskId);
    if (kioskId) this.store.addJob({
      id: `job_${randomToken(12)}`, kind: "print", kioskId, createdAt: issued.takenAt,
      ticket: {
        number: ticket.number, matterName: matter.name, siteName: index.config.name, city: index.config.city,
        waitingAhead: issued.waitingAhead, estimatedWaitMinutes: issued.estimatedWaitMinutes,
        takenAt: issued.takenAt, eticketUrl: issued.eticketUrl,
      },
    }, now);
    this.bumpSeq();
    this.state = next;
    this.byToken.set(ticket.token, ticket.id);
    return issued;
  }

  async deskCommand(input: { deskId: string; command: DeskCommand; idempotency?: Idempotency }): Promise<Result<DeskActionResponse>> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_SITE");
    const prior = replay<DeskActionResponse>(this.store, input.idempotency);
    if (prior) return prior;
    const now = Date.now();
    this.rollDay(now);
    const r = deskCommand(this.state, ruleContext(index, now), input.deskId, input.command);
    if (!r.ok) return fail(r.code);
    const next = applyOutcome(this.state, r.outcome);
    const views = new ViewBuilder(index, next, this.durations);
    const desk = next.desks.get(input.deskId)!;
    const t = r.outcome.ticketId ? next.tickets.get(r.outcome.ticketId) : undefined;
    const response: DeskActionResponse = { desk: views.desk(desk), ticket: t ? views.ticket(t) : null };
    this.ctx.storage.transactionSync(() => {
      this.saveOutcome(r.outcome, now);
      if (input.idempotency) this.store.rememberIdempotent(input.idempotency.key, input.idempotency.fingerprint, response, now);
    });
    this.commitMemory(next, r.outcome);
    this.turnsChanged(now);
    await this.armAlarm(now);
    this.hub.changed();
    return ok(response);
  }

  // ---- online bookings and messages (R6, R7, R9): the booking desk --------------------------

  private deskHost(): DeskHost {
    return {
      storage: this.ctx.storage,
      store: this.store,
      index: () => this.index,
      armAlarm: (now) => this.armAlarm(now),
      rollDay: (now) => this.rollDay(now),
      bumpSeq: () => this.bumpSeq(),
      // A booking joins the queue as a ticket, ordered by its reserved time.
      admit: (index, b, kioskId, now) =>
        this.insertTicket(index, newTicket(index.config.id, this.day, b.ticketNumber ?? "?", b.matterId, now, b.startAt), kioskId, now),
      queueChanged: (now) => {
        this.turnsChanged(now);
        this.hub.changed();
      },
    };
  }

  async bookingAvailability(q: { matterId: string; from: string; to: string }): Promise<Result<Availability>> {
    return this.desk.availability(q);
  }
  /** Holds the slot and sends the code. A retry with the same Idempotency-Key returns the first answer, holding one slot. */
  createBooking(req: BookingRequest, idem?: Idempotency): Promise<Result<{ bookingId: string; expiresAt: string }>> {
    return this.desk.create(req, idem);
  }
  resendBookingCode(id: string): Promise<Result<{ expiresAt: string }>> {
    return this.desk.resendCode(id);
  }
  async bookingSummary(id: string, token: string): Promise<Result<BookingSummary>> {
    return this.desk.summary(id, token);
  }
  confirmBooking(id: string, code: string): Promise<Result<Confirmation>> {
    return this.desk.confirm(id, code);
  }
  cancelBooking(id: string, token: string): Promise<Result<{ status: "cancelled" }>> {
    return this.desk.cancel(id, token);
  }
  /** Moves a confirmed visit to another free slot, in one transaction. A retry with the same Idempotency-Key returns the first answer. */
  rescheduleBooking(id: string, token: string, start: string, idem?: Idempotency): Promise<Result<Confirmation>> {
    return this.desk.reschedule(id, token, start, idem);
  }
  /** Kiosk check-in with the booking's code: its ticket joins the queue and prints like a walk-in. */
  async checkIn(input: { code: string; principal: Principal; idempotency?: Idempotency }): Promise<Result<IssuedTicket>> {
    return this.desk.checkIn(input.code, kioskOf(input.principal), input.idempotency);
  }
  /** Whether a check-in code belongs to this site (to tell a citizen at the wrong office where to go). */
  async knowsCheckInCode(code: string): Promise<boolean> {
    return this.desk.knowsCheckInCode(code);
  }
  /** Messages sent or waiting, newest first (the local demo's outbox page). */
  async outbox(limit = 100): Promise<Result<OutboxListing[]>> {
    return ok(this.desk.outbox(limit));
  }
  /** The managers' view of the outbox: masked recipients, no code texts. */
  async siteMessages(q: SiteMessagesQuery): Promise<Result<{ messages: SiteMessage[] }>> {
    return ok({ messages: this.desk.staffMessages(q) });
  }
  /** A manager sends a failed message again. */
  resendMessage(id: string, idem?: Idempotency): Promise<Result<{ message: SiteMessage }>> {
    return this.desk.resend(id, idem);
  }
  /** A provider's delivery report of one of this site's messages (Twilio's status callback). */
  async smsDeliveryReport(id: string, report: { providerId: string | null; status: string; errorCode: string | null }): Promise<Result<{ deliveryStatus: string | null }>> {
    return this.desk.deliveryReport(id, report);
  }

  // ---- e-ticket notifications (R8) ------------------------------------------------------

  /** "Tell me by SMS when N people are ahead": one request per ticket, sent once (at once if already true). */
  async requestTurnNotice(token: string, input: { phone: string; ahead: number }): Promise<Result<ETicketNotifyResponse>> {
    const now = Date.now();
    this.rollDay(now);
    const t = this.index ? this.ticketByToken(token) : null;
    if (!t) return fail("UNKNOWN_ETICKET");
    const r = this.desk.requestTurnNotice(t, input, now);
    if (!r.ok) return r;
    this.turnsChanged(now);
    await this.armAlarm(now);
    this.hub.changed();
    return ok(this.desk.notifier.view(t.id)!);
  }

  /**
   * After a committed change of the queue: texts the e-ticket holders whose turn is now near. Costs
   * nothing while no request is pending. Sending follows without holding up the caller's answer.
   */
  private turnsChanged(now: number): void {
    if (this.desk.queueTurnNotices(this.state.tickets, now)) {
      void this.desk.deliver().catch((err: unknown) => console.error("message delivery failed:", err));
    }
  }

  // ---- reads ----------------------------------------------------------------------

  /** The staff view of the queue (not named `queue`: that name is reserved for queue consumers). */
  async queueView(): Promise<Result<QueueResponse>> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_SITE");
    this.rollDay(Date.now());
    const views = new ViewBuilder(index, this.state, this.durations);
    const tickets = [...this.state.tickets.values()].filter(isActive).sort((a, b) => a.takenAt - b.takenAt);
    return ok({
      seq: this.seq,
      tickets: tickets.map((t) => views.ticket(t)),
      desks: index.config.desks.map((d) => views.desk(this.state.desks.get(d.id) ?? { id: d.id, status: "open", ticketId: null })),
    });
  }

  async eticket(token: string): Promise<Result<ETicketView>> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_ETICKET");
    const t = this.ticketByToken(token);
    if (!t) return fail("UNKNOWN_ETICKET");
    return ok(new ViewBuilder(index, this.state, this.durations).eticket(t, this.desk.notifier.view(t.id)));
  }

  // ---- live sockets ------------------------------------------------------------------

  override async fetch(request: Request): Promise<Response> {
    const a = liveAttachment(request, this.index, (token) => this.ticketByToken(token));
    if (a instanceof Response) return a;
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.hub.accept(server, a);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const text = typeof message === "string" ? message : null;
    if (text === null || text.length > MAX_FRAME) {
      send(ws, { type: "error", code: "BAD_REQUEST", message: "Send JSON text frames of at most 4 KB." });
      return;
    }
    let msg: ClientMessage;
    try {
      const parsed = ClientMessageSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error("invalid");
      msg = parsed.data;
    } catch {
      send(ws, { type: "error", code: "VALIDATION_FAILED", message: "Unknown or malformed message." });
      return;
    }
    switch (msg.type) {
      case "resync":
        this.hub.snapshot(ws);
        return;
      case "ack": {
        if (this.hub.attachment(ws)?.role !== "agent") {
          send(ws, { type: "error", code: "FORBIDDEN", message: "Only the print agent acknowledges jobs." });
          return;
        }
        const now = Date.now();
        let acked = false;
        this.ctx.storage.transactionSync(() => {
          acked = this.store.ackJob(msg.jobId, now);
          if (acked) this.bumpSeq();
        });
        if (acked) this.hub.changed();
        return;
      }
      case "printer-state": {
        const a = this.hub.attachment(ws);
        if (a?.role !== "agent") {
          send(ws, { type: "error", code: "FORBIDDEN", message: "Only the print agent reports printers." });
          return;
        }
        const kiosk = this.index?.config.devices.find((d) => d.id === msg.kioskId && d.kind === "kiosk");
        if (!kiosk) {
          send(ws, { type: "error", code: "VALIDATION_FAILED", message: `No kiosk ${msg.kioskId} at this site.` });
          return;
        }
        const printers = withPrinterReport(storedPrinters(this.store), msg.kioskId, msg.state, new Date().toISOString());
        if (!printers) return;
        this.ctx.storage.transactionSync(() => {
          this.store.setMeta("printers", JSON.stringify(printers));
          this.bumpSeq();
        });
        this.hub.changed();
        return;
      }
      default:
        assertNever(msg);
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "bye");
    } catch {
      /* already closed */
    }
  }

  // ---- timers -------------------------------------------------------------------------

  /** One alarm for every timer: recalls of missed tickets and the end of the day. At-least-once, so every handler is idempotent. */
  override async alarm(): Promise<void> {
    const index = this.index;
    const now = Date.now();
    this.alarmAt = null;
    if (!index) return;
    this.rollDay(now);
    for (const timer of this.store.dueTimers(now)) {
      switch (timer.kind) {
        case "recall": {
          const outcome = timer.ref ? alarmRecall(this.state, ruleContext(index, now), timer.ref) : null;
          this.ctx.storage.transactionSync(() => {
            this.store.clearTimer(timer.key);
            if (outcome) this.saveOutcome(outcome, now);
          });
          if (outcome) this.commitMemory(applyOutcome(this.state, outcome), outcome);
          break;
        }
        case "booking-join":
          this.desk.join(index, timer, now);
          break;
        case "booking-remind":
          this.desk.remind(index, timer, now);
          break;
        case "sms":
          this.store.clearTimer(timer.key);
          break;
        case "end-of-day":
          // rollDay above has closed the day; make sure the next one is scheduled.
          this.store.setTimer("eod", "end-of-day", nextLocalMidnight(now, index.config.timeZone), null);
          break;
        default:
          this.store.clearTimer(timer.key);
      }
    }
    // Recalls and bookings joining change who is near their turn.
    this.desk.queueTurnNotices(this.state.tickets, now);
    await this.desk.deliver();
    await this.armAlarm(now);
    this.hub.changed();
  }

  // ---- internals ------------------------------------------------------------------------

  private ticketByToken(token: string): Ticket | null {
    const id = this.byToken.get(token);
    const t = id ? this.state.tickets.get(id) : undefined;
    return t ?? this.store.ticketByToken(token);
  }

  private bumpSeq(): void {
    this.seq += 1;
    this.store.setMeta("seq", String(this.seq));
  }

  /** Writes a rule outcome: rows, calls, recall timers, announce jobs and the new seq. Call inside a transaction. */
  private saveOutcome(outcome: Outcome, now: number): void {
    const index = this.index;
    for (const t of outcome.tickets) {
      this.store.putTicket(t);
      if (t.status === "missed" && t.recallAt !== null) this.store.setTimer(`recall:${t.id}`, "recall", t.recallAt, t.id);
      else this.store.clearTimer(`recall:${t.id}`);
    }
    for (const d of outcome.desks) this.store.putDesk(d);
    for (const c of outcome.calls) {
      this.store.addCall(c);
      const desk = index?.desks.get(c.deskId);
      if (index?.config.voice && desk) {
        this.store.addJob({ id: `job_${randomToken(12)}`, kind: "announce", number: c.number, deskName: desk.name, deskNumber: desk.number, createdAt: new Date(c.at).toISOString() }, now);
      }
    }
    if (outcome.tickets.length || outcome.desks.length || outcome.calls.length) this.bumpSeq();
  }

  /** After the transaction: the in-memory copy follows what was stored. */
  private commitMemory(next: QueueState, outcome: Outcome): void {
    this.state = next;
    for (const t of outcome.tickets) {
      if (t.status === "served" && t.startedAt !== null && t.finishedAt !== null && t.day === this.day) {
        const arr = this.durations.get(t.matterId) ?? [];
        arr.push(t.finishedAt - t.startedAt);
        this.durations.set(t.matterId, arr.slice(-50));
      }
    }
    if (outcome.calls.length) this.recentCalls = [...[...outcome.calls].reverse(), ...this.recentCalls].slice(0, DISPLAY_CALLS);
  }

  /** Closes the previous day once the local date has changed (from the alarm, or from the first command after midnight). */
  private rollDay(now: number): void {
    const index = this.index;
    if (!index) return;
    const today = localDate(now, index.config.timeZone);
    if (today <= this.day) return;
    const outcome = endOfDay(this.state, now, this.day);
    this.ctx.storage.transactionSync(() => {
      this.saveOutcome(outcome, now);
      this.store.setMeta("day", today);
      this.store.setTimer("eod", "end-of-day", nextLocalMidnight(now, index.config.timeZone), null);
      this.store.prune(now - 2 * DAY_MS);
      // E-ticket notification numbers last only for their ticket's day; sent texts keep a masked number.
      this.desk.notifier.purgeBefore(today);
      // Contact data and old messages are kept only as long as the office's retention says (default 14 days).
      this.desk.endOfDay(index, now);
    });
    const next = applyOutcome(this.state, outcome);
    // Only the new day's tickets stay in memory; the records stay in SQLite for statistics.
    const tickets = new Map<string, Ticket>();
    for (const t of next.tickets.values()) if (t.day >= today || isActive(t)) tickets.set(t.id, t);
    this.state = { tickets, desks: next.desks };
    this.byToken = new Map([...tickets.values()].map((t) => [t.token, t.id]));
    this.durations = new Map();
    this.day = today;
    this.hub.changed();
  }

  private async armAlarm(now: number): Promise<void> {
    const due = this.store.earliestTimer();
    if (due === this.alarmAt) return;
    if (due === null) {
      await this.ctx.storage.deleteAlarm();
    } else {
      // A timer already due fires on the next tick, never "now" (the platform may skip a past alarm set from alarm()).
      await this.ctx.storage.setAlarm(Math.max(due, now + 1));
    }
    this.alarmAt = due;
  }

  /** One builder per flush: positions and estimates are computed once for all sockets. */
  private viewSource(): (a: LiveAttachment) => RoleView | null {
    const index = this.index;
    if (!index) return () => null;
    const views = new ViewBuilder(index, this.state, this.durations);
    return (a) => this.viewFor(views, a);
  }

  private viewFor(views: ViewBuilder, a: LiveAttachment): RoleView | null {
    switch (a.role) {
      case "display":
        return { role: "display", view: views.display(this.recentCalls, storedPrinters(this.store)) };
      case "desk": {
        const v = views.deskScreen(a.deskId);
        return v ? { role: "desk", view: v } : null;
      }
      case "clerk": {
        const v = views.clerk(a.deskId);
        return v ? { role: "clerk", view: v } : null;
      }
      case "eticket": {
        // A ticket of an earlier day is no longer in memory: its final state comes from SQLite.
        const t = this.state.tickets.get(a.ticketId) ?? this.store.ticketById(a.ticketId);
        return t ? { role: "eticket", view: views.eticket(t, this.desk.notifier.view(t.id)) } : null;
      }
      case "agent":
        return { role: "agent", view: { jobs: this.store.pendingJobs(AGENT_JOBS) } };
      default:
        return assertNever(a);
    }
  }
}
