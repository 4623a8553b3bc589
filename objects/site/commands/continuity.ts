// Local continuity's commands at the site object: the print agent announces its address on the office's
// network (and gets number blocks set aside for offline use), devices get the secret their local tokens are
// signed with, and the agent's offline log is replayed, each entry exactly once, by the written rules of
// objects/continuity/reconcile.ts. Decisions only: the commit path writes them.
import type { OfflineEntry, ReplayResponse } from "../../../protocol/continuity.ts";
import { newLocalSecret } from "../../../protocol/continuity-token.ts";
import { fail } from "../../../protocol/errors.ts";
import { BLOCK_FIRST, newBlock, nextDay } from "../../continuity/blocks.ts";
import { applyEntry, type Conflict, consecutive, desksLeftBehind, type ReplayBounds, unapplied } from "../../continuity/reconcile.ts";
import type { Desk, Ticket } from "../../queue/model.ts";
import { accept, type Change, type Decision, type ReplayedStep, refuse } from "../change.ts";
import { type AgentBlock, LOCAL_SECRET_KEY } from "../continuity-store.ts";
import type { ConfiguredRead, SiteRead } from "../draft.ts";
import { siteOfEticketToken } from "../random.ts";
import { clearTimer, recallTimerKey, setTimer } from "../scheduler.ts";

/** The `by` of a desk entry the agent's own recall timer made (no clerk pressed anything). */
const ALARM = "alarm";

/** The site's local secret, made the first time it is needed. */
export function localSecret(read: SiteRead): Decision<string> {
  const known = read.stores.site.getMeta(LOCAL_SECRET_KEY);
  if (known) return accept(known);
  const secret = newLocalSecret();
  return accept(secret, { continuity: { secret } });
}

/** Blocks for `agent` on these days, for every matter that has none yet: above the day's numbers and any other block. */
function reserveBlocks(read: ConfiguredRead, agent: string, days: readonly string[]): AgentBlock[] {
  const { continuity, queue } = read.stores;
  const out: AgentBlock[] = [];
  for (const day of days) {
    const have = new Set(continuity.blocksOf(agent, [day]).map((b) => b.matterId));
    for (const matterId of read.index.matters.keys()) {
      if (have.has(matterId)) continue;
      const highest = Math.max(queue.counter(day, matterId), ...continuity.blocksOn(day, matterId).map((b) => b.last));
      out.push({ agent, ...newBlock(day, matterId, highest) });
    }
  }
  return out;
}

/**
 * The print agent's socket opened and it says where it answers on the office's network (null: it serves no
 * continuity). Its address is kept with its identity; an agent that serves continuity gets today's and
 * tomorrow's number blocks, and the site its local secret.
 */
export function announceContinuity(agent: string, localUrl: string | null): (read: ConfiguredRead) => Decision<null> {
  return (read) => {
    const known = read.stores.continuity.agent(agent);
    const blocks = localUrl === null ? [] : reserveBlocks(read, agent, [read.day, nextDay(read.day)]);
    const secret = localSecret(read).change.continuity?.secret;
    return accept(null, {
      continuity: {
        agents: [{ agent, localUrl, replayedThrough: known?.replayedThrough ?? 0, announcedAt: read.now }],
        ...(blocks.length ? { blocks } : {}),
        ...(secret ? { secret } : {}),
      },
    });
  };
}

/** A new local day: the agent serving continuity gets the new tomorrow's blocks (today's were set aside yesterday, or now). */
export function blocksForNewDay(read: ConfiguredRead, day: string): Change {
  const serving = read.stores.continuity.serving();
  if (!serving) return {};
  const blocks = reserveBlocks(read, serving.agent, [day, nextDay(day)]);
  return blocks.length ? { continuity: { blocks } } : {};
}

/** The local day before `day` (YYYY-MM-DD), by the calendar. */
function dayBefore(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
}

/**
 * What bounds an agent's replayed entries here: walk-ins of today and tomorrow come from its blocks; those of
 * yesterday (an outage across midnight, replayed after the site's day moved on and its blocks went) from
 * the numbers blocks start at; no other day's. `given` holds the e-ticket secrets this replay inserts.
 */
function replayBounds(read: ConfiguredRead, agent: string, given: ReadonlySet<string>): ReplayBounds {
  const { continuity, queue } = read.stores;
  const siteId = read.index.config.id;
  const yesterday = dayBefore(read.day);
  return {
    numbers: (day, matterId) => {
      if (day === yesterday) return { first: BLOCK_FIRST, last: Number.MAX_SAFE_INTEGER };
      if (day !== read.day && day !== nextDay(read.day)) return null;
      return continuity.blocksOf(agent, [day]).find((b) => b.matterId === matterId) ?? null;
    },
    prefixOf: (matterId) => read.index.matters.get(matterId)?.prefix,
    hasDesk: (deskId) => read.index.desks.has(deskId),
    tokenFree: (token) => siteOfEticketToken(token) === siteId && !given.has(token) && queue.ticketByToken(token) === null,
  };
}

/**
 * The agent's offline log, replayed: entries at or below what was applied are skipped, the first new one
 * must be the next (REPLAY_OUT_OF_ORDER otherwise), and the entries of one request follow each other. The
 * entries applied and the new `replayedThrough` are one change.
 */
export function replayLog(agent: string, entries: readonly OfflineEntry[]): (read: ConfiguredRead) => Decision<ReplayResponse> {
  return (read) => {
    if (!consecutive(entries)) return refuse(fail("VALIDATION_FAILED", "entries: their seq must follow each other, one by one."));
    const known = read.stores.continuity.agent(agent);
    const through = known?.replayedThrough ?? 0;
    const rest = unapplied(entries, through);
    if (!rest) return refuse(fail("REPLAY_OUT_OF_ORDER"));
    const last = rest[rest.length - 1];
    if (!last) return accept({ replayedThrough: through, applied: 0, conflicts: [] });

    const rows = new Map<string, Ticket>();
    const kiosks = new Map<string, string | null>();
    const desks = new Map<string, Desk>();
    const ticketOf = (id: string): Ticket | undefined =>
      rows.get(id) ?? read.queue.tickets.get(id) ?? read.stores.queue.ticketById(id) ?? undefined;
    const given = new Set<string>();
    const bounds = replayBounds(read, agent, given);
    const steps: ReplayedStep[] = [];
    const conflicts: Conflict[] = [];
    for (const entry of rest) {
      const applied = applyEntry(entry, ticketOf, bounds);
      for (const w of applied.tickets) {
        rows.set(w.ticket.id, w.ticket);
        given.add(w.ticket.token);
        if (!kiosks.has(w.ticket.id)) kiosks.set(w.ticket.id, w.kioskId);
      }
      // A desk removed from the configuration meanwhile is not brought back.
      for (const d of applied.desks) if (read.index.desks.has(d.id)) desks.set(d.id, d);
      conflicts.push(...applied.conflicts);
      const actor = entry.type === "desk" && entry.by !== ALARM ? entry.by : null;
      steps.push({ at: entry.at, actor, tickets: applied.tickets, calls: applied.calls, estimates: applied.estimates });
    }
    for (const d of desksLeftBehind(read.queue.desks.values(), rows, new Set(desks.keys()))) desks.set(d.id, d);
    const tickets = [...rows.values()];
    return accept(
      { replayedThrough: last.seq, applied: rest.length, conflicts },
      {
        tickets: tickets.map((ticket) => ({ ticket, kioskId: kiosks.get(ticket.id) ?? null })),
        desks: [...desks.values()],
        calls: steps.flatMap((s) => s.calls),
        // A ticket missed offline is called again by the cloud's alarm when due (the agent's timer did so while cut off).
        timers: tickets.map((t) =>
          t.status === "missed" && t.recallAt !== null
            ? setTimer(recallTimerKey(t.id), "recall", t.recallAt, t.id)
            : clearTimer(recallTimerKey(t.id)),
        ),
        replayed: steps,
        continuity: {
          agents: [{ agent, localUrl: known?.localUrl ?? null, replayedThrough: last.seq, announcedAt: known?.announcedAt ?? read.now }],
        },
      },
    );
  };
}
