// Builders and a small harness for the queue-rule unit tests (not used by production code).
import type { DeskActor, DeskCommand } from "../../protocol/api.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import { alarmRecall, deskCommand, type RuleContext, type RuleResult } from "./desk-rules.ts";
import { applyOutcome, type CallEvent, type Desk, type Outcome, type QueueState, type Ticket } from "./model.ts";
import type { DeskMatters } from "./order.ts";

export const TZ = "Europe/Warsaw";
export const SEC = 1000;
export const MIN = 60 * SEC;
/** Monday 2026-11-23, 09:00 in Warsaw (CET, UTC+1). */
export const T0 = Date.UTC(2026, 10, 23, 8, 0);
export const DAY = "2026-11-23";

let seq = 0;

/** A waiting walk-in ticket; `number` doubles as its id unless `id` is given. */
export function ticket(number: string, matterId: string, takenAt: number, over: Partial<Ticket> = {}): Ticket {
  seq++;
  return {
    id: number,
    token: `token-${number}-${seq}`,
    day: DAY,
    number,
    matterId,
    source: "walk-in",
    status: "waiting",
    takenAt,
    reservedAt: null,
    deskId: null,
    misses: 0,
    recallAt: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    ...over,
  };
}

/** A booked visit that joined the queue (R7): ordered by its reserved time. */
export function booking(number: string, matterId: string, takenAt: number, reservedAt: number, over: Partial<Ticket> = {}): Ticket {
  return ticket(number, matterId, takenAt, { source: "booking", reservedAt, ...over });
}

export function desk(id: string, over: Partial<Desk> = {}): Desk {
  return { id, status: "open", ticketId: null, ...over };
}

export function deskCfg(id: string, ...matterIds: string[]): DeskMatters {
  return { id, matterIds };
}

export function stateOf(tickets: readonly Ticket[], desks: readonly Desk[]): QueueState {
  return { tickets: new Map(tickets.map((t) => [t.id, t])), desks: new Map(desks.map((d) => [d.id, d])) };
}

export function ctxOf(
  configs: readonly DeskMatters[],
  opts: { now?: number; matterIds?: readonly string[]; recallDelayMs?: number } = {},
): RuleContext {
  const matterIds = opts.matterIds ?? [...new Set(configs.flatMap((c) => c.matterIds))];
  return {
    now: opts.now ?? T0,
    desks: new Map(configs.map((c) => [c.id, c])),
    matterIds: new Set(matterIds),
    recallDelayMs: opts.recallDelayMs ?? 5 * MIN,
  };
}

export interface HarnessOptions {
  desks: readonly DeskMatters[];
  tickets?: readonly Ticket[];
  /** Stored desk rows; by default every configured desk is open and idle. */
  deskRows?: readonly Desk[];
  matterIds?: readonly string[];
  now?: number;
  recallDelayMs?: number;
}

/** A site's queue in memory: runs commands like the object does (apply the outcome, keep the calls). */
export class Harness {
  state: QueueState;
  now: number;
  readonly configs: readonly DeskMatters[];
  readonly matterIds: readonly string[];
  readonly recallDelayMs: number;
  /** Every CallEvent produced so far, in order: what the screens showed and the speakers said. */
  readonly calls: CallEvent[] = [];

  constructor(opts: HarnessOptions) {
    this.configs = opts.desks;
    this.matterIds = opts.matterIds ?? [...new Set(opts.desks.flatMap((c) => c.matterIds))];
    this.recallDelayMs = opts.recallDelayMs ?? 5 * MIN;
    this.now = opts.now ?? T0;
    this.state = stateOf(opts.tickets ?? [], opts.deskRows ?? opts.desks.map((c) => desk(c.id)));
  }

  get ctx(): RuleContext {
    return ctxOf(this.configs, { now: this.now, matterIds: this.matterIds, recallDelayMs: this.recallDelayMs });
  }

  advance(ms: number): this {
    this.now += ms;
    return this;
  }

  add(...tickets: Ticket[]): this {
    const map = new Map(this.state.tickets);
    for (const t of tickets) map.set(t.id, t);
    this.state = { tickets: map, desks: this.state.desks };
    return this;
  }

  /** Runs a command without applying it; the desk's clerk gives it unless a manager is named. */
  attempt(deskId: string, cmd: DeskCommand, actor: DeskActor = "clerk"): RuleResult {
    return deskCommand(this.state, this.ctx, deskId, cmd, actor);
  }

  /** Runs a command that must succeed and applies its outcome. */
  run(deskId: string, cmd: DeskCommand, actor: DeskActor = "clerk"): Outcome {
    const r = this.attempt(deskId, cmd, actor);
    if (!r.ok) throw new Error(`${cmd.action} at ${deskId} failed with ${r.code}`);
    this.apply(r.outcome);
    return r.outcome;
  }

  /** Runs a command that must fail; the state stays as it was. */
  error(deskId: string, cmd: DeskCommand, actor: DeskActor = "clerk"): ErrorCode {
    const r = this.attempt(deskId, cmd, actor);
    if (r.ok) throw new Error(`${cmd.action} at ${deskId} unexpectedly succeeded`);
    return r.code;
  }

  /** The alarm's recall of a missed ticket; applies what it changed. */
  alarm(ticketId: string): Outcome | null {
    const out = alarmRecall(this.state, this.ctx, ticketId);
    if (out) this.apply(out);
    return out;
  }

  apply(outcome: Outcome): void {
    this.state = applyOutcome(this.state, outcome);
    this.calls.push(...outcome.calls);
  }

  ticket(id: string): Ticket {
    const t = this.state.tickets.get(id);
    if (!t) throw new Error(`no ticket ${id}`);
    return t;
  }

  desk(id: string): Desk {
    const d = this.state.desks.get(id);
    if (!d) throw new Error(`no desk ${id}`);
    return d;
  }

  /** call-next, returning the number called (null when nobody was called). */
  callNext(deskId: string): string | null {
    const out = this.run(deskId, { action: "call-next" });
    return out.ticketId === null ? null : this.ticket(out.ticketId).number;
  }

  /** Calls next and serves the client to the end; returns the number served. */
  serveNext(deskId: string): string | null {
    const n = this.callNext(deskId);
    if (n === null) return null;
    this.run(deskId, { action: "start" });
    this.run(deskId, { action: "finish" });
    return n;
  }

  lastCall(): CallEvent {
    const c = this.calls.at(-1);
    if (!c) throw new Error("nothing was called");
    return c;
  }
}
