// What each socket of a site shows, built once per flush from memory: the hall screens, a desk's screen,
// a clerk's console, an e-ticket, the print agent's pending jobs.
import type { ContinuityReplica } from "../../protocol/continuity.ts";
import type { RoleView } from "../../protocol/live.ts";
import { assertNever } from "../../protocol/live.ts";
import { nextDay } from "../continuity/blocks.ts";
import { buildReplica } from "../continuity/replica.ts";
import { LOCAL_SECRET_KEY } from "./continuity-store.ts";
import { overriddenOn } from "./cut-off-overrides.ts";
import type { SiteStores } from "./draft.ts";
import { forecastAt } from "./forecast.ts";
import type { LiveAttachment } from "./live-hub.ts";
import type { SiteMemory } from "./memory.ts";
import { ViewBuilder } from "./views.ts";

/** Jobs the print agent gets at once. */
const AGENT_JOBS = 100;

/**
 * What the agent that serves the site's continuity needs to run the hall alone (objects/continuity/replica.ts),
 * or undefined while no agent has announced an address on the office's network.
 */
function replicaOf(memory: SiteMemory, stores: SiteStores, publicUrl: string, agent: string | undefined): ContinuityReplica | undefined {
  const index = memory.index;
  const serving = stores.continuity.serving();
  // Another agent of the site (or a manager watching the jobs) never gets the serving agent's blocks, log position or secret.
  if (agent === undefined || serving?.agent !== agent) return undefined;
  const localSecret = stores.site.getMeta(LOCAL_SECRET_KEY);
  if (!index || !serving || !localSecret) return undefined;
  return buildReplica({
    config: index.config,
    day: memory.day,
    publicUrl,
    tickets: memory.queue.tickets.values(),
    desks: memory.queue.desks.values(),
    recentCalls: memory.recentCalls,
    durations: memory.durations,
    blocks: stores.continuity.blocksOf(serving.agent, [memory.day, nextDay(memory.day)]),
    localSecret,
    replayedThrough: serving.replayedThrough,
  });
}

/** One builder per flush: positions and estimates are computed once for all sockets. */
export function roleViews(memory: SiteMemory, stores: SiteStores, publicUrl = ""): (a: LiveAttachment) => RoleView | null {
  const index = memory.index;
  if (!index) return () => null;
  const views = new ViewBuilder(index, memory.queue, memory.durations, forecastAt(index, Date.now(), memory.bookingsDue));
  /** The matters whose closing cut-off a manager lifted today: read once per flush. */
  let overridden: ReadonlySet<string> | null = null;
  /** The kiosks' printers: read once per flush, however many screens. */
  let printers: ReturnType<SiteStores["printers"]["printers"]> | null = null;
  return (a) => {
    switch (a.role) {
      case "display":
        overridden ??= overriddenOn(memory.cutOffOverrides, memory.day);
        printers ??= stores.printers.printers();
        return { role: "display", view: views.display(memory.recentCalls, printers, memory.day, overridden) };
      case "desk": {
        const v = views.deskScreen(a.deskId);
        return v ? { role: "desk", view: v } : null;
      }
      case "clerk": {
        const v = views.clerk(a.deskId, memory.day);
        return v ? { role: "clerk", view: v } : null;
      }
      case "eticket": {
        // A ticket of an earlier day is no longer in memory: its final state comes from SQLite.
        const t = memory.queue.tickets.get(a.ticketId) ?? stores.queue.ticketById(a.ticketId);
        return t ? { role: "eticket", view: views.eticket(t, memory.notices.view(t.id)) } : null;
      }
      case "agent": {
        const continuity = replicaOf(memory, stores, publicUrl, a.serves);
        const jobs = stores.printers.pendingJobs(AGENT_JOBS);
        return { role: "agent", view: continuity ? { jobs, continuity } : { jobs } };
      }
      default:
        return assertNever(a);
    }
  };
}
