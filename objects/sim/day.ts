// One simulated office day, run on the real queue rules: tickets are numbered and ordered, called, served,
// missed (R5's three strikes), sent on and closed by the functions the site object runs, and each ticket is
// shown both of the real estimates at issue: today's single number and the range.
import type { DeskCommand } from "../../protocol/api.ts";
import type { OpeningHours } from "../../protocol/config.ts";
import { assertNever } from "../../protocol/live-wire.ts";
import { alarmRecall, deskCommand, endOfDay, type RuleContext } from "../queue/desk-rules.ts";
import { estimateWaitMinutes } from "../queue/estimate.ts";
import { walkInVerdict } from "../queue/intake.ts";
import { applyOutcome, isActive, type Outcome, type QueueState, type Ticket } from "../queue/model.ts";
import { formatTicketNumber } from "../queue/numbering.ts";
import { type PriorityOrder, waitingAheadAll } from "../queue/order.ts";
import { localTime } from "../queue/time.ts";
import { estimateWaitRange, type WaitRange, type WaitRangeInput } from "../queue/wait-range.ts";
import { EventQueue } from "./events.ts";
import { DESKS, MATTERS, PEOPLE, RECALL_DELAY_MS, type SimMatter, TIME_ZONE } from "./office.ts";
import { type Clerk, type DayPlan, planDay, type Visitor } from "./plan.ts";
import { Prng } from "./prng.ts";
import { type DayRecord, type DeskRecord, finalOutcome, type TicketRecord } from "./record.ts";
import { type DayShape, dayShape, type ShapeName } from "./shapes.ts";
import { waitInputs } from "./wait-inputs.ts";

const SEC = 1000;
const MIN = 60 * SEC;

type SimEvent =
  | { kind: "visitor"; visitor: Visitor }
  /** The clerk is free for the next step: a client already called to the desk, a break, or the next call. */
  | { kind: "ready"; deskId: string }
  /** The called client reaches the desk. */
  | { kind: "at-desk"; deskId: string; ticketId: string }
  /** The clerk presses "finish", or sends the client on to another matter; `thenReady`: the clerk is free right after. */
  | { kind: "done"; deskId: string; ticketId: string; transferTo: string | null; thenReady: boolean }
  /** Nobody came to the call: "Nie zgłosił się". */
  | { kind: "absent"; deskId: string; ticketId: string }
  | { kind: "break-due"; deskId: string }
  | { kind: "resume"; deskId: string }
  /** A missed ticket's recall time (the site's alarm). */
  | { kind: "recall-due"; ticketId: string };

interface Shown {
  ahead: number;
  single: number;
  range: WaitRange;
  rangeInput: WaitRangeInput;
  priority: boolean;
}

const MATTER_BY_ID = new Map(MATTERS.map((m) => [m.id, m]));
const CONFIGS = new Map(DESKS.map((d) => [d.id, d]));
/** The simulated office calls its priority tickets before the normal ones of their matter (order.ts). */
const PRIORITY_ORDER: PriorityOrder = "first";

function matterOf(id: string): SimMatter {
  const m = MATTER_BY_ID.get(id);
  if (!m) throw new Error(`unknown matter ${id}`);
  return m;
}

function openingHours(shape: DayShape): OpeningHours {
  const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const day: [string, string][] = [[hhmm(shape.open), hhmm(shape.close)]];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
}

class OfficeDay {
  private state: QueueState;
  private now: number;
  private readonly events = new EventQueue<SimEvent>();
  private readonly service: Prng;
  private readonly habits: Prng;
  private readonly visitors = new Map<string, Visitor>();
  private readonly shown = new Map<string, Shown>();
  private readonly finished = new Map<string, Ticket>();
  private readonly firstCall = new Map<string, number>();
  private readonly lineCalls = new Map<string, number[]>();
  private readonly transferred = new Map<string, string>();
  private readonly durations = new Map<string, number[]>();
  private readonly counters = new Map<string, number>();
  private readonly clerks: Map<string, Clerk & { idle: boolean; desk: DeskRecord }>;
  private readonly hours: OpeningHours;
  private refused = 0;
  private noShows = 0;
  private transfers = 0;

  constructor(
    private readonly shape: DayShape,
    private readonly seed: number,
    private readonly plan: DayPlan,
  ) {
    this.now = plan.openAt;
    this.state = { tickets: new Map(), desks: new Map(DESKS.map((d) => [d.id, { id: d.id, status: "open", ticketId: null }])) };
    this.service = new Prng(seed, "service");
    this.habits = new Prng(seed, "habits");
    this.hours = openingHours(shape);
    this.clerks = new Map(
      plan.clerks.map((c) => [
        c.deskId,
        {
          ...c,
          breaks: [...c.breaks],
          idle: true,
          desk: {
            deskId: c.deskId,
            matterIds: CONFIGS.get(c.deskId)?.matterIds ?? [],
            speed: c.speed,
            quickFinish: c.quickFinish,
            finished: 0,
            quickFinishes: 0,
            pauses: 0,
          },
        },
      ]),
    );
    for (const v of plan.visitors) this.events.push(v.at, { kind: "visitor", visitor: v });
    for (const c of plan.clerks) for (const b of c.breaks) this.events.push(b.at, { kind: "break-due", deskId: c.deskId });
    for (const c of plan.clerks) this.wake(c.deskId);
  }

  run(): DayRecord {
    for (let next = this.events.pop(); next; next = this.events.pop()) {
      this.now = next.at;
      this.handle(next.event);
    }
    const endedAt = Math.max(this.now, this.plan.closeAt);
    this.apply(endOfDay(this.state, endedAt, this.shape.date));
    return this.record(endedAt);
  }

  private ctx(): RuleContext {
    return {
      now: this.now,
      desks: CONFIGS,
      matterIds: new Set(MATTER_BY_ID.keys()),
      recallDelayMs: RECALL_DELAY_MS,
      priority: PRIORITY_ORDER,
    };
  }

  private clerk(deskId: string): Clerk & { idle: boolean; desk: DeskRecord } {
    const c = this.clerks.get(deskId);
    if (!c) throw new Error(`unknown desk ${deskId}`);
    return c;
  }

  private apply(outcome: Outcome): void {
    const next = applyOutcome(this.state, outcome);
    // Tickets the day is done with leave the rules' view (they only ever look at open ones), which keeps a long day fast.
    const done = outcome.tickets.filter((t) => !isActive(t));
    if (done.length === 0) this.state = next;
    else {
      const tickets = new Map(next.tickets);
      for (const t of done) {
        tickets.delete(t.id);
        this.finished.set(t.id, t);
      }
      this.state = { tickets, desks: next.desks };
    }
    for (const call of outcome.calls) {
      if (!this.firstCall.has(call.ticketId)) this.firstCall.set(call.ticketId, call.at);
      const t = this.state.tickets.get(call.ticketId);
      if (call.attempt !== 1 || !t) continue;
      const arr = this.lineCalls.get(t.matterId) ?? [];
      arr.push(call.at);
      this.lineCalls.set(t.matterId, arr);
    }
    for (const t of outcome.tickets) {
      // What the site object learns its pace from: every served ticket's time at the desk.
      if (t.status !== "served" || t.startedAt === null || t.finishedAt === null) continue;
      const arr = this.durations.get(t.matterId) ?? [];
      arr.push(t.finishedAt - t.startedAt);
      this.durations.set(t.matterId, arr);
    }
  }

  /** A clerk's command through the real rules; the simulator only gives commands the rules accept. */
  private command(deskId: string, cmd: DeskCommand): Outcome {
    const r = deskCommand(this.state, this.ctx(), deskId, cmd, "clerk");
    if (!r.ok) throw new Error(`${cmd.action} at ${deskId} refused: ${r.code}`);
    this.apply(r.outcome);
    return r.outcome;
  }

  private ticket(id: string): Ticket {
    const t = this.state.tickets.get(id) ?? this.finished.get(id);
    if (!t) throw new Error(`unknown ticket ${id}`);
    return t;
  }

  /** An idle clerk looks up: work has come (a ticket, a recall, a break due). */
  private wake(deskId: string): void {
    const c = this.clerk(deskId);
    if (!c.idle || this.now >= this.plan.closeAt) return;
    c.idle = false;
    this.events.push(this.now, { kind: "ready", deskId });
  }

  private wakeFor(matterId: string): void {
    for (const d of DESKS) if (d.matterIds.includes(matterId)) this.wake(d.id);
  }

  private seconds(range: readonly [number, number], rng: Prng = this.service): number {
    return Math.round(rng.between(range[0], range[1]) * SEC);
  }

  private handle(e: SimEvent): void {
    switch (e.kind) {
      case "visitor":
        return this.arrive(e.visitor);
      case "ready":
        return this.ready(e.deskId);
      case "at-desk":
        return this.atDesk(e.deskId, e.ticketId);
      case "done":
        return this.done(e.deskId, e.ticketId, e.transferTo, e.thenReady);
      case "absent":
        return this.absent(e.deskId, e.ticketId);
      case "break-due":
        return this.wake(e.deskId);
      case "resume": {
        if (this.now >= this.plan.closeAt) return;
        this.command(e.deskId, { action: "resume" });
        this.clerk(e.deskId).idle = true;
        return this.wake(e.deskId);
      }
      case "recall-due":
        return this.recallDue(e.ticketId);
      default:
        return assertNever(e);
    }
  }

  private arrive(v: Visitor): void {
    const m = matterOf(v.matterId);
    if (v.source === "walk-in") {
      const site = {
        calendar: { openingHours: this.hours, specialDays: [], daysOff: [], publicHolidays: false },
        closedTemporarily: false,
        configs: DESKS,
        desks: this.state.desks,
      };
      if (walkInVerdict(site, localTime(this.now, TIME_ZONE), m, new Map()) !== null) {
        this.refused++;
        return;
      }
    }
    const n = (this.counters.get(m.prefix) ?? 0) + 1;
    this.counters.set(m.prefix, n);
    const number = formatTicketNumber(m.prefix, n);
    const t: Ticket = {
      ...(v.priority ? { priority: true } : {}),
      id: `${this.shape.date}-${number}`,
      token: `sim-${this.seed}-${number}`,
      day: this.shape.date,
      number,
      matterId: m.id,
      source: v.source,
      status: "waiting",
      takenAt: this.now,
      reservedAt: v.source === "booking" ? v.at : null,
      deskId: null,
      misses: 0,
      recallAt: null,
      calledAt: null,
      startedAt: null,
      finishedAt: null,
    };
    this.apply({ tickets: [t], desks: [], calls: [], deskId: null, ticketId: t.id });
    this.visitors.set(t.id, v);
    const ahead = waitingAheadAll(this.state.tickets.values(), PRIORITY_ORDER).get(t.id) ?? 0;
    const inputs = waitInputs(
      {
        now: this.now,
        configs: DESKS,
        state: this.state,
        serviceMinutes: (id) => matterOf(id).serviceMinutes,
        durations: this.durations,
        upcomingBookings: this.plan.visitors.filter((b) => b.source === "booking" && b.at > this.now),
        closeAt: this.plan.closeAt,
        firstCalls: this.lineCalls,
      },
      t,
      ahead,
    );
    const rangeInput = { ...inputs.range, observedMs: [...inputs.range.observedMs] };
    this.shown.set(t.id, {
      ahead,
      single: estimateWaitMinutes(inputs.single),
      range: estimateWaitRange(rangeInput),
      rangeInput,
      priority: v.priority,
    });
    this.wakeFor(m.id);
  }

  private ready(deskId: string): void {
    const c = this.clerk(deskId);
    const desk = this.state.desks.get(deskId);
    if (!desk || this.now >= this.plan.closeAt || desk.status === "paused") {
      c.idle = true;
      return;
    }
    if (desk.ticketId !== null) return this.attend(deskId, desk.ticketId);
    const brk = c.breaks[0];
    if (brk && brk.at <= this.now) {
      c.breaks.shift();
      this.command(deskId, { action: "pause", reason: brk.minutes === null ? "other" : "break" });
      c.desk.pauses++;
      if (brk.minutes !== null) this.events.push(this.now + brk.minutes * MIN, { kind: "resume", deskId });
      return;
    }
    const out = this.command(deskId, { action: "call-next" });
    if (out.ticketId === null) {
      c.idle = true;
      return;
    }
    this.attend(deskId, out.ticketId);
  }

  /** The desk has called a client: they come, or the clerk waits in vain. */
  private attend(deskId: string, ticketId: string): void {
    const t = this.ticket(ticketId);
    const v = this.visitors.get(ticketId);
    const attempt = t.misses + 1;
    const present =
      v !== undefined &&
      !v.neverComes &&
      (v.leavesAt === null || this.now <= v.leavesAt || this.transferred.has(ticketId)) &&
      !(attempt === 1 && v.awayAtFirstCall);
    if (present) this.events.push(this.now + this.seconds(PEOPLE.walkSeconds), { kind: "at-desk", deskId, ticketId });
    else this.events.push(this.now + this.seconds(PEOPLE.waitForAbsentSeconds), { kind: "absent", deskId, ticketId });
  }

  private atDesk(deskId: string, ticketId: string): void {
    const c = this.clerk(deskId);
    const t = this.ticket(ticketId);
    if (!this.service.chance(PEOPLE.forgetsStart)) this.command(deskId, { action: "start" });
    const m = matterOf(t.matterId);
    let minutes = this.service.logNormal(m.medianMinutes * c.speed, m.sigma);
    if (this.service.chance(PEOPLE.longVisit.chance)) minutes *= this.service.between(...PEOPLE.longVisit.factor);
    const sendOn = this.transferred.has(ticketId) ? false : this.service.chance(m.transfer.chance);
    const transferTo = sendOn ? (m.transfer.to[Math.floor(this.service.next() * m.transfer.to.length)] ?? null) : null;
    if (transferTo !== null) minutes *= 0.4;
    const serviceMs = Math.max(30 * SEC, Math.round(minutes * MIN));
    if (transferTo === null && this.habits.chance(c.quickFinish)) {
      // "Finish" seconds after the start; the clerk serves the client without the system, then calls the next.
      c.desk.quickFinishes++;
      this.events.push(this.now + this.seconds(PEOPLE.quickFinishSeconds, this.habits), {
        kind: "done",
        deskId,
        ticketId,
        transferTo,
        thenReady: false,
      });
      this.events.push(this.now + serviceMs + this.seconds(PEOPLE.gapSeconds), { kind: "ready", deskId });
      return;
    }
    this.events.push(this.now + serviceMs, { kind: "done", deskId, ticketId, transferTo, thenReady: true });
  }

  private done(deskId: string, ticketId: string, transferTo: string | null, thenReady: boolean): void {
    const c = this.clerk(deskId);
    if (transferTo !== null) {
      this.command(deskId, { action: "transfer", ticketId, matterId: transferTo });
      this.transferred.set(ticketId, transferTo);
      this.transfers++;
      this.wakeFor(transferTo);
    } else {
      this.command(deskId, { action: "finish" });
      c.desk.finished++;
    }
    if (thenReady) this.events.push(this.now + this.seconds(PEOPLE.gapSeconds), { kind: "ready", deskId });
  }

  private absent(deskId: string, ticketId: string): void {
    const out = this.command(deskId, { action: "no-show" });
    this.noShows++;
    const t = out.tickets.find((x) => x.id === ticketId);
    if (t?.status === "missed" && t.recallAt !== null) this.events.push(t.recallAt, { kind: "recall-due", ticketId });
    this.events.push(this.now + this.seconds(PEOPLE.gapSeconds), { kind: "ready", deskId });
  }

  private recallDue(ticketId: string): void {
    if (this.now >= this.plan.closeAt) return;
    const out = alarmRecall(this.state, this.ctx(), ticketId);
    if (!out || out.deskId === null || out.ticketId === null) return;
    this.apply(out);
    const c = this.clerk(out.deskId);
    // An idle clerk turns to the recalled client; a busy one finds them at the desk when free.
    if (c.idle) {
      c.idle = false;
      this.attend(out.deskId, out.ticketId);
    }
  }

  private record(endedAt: number): DayRecord {
    const tickets: TicketRecord[] = [];
    for (const t of [...this.state.tickets.values(), ...this.finished.values()]) {
      const shown = this.shown.get(t.id);
      const v = this.visitors.get(t.id);
      if (!shown || !v) throw new Error(`ticket ${t.id} was never shown an estimate`);
      const calledAt = this.firstCall.get(t.id) ?? null;
      tickets.push({
        id: t.id,
        number: t.number,
        matterId: v.matterId,
        source: t.source,
        priority: shown.priority,
        takenAt: t.takenAt,
        ahead: shown.ahead,
        single: shown.single,
        range: shown.range,
        rangeInput: shown.rangeInput,
        calledAt,
        waitMinutes: ((calledAt ?? this.plan.closeAt) - t.takenAt) / MIN,
        outcome: finalOutcome(t),
        misses: t.misses,
        transferredTo: this.transferred.get(t.id) ?? null,
      });
    }
    tickets.sort((a, b) => a.takenAt - b.takenAt || (a.number < b.number ? -1 : 1));
    return {
      shape: this.shape.name,
      seed: this.seed,
      date: this.shape.date,
      openAt: this.plan.openAt,
      closeAt: this.plan.closeAt,
      endedAt,
      tickets,
      refused: this.refused,
      noShows: this.noShows,
      transfers: this.transfers,
      desks: [...this.clerks.values()].map((c) => c.desk),
    };
  }
}

/** Simulates one day of a shape from a seed: the same seed and shape give the same record. */
export function simulateDay(shape: ShapeName | DayShape, seed: number): DayRecord {
  const s = typeof shape === "string" ? dayShape(shape) : shape;
  return new OfficeDay(s, seed, planDay(s, seed)).run();
}
