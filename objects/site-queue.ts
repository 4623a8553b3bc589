// The site actor: one Durable Object per office site. It serialises every ticket, call and booking, keeps
// the truth in its SQLite storage and pushes changes to sockets. This class is its entry points only:
// each command binds a rule (objects/site/commands/) to the commit path (objects/site/commit.ts), each
// read a view (objects/site/reads.ts).
import { DurableObject } from "cloudflare:workers";
import type {
  BookingSummary,
  CutOffOverrideResponse,
  DeskActionResponse,
  DeskActor,
  DeskCommand,
  ETicketNotifyResponse,
  ETicketView,
  IssuedTicket,
  QueueResponse,
  SiteMessage,
  SiteMessagesQuery,
} from "../protocol/api.ts";
import type { SiteConfig } from "../protocol/config.ts";
import type { ContinuityInfo, LocalTokenClaims, OfflineEntry, ReplayResponse } from "../protocol/continuity.ts";
import { signLocalToken } from "../protocol/continuity-token.ts";
import type { Result } from "../protocol/errors.ts";
import { fail, ok } from "../protocol/errors.ts";
import type { CitizenLang } from "../protocol/lang.ts";
import { CLOSE, PING, PONG, type PrinterStatus, type UnprintedTicket } from "../protocol/live.ts";
import type { OpenDataResponse, PublicSiteStatus } from "../protocol/public-status.ts";
import type { ETicketPushRequest, ETicketPushResponse } from "../protocol/push.ts";
import type { StatisticsGrouping, StatisticsResponse } from "../protocol/statistics.ts";
import { type Env, isDemo } from "../worker/env.ts";
import { BookingStore } from "./site/booking-store.ts";
import type { Availability, BookingRequest, Confirmation } from "./site/bookings.ts";
import { byWhom } from "./site/change.ts";
import * as bookings from "./site/commands/bookings.ts";
import { announceContinuity, localSecret, replayLog } from "./site/commands/continuity.ts";
import { overrideCutOff } from "./site/commands/cut-off.ts";
import { requestNotice } from "./site/commands/notices.ts";
import { agentFrame, agentLost, setUnprintedAside } from "./site/commands/printers.ts";
import { subscribePush } from "./site/commands/push.ts";
import { configure, deskAction, walkIn } from "./site/commands/queue.ts";
import { CommitPath } from "./site/commit.ts";
import { ConsoleSessions } from "./site/console-sessions.ts";
import { ContinuityStore, LOCAL_SECRET_KEY } from "./site/continuity-store.ts";
import { DayAggregates } from "./site/day-aggregates.ts";
import { DeviceContacts, subjectOfTags, subjectTag } from "./site/device-contacts.ts";
import type { SiteStores } from "./site/draft.ts";
import { type HistoryLoaded, type HistoryOptions, loadHistory } from "./site/history.ts";
import { type Idempotency, replay } from "./site/idempotency.ts";
import { LiveHub, readClientFrame, send } from "./site/live-hub.ts";
import { liveAdmission } from "./site/live-request.ts";
import { SiteMemory } from "./site/memory.ts";
import { MessageStore } from "./site/message-store.ts";
import { MessageSender, type OutboxListing, recordDeliveryReport, resendMessageById } from "./site/messages.ts";
import { NoticeStore } from "./site/notify.ts";
import { openData } from "./site/open-data.ts";
import { PrinterStore } from "./site/printer-store.ts";
import { publicStatus } from "./site/public-status.ts";
import { PushSender } from "./site/push-sender.ts";
import { PushStore } from "./site/push-store.ts";
import { QueueStore } from "./site/queue-store.ts";
import * as reads from "./site/reads.ts";
import { roleViews } from "./site/role-views.ts";
import { migrate, SITE_MIGRATIONS } from "./site/schema.ts";
import { siteFacts, siteStatistics } from "./site/statistics-read.ts";
import { SiteStore } from "./site/store.ts";
import { kioskOf } from "./site/tickets.ts";
import { handleTimer } from "./site/timer-handlers.ts";
import { VisitStore } from "./site/visit-store.ts";
import type { SiteDayFacts } from "./statistics/records.ts";

/** How long a local token lasts: a whole working day cut off, and the night after. */
const LOCAL_TOKEN_MS = 36 * 3_600_000;

/** The manager page lists at most this many tickets left unprinted. */
const UNPRINTED_LISTED = 100;

/** Who asked: the Worker authenticates and passes this along. */
export interface Principal {
  id: string;
  role: "manager" | "clerk" | "kiosk" | "display" | "agent";
  deviceId?: string;
}

export class SiteQueue extends DurableObject<Env> {
  private readonly stores: SiteStores;
  private readonly memory = new SiteMemory();
  private readonly hub: LiveHub;
  private readonly path: CommitPath;
  private readonly contacts: DeviceContacts;
  /** The providers of SMS and e-mail (tests swap one through runInDurableObject). */
  readonly sender: MessageSender;
  /** The sender of e-tickets' browser notifications (tests swap its transport through runInDurableObject). */
  readonly pusher: PushSender;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    this.stores = {
      site: new SiteStore(sql),
      queue: new QueueStore(sql),
      bookings: new BookingStore(sql),
      messages: new MessageStore(sql),
      printers: new PrinterStore(sql),
      notices: new NoticeStore(sql),
      push: new PushStore(sql),
      visits: new VisitStore(sql),
      consoles: new ConsoleSessions(sql),
      aggregates: new DayAggregates(sql),
      continuity: new ContinuityStore(sql),
    };
    this.sender = new MessageSender(env);
    this.pusher = new PushSender(env);
    this.contacts = new DeviceContacts(sql);

    this.hub = new LiveHub(
      ctx,
      () => this.memory.seq,
      () => roleViews(this.memory, this.stores, env.PUBLIC_URL),
    );
    this.path = new CommitPath({
      storage: ctx.storage,
      stores: this.stores,
      memory: this.memory,
      sender: this.sender,
      pusher: this.pusher,
      settings: { secret: env.AUTH_SECRET, publicUrl: env.PUBLIC_URL },
      broadcast: (phones, countsOnly) => this.hub.changed(phones, countsOnly),
      log: (what, err) => console.error(`site ${this.memory.index?.config.id ?? "?"}: ${what} failed:`, err),
    });
    // Keep-alive pings are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage, SITE_MIGRATIONS);
      this.memory.load(this.stores);
      this.stores.consoles.reconcile((clerk) => ctx.getWebSockets(subjectTag(clerk)).length > 0, Date.now());
      await this.path.start();
    });
  }

  // ---- commands: each a rule on the commit path -----------------------------------------

  /** Sets (or replaces) the site's configuration. Desks keep their state; a change that would strand today's tickets is refused. */
  async configure(input: unknown): Promise<Result<{ seq: number }>> {
    const r = await this.path.commit((read) => configure(read, input));
    return r.ok ? ok({ seq: this.memory.seq }) : r;
  }

  issueTicket(input: {
    matterId: string;
    priority?: boolean;
    interpreter?: boolean;
    principal: Principal;
    idempotency?: Idempotency;
  }): Promise<Result<IssuedTicket>> {
    const by = input.principal.role === "kiosk" ? null : input.principal.id;
    const flags = { priority: input.priority === true, interpreter: input.interpreter === true };
    return this.path.commitOnSite(
      (read, draft) => byWhom(walkIn(read, draft, input.matterId, kioskOf(input.principal), flags), by),
      input.idempotency,
    );
  }

  /**
   * A desk command; `actor` is the caller's role as the Worker read it from the token (a clerk acts only
   * within the desk), `by` their user name (kept with the visits for the statistics).
   */
  deskCommand(input: {
    deskId: string;
    command: DeskCommand;
    actor: DeskActor;
    by?: string;
    idempotency?: Idempotency;
  }): Promise<Result<DeskActionResponse>> {
    return this.path.commitOnSite(
      (read) => deskAction(read, input.deskId, input.command, input.actor, input.by ?? null),
      input.idempotency,
    );
  }

  /** Holds the slot and sends the code. A retry with the same Idempotency-Key returns the first answer, holding one slot. */
  createBooking(req: BookingRequest, idem?: Idempotency): Promise<Result<{ bookingId: string; expiresAt: string }>> {
    return this.path.commitOnSite(bookings.createBooking(req), idem);
  }

  /**
   * The first answer to a retried createBooking, or null when it has not run: the Worker asks before any
   * check, since a retry's human-check token is spent and its code was counted.
   */
  async replayedBooking(idem: Idempotency): Promise<Result<{ bookingId: string; expiresAt: string }> | null> {
    return replay(this.stores.site, idem, Date.now());
  }

  /** The key a pending booking's contact is counted by (the Worker counts a resent code), or null. */
  async pendingContactKey(id: string): Promise<string | null> {
    const b = this.stores.bookings.get(id);
    return b?.status === "pending" && b.contactKey ? b.contactKey : null;
  }

  resendBookingCode(id: string): Promise<Result<{ expiresAt: string }>> {
    return this.path.commitOnSite(bookings.resendBookingCode(id));
  }

  confirmBooking(id: string, code: string): Promise<Result<Confirmation>> {
    return this.path.commitOnSite(bookings.confirmBooking(id, code));
  }

  cancelBooking(id: string, token: string): Promise<Result<{ status: "cancelled" }>> {
    return this.path.commitOnSite(bookings.cancelBooking(id, token));
  }

  /** Moves a confirmed visit to another free slot. A retry with the same Idempotency-Key returns the first answer. */
  rescheduleBooking(id: string, token: string, start: string, idem?: Idempotency): Promise<Result<Confirmation>> {
    return this.path.commitOnSite(bookings.rescheduleBooking(id, token, start), idem);
  }

  /** Kiosk check-in with the booking's code: its ticket joins the queue and prints like a walk-in. */
  checkIn(input: { code: string; principal: Principal; client?: string; idempotency?: Idempotency }): Promise<Result<IssuedTicket>> {
    return this.path.commitOnSite(
      (read, draft) => bookings.checkIn(read, draft, input.code, kioskOf(input.principal), input.client ?? null),
      input.idempotency,
    );
  }

  /** A manager lifts a matter's closing cut-off for the rest of the local day. */
  overrideCutOff(matterId: string, idem?: Idempotency): Promise<Result<CutOffOverrideResponse>> {
    return this.path.commitOnSite((read) => overrideCutOff(read, matterId), idem);
  }

  /** A manager sends a failed message again. */
  resendMessage(id: string, idem?: Idempotency): Promise<Result<{ message: SiteMessage }>> {
    return this.path.commit((read) => resendMessageById(read, id), idem);
  }

  /** A provider's delivery report of one of this site's messages (Twilio's status callback). */
  smsDeliveryReport(
    id: string,
    report: { providerId: string | null; status: string; errorCode: string | null },
  ): Promise<Result<{ deliveryStatus: string | null }>> {
    return this.path.commit((read) => recordDeliveryReport(read.stores.messages.message(id), report, read.now));
  }

  /** "Tell me by SMS when N people are ahead": one request per ticket, sent once (at once if already true). */
  async requestTurnNotice(
    token: string,
    input: { phone: string; ahead: number; lang?: CitizenLang | undefined },
  ): Promise<Result<ETicketNotifyResponse>> {
    const r = await this.path.commit((read) =>
      read.index
        ? requestNotice(read.notices, reads.ticketByToken(read, this.memory, token), input, read.index.config.smsCountries, read.now)
        : requestNotice(read.notices, null, input, [], read.now),
    );
    if (!r.ok) return r;
    const view = this.memory.notices.view(r.value.ticketId);
    return view ? ok(view) : fail("UNKNOWN_ETICKET");
  }

  /** "Notify this browser when N people are ahead, and at the call" (Web Push): a few browsers per ticket. */
  async subscribePush(token: string, input: ETicketPushRequest): Promise<Result<ETicketPushResponse>> {
    const r = await this.path.commit((read) => subscribePush(read.push, reads.ticketByToken(read, this.memory, token), input, read.now));
    return r.ok ? ok({ ahead: r.value.ahead, on: true }) : r;
  }

  // ---- local continuity (objects/site/commands/continuity.ts) ----------------------------

  /**
   * Where the site's agent answers on the office's network, and a local token for this device or person
   * (36 h), signed with the site's local secret (made the first time it is asked for).
   */
  async continuityInfo(p: Principal, desks?: readonly string[]): Promise<Result<ContinuityInfo>> {
    if (p.role === "agent") return fail("FORBIDDEN");
    const stored = this.stores.site.getMeta(LOCAL_SECRET_KEY);
    const made = stored === null ? await this.path.commitOnSite(localSecret) : ok(stored);
    if (!made.ok) return made;
    const siteId = this.memory.index?.config.id;
    if (!siteId) return fail("UNKNOWN_SITE");
    const exp = Date.now() + LOCAL_TOKEN_MS;
    const kiosk = kioskOf(p);
    const claims: LocalTokenClaims = {
      site: siteId,
      role: p.role,
      sub: (p.deviceId ?? p.id).slice(0, 80),
      ...(kiosk && kiosk.length <= 40 ? { device: kiosk } : {}),
      // A clerk kept to some desks in the cloud is kept to them in the hall too.
      ...(p.role === "clerk" && desks ? { desks: desks.slice(0, 20) } : {}),
      exp,
    };
    return ok({
      localUrl: this.stores.continuity.serving()?.localUrl ?? null,
      token: await signLocalToken(made.value, claims),
      expiresAt: new Date(exp).toISOString(),
    });
  }

  /** The agent's offline log replayed (POST …/continuity/replay): each entry applied exactly once, in one commit. */
  replayContinuity(agent: string, entries: OfflineEntry[]): Promise<Result<ReplayResponse>> {
    return this.path.commitOnSite(replayLog(agent, entries));
  }

  // ---- reads ----------------------------------------------------------------------------

  /** The staff view of the queue (not named `queue`: that name is reserved for queue consumers). */
  async queueView(): Promise<Result<QueueResponse>> {
    return reads.queueView(this.path.current(), this.memory.seq);
  }

  async eticket(token: string): Promise<Result<ETicketView>> {
    const read = this.path.read(Date.now());
    return reads.eticketView(read, reads.ticketByToken(read, this.memory, token));
  }

  async bookingAvailability(q: { matterId: string; from: string; to: string }): Promise<Result<Availability>> {
    return reads.availability(this.path.read(Date.now()), q);
  }

  /** Whether a visit could be held at this slot now, without holding it (the Worker refuses a taken slot early). */
  async bookableSlot(q: { matterId: string; start: string }): Promise<Result<null>> {
    return reads.bookableSlot(this.path.read(Date.now()), q);
  }

  async bookingSummary(id: string, token: string): Promise<Result<BookingSummary>> {
    return reads.bookingSummary(this.path.read(Date.now()), id, token);
  }

  async knowsCheckInCode(code: string): Promise<boolean> {
    return reads.knowsCheckInCode(this.path.read(Date.now()), code);
  }

  /** Messages sent or waiting, newest first (the local demo's outbox page). */
  async outbox(limit = 100): Promise<Result<OutboxListing[]>> {
    return ok(reads.outboxListing(this.path.read(Date.now()), limit));
  }

  /** The managers' view of the outbox: masked recipients, no code texts. */
  async siteMessages(q: SiteMessagesQuery): Promise<Result<{ messages: SiteMessage[] }>> {
    return ok({ messages: reads.staffMessages(this.path.read(Date.now()), q) });
  }

  /** Where the statistics read from: the visits, console sessions and each day's roll-up in this object's SQLite. */
  private statisticsSources() {
    return { sql: this.ctx.storage.sql, visits: this.stores.visits, consoles: this.stores.consoles, aggregates: this.stores.aggregates };
  }

  /** The site's statistics for a range of local days (objects/site/statistics-read.ts); UNKNOWN_SITE before a configuration. */
  async statistics(q: { from: string; to: string; groupBy?: StatisticsGrouping }): Promise<Result<StatisticsResponse>> {
    const config = this.memory.index?.config;
    if (!config) return fail("UNKNOWN_SITE");
    const now = Date.now();
    const sources = this.statisticsSources();
    return ok(siteStatistics(sources, config, q, this.path.current(now).day, now));
  }

  /** The statistics facts of local days `from` to `to` (objects/site/statistics-read.ts); UNKNOWN_SITE before a configuration. */
  async statisticsFacts(from: string, to: string): Promise<Result<{ facts: SiteDayFacts; config: SiteConfig }>> {
    const config = this.memory.index?.config;
    if (!config) return fail("UNKNOWN_SITE");
    const sources = { sql: this.ctx.storage.sql, visits: this.stores.visits, consoles: this.stores.consoles };
    return ok({ facts: siteFacts(sources, config, from, to, Date.now()), config });
  }

  /** How many times the public status was built (tests count the object's reads behind the edge cache by it). */
  publicStatusReads = 0;

  /** The public live status (objects/site/public-status.ts), from memory; the Worker caches it at the edge for 15 s. */
  async publicStatus(): Promise<Result<PublicSiteStatus>> {
    this.publicStatusReads += 1;
    const status = publicStatus(this.path.current());
    return status ? ok(status) : fail("UNKNOWN_SITE");
  }

  /** The daily open data of local days `from` to `to` (objects/site/open-data.ts); UNKNOWN_SITE before a configuration. */
  async openData(q: { from: string; to: string }): Promise<Result<OpenDataResponse>> {
    const config = this.memory.index?.config;
    if (!config) return fail("UNKNOWN_SITE");
    const now = Date.now();
    const sources = this.statisticsSources();
    return ok(openData(sources, config, q, this.path.current(now).day, now));
  }

  /** Demo mode only: past days without visits filled with simulated ones (objects/site/history.ts). */
  async loadHistory(options: HistoryOptions): Promise<Result<HistoryLoaded>> {
    if (!isDemo(this.env)) return fail("DEMO_ONLY");
    const config = this.memory.index?.config;
    if (!config) return fail("UNKNOWN_SITE");
    const now = Date.now();
    const stores = {
      storage: this.ctx.storage,
      visits: this.stores.visits,
      consoles: this.stores.consoles,
      aggregates: this.stores.aggregates,
    };
    return ok(loadHistory(stores, config, this.path.current(now).day, now, options));
  }

  // ---- live sockets ---------------------------------------------------------------------

  override async fetch(request: Request): Promise<Response> {
    const a = liveAdmission(request, {
      index: this.memory.index,
      ticketByToken: (token) => reads.ticketByToken(this.path.read(Date.now()), this.memory, token),
      openSockets: (tag) => this.ctx.getWebSockets(tag).length,
      now: Date.now(),
    });
    if (a instanceof Response) return a;
    const pair = new WebSocketPair();
    this.hub.accept(pair[1], a.attachment, a.tags);
    const who = subjectOfTags(a.tags);
    if (who) this.contacts.touch(who, Date.now());
    if (who && a.attachment.role === "clerk") this.stores.consoles.opened(a.attachment.deskId, who, Date.now());
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  /**
   * Closes every socket of `subject` (a user name, or device:<pairing id>) with ACCESS_REVOKED: the
   * account was disabled or signed out everywhere, or the device revoked. Answers how many closed.
   */
  async closeSocketsOf(subject: string): Promise<number> {
    const sockets = this.ctx.getWebSockets(subjectTag(subject));
    for (const ws of sockets) {
      try {
        ws.close(CLOSE.ACCESS_REVOKED, "access revoked");
      } catch {
        /* already closed */
      }
    }
    return sockets.length;
  }

  /** For the manager page's device list: each subject's last contact (now, when a socket is open), and the printers. */
  async deviceContacts(subjects: string[]): Promise<{
    contacts: Record<string, { online: boolean; at: number | null }>;
    printers: PrinterStatus[];
    unprinted: UnprintedTicket[];
  }> {
    const seen = this.contacts.of(subjects.slice(0, 500));
    const contacts: Record<string, { online: boolean; at: number | null }> = {};
    for (const sub of subjects.slice(0, 500)) {
      const online = this.ctx.getWebSockets(subjectTag(sub)).length > 0;
      contacts[sub] = { online, at: online ? Date.now() : (seen[sub] ?? null) };
    }
    return { contacts, printers: [...this.stores.printers.printers()], unprinted: this.stores.printers.unprinted(UNPRINTED_LISTED) };
  }

  /** A person has dealt with a ticket the agent could not print: its job is acknowledged, and the list left is answered. */
  async setUnprintedAside(jobId: string): Promise<Result<{ unprinted: UnprintedTicket[] }>> {
    const r = await this.path.commitOnSite((read) => setUnprintedAside(read, jobId));
    return r.ok ? ok({ unprinted: this.stores.printers.unprinted(UNPRINTED_LISTED) }) : r;
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    // A public socket over its allowance costs a look-up: its frame is not even parsed.
    const now = Date.now();
    if (!this.hub.admit(ws, now)) return;
    const msg = readClientFrame(message);
    if (msg.type === "error") return send(ws, msg);
    if (msg.type === "resync") return this.hub.resync(ws, now);
    if (this.hub.attachment(ws)?.role !== "agent") {
      return send(ws, { type: "error", code: "FORBIDDEN", message: "Only the print agent acknowledges jobs and reports printers." });
    }
    if (msg.type === "continuity") {
      const agent = this.hub.attachment(ws);
      const serves = agent?.role === "agent" ? agent.serves : undefined;
      if (serves === undefined) {
        return send(ws, { type: "error", code: "FORBIDDEN", message: "Only the site's print agent itself serves local continuity." });
      }
      const r = await this.path.commitOnSite(announceContinuity(serves, msg.localUrl));
      if (!r.ok) send(ws, { type: "error", code: r.code, message: r.message ?? r.code });
      return;
    }
    const r = await this.path.commitOnSite(agentFrame(msg));
    if (!r.ok) send(ws, { type: "error", code: r.code, message: r.message ?? r.code });
  }

  /** The print agent's last socket is gone: every kiosk printer becomes unknown (the kiosks show their QR fallback). */
  private async agentSocketGone(ws: WebSocket): Promise<void> {
    if (this.hub.attachment(ws)?.role !== "agent") return;
    const others = this.ctx.getWebSockets("agent").filter((s) => s !== ws && s.readyState === WebSocket.OPEN);
    if (others.length === 0) await this.path.commitOnSite(agentLost);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.agentSocketGone(ws);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    await this.agentSocketGone(ws);
    const who = subjectOfTags(this.ctx.getTags(ws));
    if (who) this.contacts.touch(who, Date.now());
    const a = this.hub.attachment(ws);
    if (who && a?.role === "clerk") this.stores.consoles.closed(a.deskId, who, Date.now());
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "bye");
    } catch {
      /* already closed */
    }
  }

  /** One alarm for every timer (objects/site/scheduler.ts). At-least-once, so every handler is idempotent. */
  override async alarm(): Promise<void> {
    await this.path.fire(handleTimer);
  }
}
