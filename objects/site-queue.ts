// The site actor: one Durable Object per office site. It serialises every ticket and call,
// keeps the truth in its SQLite storage and pushes changes to sockets. The rules live in
// queue/ (pure functions); this class validates, stores, broadcasts, in that order.
import { DurableObject } from "cloudflare:workers";
import type { DeskActionResponse, DeskCommand, IssuedTicket, QueueResponse, ETicketView, ETicketNotifyResponse, BookingSummary } from "../protocol/api.ts";
import { SiteConfig, siteConfigProblems } from "../protocol/config.ts";
import type { ErrorCode, Result } from "../protocol/errors.ts";
import { ERRORS, fail, ok } from "../protocol/errors.ts";
import type { ClientMessage, PrinterStatus, RoleView } from "../protocol/live.ts";
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
import { type LiveAttachment, LiveHub, send } from "./site/live-hub.ts";
import { eticketToken, randomToken } from "./site/random.ts";
import { SITE_MIGRATIONS, migrate } from "./site/schema.ts";
import { type SiteIndex, indexSite, ruleContext } from "./site/site-index.ts";
import { SiteStore } from "./site/store.ts";
import { BookingStore, type Booking, type StoredMessage } from "./site/booking-store.ts";
import { type Availability, type BookingEffects, type BookingRequest, Bookings, type Confirmation } from "./site/bookings.ts";
import { SmsDelivery } from "./site/sms-delivery.ts";
import { NOTIFY_SMS_TTL_MS, TurnNotifier } from "./site/notify.ts";
import { reminderKindOfTimer } from "./booking/reminders.ts";
import { turnNearSms } from "./sms/messages.ts";
import { DISPLAY_CALLS, ViewBuilder } from "./site/views.ts";

/** Who asked: the Worker authenticates and passes this along. */
export interface Principal {
  id: string;
  role: "manager" | "clerk" | "kiosk" | "display" | "agent";
  deviceId?: string;
}

/** A retried command carries the same key; the fingerprint tells a retry from a different request. */
export interface Idempotency {
  key: string;
  fingerprint: string;
}

/** What the Worker asks of a socket, after checking who may open it. */
export type LiveRequest =
  | { role: "display" | "agent" }
  | { role: "desk" | "clerk"; deskId: string }
  | { role: "eticket"; token: string };

export const LIVE_HEADER = "X-Numerek-Live";
const MAX_FRAME = 4096;
const DAY_MS = 86_400_000;
const AGENT_JOBS = 100;

export class SiteQueue extends DurableObject<Env> {
  private readonly store: SiteStore;
  private readonly bookingStore: BookingStore;
  private readonly hub: LiveHub;
  /** The SMS outbox and its provider, one per object (tests swap the provider through runInDurableObject). */
  readonly sms: SmsDelivery;
  private readonly notifier: TurnNotifier;
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
    this.bookingStore = new BookingStore(ctx.storage.sql);
    this.hub = new LiveHub(ctx, () => this.seq, () => this.viewSource());
    this.sms = new SmsDelivery(this.bookingStore, this.store, env, () => this.armAlarm(Date.now()));
    this.notifier = new TurnNotifier(ctx.storage.sql);
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
    this.notifier.load();
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
    const replay = this.replay<IssuedTicket>(input.idempotency);
    if (replay) return replay;
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
      eticketUrl: this.eticketUrl(ticket.token), takenAt: views.ticket(ticket).takenAt,
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
    const replay = this.replay<DeskActionResponse>(input.idempotency);
    if (replay) return replay;
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

  // ---- online bookings (R6, R7, R9) -------------------------------------------------

  private bookings(index: SiteIndex): Bookings {
    return new Bookings(index, this.bookingStore, this.store, this.env.AUTH_SECRET, this.env.PUBLIC_URL);
  }

  async bookingAvailability(q: { matterId: string; from: string; to: string }): Promise<Result<Availability>> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_SITE");
    return this.bookings(index).availability(q.matterId, q.from, q.to, Date.now());
  }

  /** Holds the slot and sends the code. A retry with the same Idempotency-Key returns the first answer, holding one slot. */
  async createBooking(req: BookingRequest, idempotency?: Idempotency): Promise<Result<{ bookingId: string; expiresAt: string }>> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_SITE");
    const replay = this.replay<{ bookingId: string; expiresAt: string }>(idempotency);
    if (replay) return replay;
    const now = Date.now();
    const r = this.bookingCommand(now, (b) => b.create(req, now), (v) => ({ bookingId: v.booking.id, expiresAt: new Date(v.booking.holdUntil).toISOString() }), idempotency);
    await this.deliver();
    return r;
  }

  async resendBookingCode(id: string): Promise<Result<{ expiresAt: string }>> {
    const now = Date.now();
    const r = this.bookingCommand(now, (b) => b.resendCode(id, now), (v) => ({ expiresAt: new Date(v.booking.holdUntil).toISOString() }));
    await this.deliver();
    return r;
  }

  async bookingSummary(id: string, token: string): Promise<Result<BookingSummary>> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_SITE");
    return this.bookings(index).summary(id, token);
  }

  async confirmBooking(id: string, code: string): Promise<Result<Confirmation>> {
    const now = Date.now();
    const r = this.bookingCommand(now, (b) => b.confirm(id, code, now), (v) => v.confirmation, undefined, id);
    await this.armAlarm(now);
    await this.deliver();
    return r;
  }

  async cancelBooking(id: string, token: string): Promise<Result<{ status: "cancelled" }>> {
    const now = Date.now();
    const r = this.bookingCommand(now, (b) => b.cancel(id, token, now), () => ({ status: "cancelled" as const }), undefined, id);
    await this.armAlarm(now);
    await this.deliver();
    return r;
  }

  /** Moves a confirmed visit to another free slot, in one transaction. A retry with the same Idempotency-Key returns the first answer. */
  async rescheduleBooking(id: string, token: string, start: string, idempotency?: Idempotency): Promise<Result<Confirmation>> {
    const replay = this.replay<Confirmation>(idempotency);
    if (replay) return replay;
    const now = Date.now();
    const r = this.bookingCommand(now, (b) => b.reschedule(id, token, start, now), (v) => v.confirmation, idempotency, id);
    await this.armAlarm(now);
    await this.deliver();
    return r;
  }

  /** Kiosk check-in with the code from the SMS: the booking's ticket joins the queue and prints like a walk-in. */
  async checkIn(input: { code: string; principal: Principal; idempotency?: Idempotency }): Promise<Result<IssuedTicket>> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_SITE");
    const replay = this.replay<IssuedTicket>(input.idempotency);
    if (replay) return replay;
    const now = Date.now();
    this.rollDay(now);
    const found = this.bookings(index).checkIn(input.code, now);
    if (!found.ok) return found;
    let issued!: IssuedTicket;
    this.ctx.storage.transactionSync(() => {
      issued = this.admitBooking(index, found.value, kioskOf(input.principal), now);
      if (input.idempotency) this.store.rememberIdempotent(input.idempotency.key, input.idempotency.fingerprint, issued, now);
    });
    this.turnsChanged(now);
    this.hub.changed();
    return ok(issued);
  }

  /** Whether a check-in code belongs to this site (to tell a citizen at the wrong office where to go). */
  async knowsCheckInCode(code: string): Promise<boolean> {
    return this.bookingStore.byCheckInCode(code.toUpperCase().replace(/[\s-]/g, "")) !== null;
  }

  /** Messages sent or waiting, newest first (the local demo's outbox page; staff in production). */
  async outbox(limit = 100): Promise<Result<StoredMessage[]>> {
    return ok(this.bookingStore.messages(Math.min(Math.max(1, limit), 500)));
  }

  /** A booking joins the queue as a ticket, ordered by its reserved time. Call inside a transaction. */
  private admitBooking(index: SiteIndex, b: Booking, kioskId: string | null, now: number): IssuedTicket {
    const ticket = newTicket(index.config.id, this.day, b.ticketNumber ?? "?", b.matterId, now, b.startAt);
    const issued = this.insertTicket(index, ticket, kioskId, now);
    this.bookings(index).admitted(b, ticket.id);
    return issued;
  }

  /**
   * Runs a booking command in one transaction with what it asks for (messages, timers) and,
   * when given, the idempotency record. A refused command's own writes (a wrong code counted) stay.
   */
  private bookingCommand<V extends { effects: BookingEffects; booking?: Booking }, T>(
    now: number, run: (b: Bookings) => Result<V>, answer: (v: V) => T, idempotency?: Idempotency, bookingId?: string,
  ): Result<T> {
    const index = this.index;
    if (!index) return fail("UNKNOWN_SITE");
    let out!: Result<T>;
    this.ctx.storage.transactionSync(() => {
      const r = run(this.bookings(index));
      if (!r.ok) {
        out = r;
        return;
      }
      const id = r.value.booking?.id ?? bookingId ?? null;
      const to = id ? this.bookingStore.get(id)?.phone : null;
      for (const m of r.value.effects.messages) {
        if (to) this.sms.enqueue({ siteId: index.config.id, to, body: m.body, kind: m.kind, now, expiresAt: m.expiresAt, bookingId: id });
      }
      for (const t of r.value.effects.timers) {
        if (t.dueAt === null) this.store.clearTimer(t.key);
        else this.store.setTimer(t.key, t.kind, t.dueAt, t.ref);
      }
      out = ok(answer(r.value));
      if (idempotency) this.store.rememberIdempotent(idempotency.key, idempotency.fingerprint, out.value, now);
    });
    return out;
  }

  /** Sends what is due in the outbox; failures wait for their retry time on the alarm. */
  private deliver(): Promise<void> {
    return this.sms.deliver();
  }

  /** A provider's delivery report of one of this site's messages (Twilio's status callback). */
  async smsDeliveryReport(id: string, report: { providerId: string | null; status: string; errorCode: string | null }): Promise<Result<{ deliveryStatus: string | null }>> {
    const stored = this.sms.report(id, report, Date.now());
    if (!stored) return fail("NOT_FOUND", "No such message.");
    return ok({ deliveryStatus: stored.deliveryStatus });
  }

  // ---- e-ticket notifications (R8) ------------------------------------------------------

  /** "Tell me by SMS when N people are ahead": one request per ticket, sent once (at once if already true). */
  async requestTurnNotice(token: string, input: { phone: string; ahead: number }): Promise<Result<ETicketNotifyResponse>> {
    const now = Date.now();
    this.rollDay(now);
    const t = this.index ? this.ticketByToken(token) : null;
    if (!t) return fail("UNKNOWN_ETICKET");
    let r!: Result<{ changed: boolean }>;
    this.ctx.storage.transactionSync(() => {
      r = this.notifier.request(t, input, now);
      if (r.ok && r.value.changed) this.bumpSeq();
    });
    if (!r.ok) return r;
    this.turnsChanged(now);
    await this.armAlarm(now);
    this.hub.changed();
    return ok(this.notifier.view(t.id)!);
  }

  /**
   * After a committed change of the queue: texts the e-ticket holders whose turn is now near. Costs
   * nothing while no request is pending. Sending follows without holding up the caller's answer.
   */
  private turnsChanged(now: number): void {
    if (this.queueTurnNotices(now)) void this.deliver().catch((err: unknown) => console.error("sms delivery failed:", err));
  }

  /** Writes the due "turn near" texts to the outbox; true when it wrote any. */
  private queueTurnNotices(now: number): boolean {
    const index = this.index;
    if (!index || !this.notifier.hasPending()) return false;
    let sent = 0;
    this.ctx.storage.transactionSync(() => {
      sent = this.notifier.dispatch(this.state.tickets, now, (r, t, ahead) => {
        const body = turnNearSms({ ticket: t.number, ahead, eticketUrl: this.eticketUrl(t.token) });
        this.sms.enqueue({ siteId: index.config.id, to: r.phone, body, kind: "notify", now, expiresAt: now + NOTIFY_SMS_TTL_MS, ticketId: t.id });
      });
      if (sent) this.bumpSeq();
    });
    return sent > 0;
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
    return ok(new ViewBuilder(index, this.state, this.durations).eticket(t, this.notifier.view(t.id)));
  }

  // ---- live sockets ------------------------------------------------------------------

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return errorResponse("UPGRADE_REQUIRED");
    const index = this.index;
    if (!index) return errorResponse("UNKNOWN_SITE");
    let spec: LiveRequest;
    try {
      spec = JSON.parse(request.headers.get(LIVE_HEADER) ?? "") as LiveRequest;
    } catch {
      return errorResponse("BAD_REQUEST");
    }
    let a: LiveAttachment;
    switch (spec.role) {
      case "display":
      case "agent":
        a = { role: spec.role };
        break;
      case "desk":
      case "clerk":
        if (!index.desks.has(spec.deskId)) return errorResponse("UNKNOWN_DESK");
        a = { role: spec.role, deskId: spec.deskId };
        break;
      case "eticket": {
        const t = this.ticketByToken(spec.token);
        if (!t) return errorResponse("UNKNOWN_ETICKET");
        a = { role: "eticket", ticketId: t.id };
        break;
      }
      default:
        return assertNever(spec);
    }
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
        const printers = this.printers().filter((p) => p.kioskId !== msg.kioskId);
        if (this.printers().some((p) => p.kioskId === msg.kioskId && p.state === msg.state)) return;
        printers.push({ kioskId: msg.kioskId, state: msg.state, at: new Date().toISOString() });
        printers.sort((x, y) => (x.kioskId < y.kioskId ? -1 : 1));
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

  /** Kiosk printers as the agent last reported them. */
  private printers(): PrinterStatus[] {
    const raw = this.store.getMeta("printers");
    return raw ? (JSON.parse(raw) as PrinterStatus[]) : [];
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
        case "booking-join": {
          // Automatic check-in (Toruń): at the slot's time the booking joins the call order as a due reservation.
          const b = timer.ref ? this.bookingStore.get(timer.ref) : null;
          this.ctx.storage.transactionSync(() => {
            this.store.clearTimer(timer.key);
            if (b && b.status === "confirmed") this.admitBooking(index, b, null, now);
          });
          break;
        }
        case "booking-remind": {
          const bookings = this.bookings(index);
          const kind = reminderKindOfTimer(timer.key);
          this.ctx.storage.transactionSync(() => {
            this.store.clearTimer(timer.key);
            const r = timer.ref && kind ? bookings.reminder(timer.ref, kind, now) : null;
            if (r?.booking.phone) {
              this.sms.enqueue({ siteId: index.config.id, to: r.booking.phone, body: r.body, kind: "reminder", now, expiresAt: r.booking.startAt, bookingId: r.booking.id });
            }
          });
          break;
        }
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
    this.queueTurnNotices(now);
    await this.deliver();
    await this.armAlarm(now);
    this.hub.changed();
  }

  // ---- internals ------------------------------------------------------------------------

  private eticketUrl(token: string): string {
    return `${this.env.PUBLIC_URL.replace(/\/$/, "")}/t/${token}`;
  }

  private ticketByToken(token: string): Ticket | null {
    const id = this.byToken.get(token);
    const t = id ? this.state.tickets.get(id) : undefined;
    return t ?? this.store.ticketByToken(token);
  }

  private replay<T>(idem: Idempotency | undefined): Result<T> | null {
    if (!idem) return null;
    const prior = this.store.idempotent(idem.key);
    if (!prior) return null;
    if (prior.fingerprint !== idem.fingerprint) return fail("IDEMPOTENCY_KEY_REUSED");
    return ok(JSON.parse(prior.response) as T);
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
      // Contact data is kept only as long as the office's retention says (default 14 days after the visit).
      this.bookingStore.purgeContacts(now - index.config.booking.retentionDays * DAY_MS, now);
      // E-ticket notification numbers last only for their ticket's day; sent texts keep a masked number.
      this.notifier.purgeBefore(today);
      this.bookingStore.maskRecipients();
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
        return { role: "display", view: views.display(this.recentCalls, this.printers()) };
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
        return t ? { role: "eticket", view: views.eticket(t, this.notifier.view(t.id)) } : null;
      }
      case "agent":
        return { role: "agent", view: { jobs: this.store.pendingJobs(AGENT_JOBS) } };
      default:
        return assertNever(a);
    }
  }
}

function kioskOf(p: Principal): string | null {
  return p.role === "kiosk" ? (p.deviceId ?? p.id) : null;
}

/** A ticket that has just joined the queue: a walk-in, or a booking (ordered by its reserved time). */
function newTicket(siteId: string, day: string, number: string, matterId: string, now: number, reservedAt: number | null): Ticket {
  return {
    id: `tk_${randomToken(12)}`, token: eticketToken(siteId), day, number, matterId,
    source: reservedAt === null ? "walk-in" : "booking", status: "waiting", takenAt: now, reservedAt,
    deskId: null, misses: 0, recallAt: null, calledAt: null, startedAt: null, finishedAt: null,
  };
}

function errorResponse(code: ErrorCode): Response {
  return Response.json({ error: { code, message: ERRORS[code][1] } }, { status: ERRORS[code][0] });
}

