// The replica the site object sends its agent in every agent view: enough to run the hall alone while the
// office is cut off (protocol/continuity.ts ContinuityReplica). Built from the site's memory, once per flush.
import type { SiteConfig } from "../../protocol/config.ts";
import type { ContinuityCall, ContinuityReplica, ContinuityTicket, OfflineBlock } from "../../protocol/continuity.ts";
import { walkInsByPrefix } from "../queue/intake.ts";
import type { CallEvent, Desk, Ticket } from "../queue/model.ts";
import { isActive } from "../queue/model.ts";

export interface ReplicaSource {
  config: SiteConfig;
  day: string;
  publicUrl: string;
  /** The tickets in memory: today's, and any still open. */
  tickets: Iterable<Ticket>;
  desks: Iterable<Desk>;
  /** Newest first. */
  recentCalls: readonly CallEvent[];
  durations: ReadonlyMap<string, readonly number[]>;
  /** This agent's blocks for today and tomorrow. */
  blocks: readonly OfflineBlock[];
  localSecret: string;
  replayedThrough: number;
}

/** A ticket without its e-ticket secret. */
export function continuityTicket(t: Ticket): ContinuityTicket {
  const { token: _secret, priority, interpreter, ...rest } = t;
  return { ...rest, ...(priority ? { priority: true } : {}), ...(interpreter ? { interpreter: true } : {}) };
}

/**
 * The hall screens' languages as every print agent version reads them: Polish and English. An agent from
 * before Ukrainian hall screens refuses a replica naming "uk" (and keeps its last one), so the local
 * fallback's hall screens speak the office's Polish and English only; Ukrainian returns with the cloud.
 */
export function agentScreenLanguages(langs: readonly SiteConfig["screenLanguages"][number][]): ("pl" | "en")[] {
  const known = langs.filter((l): l is "pl" | "en" => l === "pl" || l === "en");
  return known.length ? known : ["pl"];
}

export function buildReplica(s: ReplicaSource): ContinuityReplica {
  const all = [...s.tickets];
  const calls: ContinuityCall[] = s.recentCalls.map((c) => ({ ...c }));
  return {
    siteId: s.config.id,
    config: { ...s.config, screenLanguages: agentScreenLanguages(s.config.screenLanguages) },
    day: s.day,
    publicUrl: s.publicUrl,
    tickets: all.filter(isActive).map(continuityTicket),
    desks: [...s.desks].map((d) => ({ id: d.id, status: d.status, ticketId: d.ticketId, ...(d.pause ? { pause: { ...d.pause } } : {}) })),
    recentCalls: calls,
    durations: Object.fromEntries([...s.durations].map(([m, ms]) => [m, [...ms]])),
    walkInsTaken: Object.fromEntries(walkInsByPrefix(s.day, all)),
    blocks: [...s.blocks],
    localSecret: s.localSecret,
    replayedThrough: s.replayedThrough,
  };
}
