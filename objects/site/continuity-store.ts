// Local continuity's rows at the site object: the agents that announced an address on the office's network
// (with the highest seq of each one's offline log applied here), the number blocks set aside for them, and
// the secret local tokens are signed with. Written by the commit path only (Change.continuity).
import type { OfflineBlock } from "../../protocol/continuity.ts";

/** Re-runnable (a later upgrade may run every step after version 4 again). */
export const CONTINUITY_MIGRATION = `
  CREATE TABLE IF NOT EXISTS continuity_agents (
    agent TEXT PRIMARY KEY,
    local_url TEXT,
    replayed_through INTEGER NOT NULL DEFAULT 0,
    announced_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS offline_blocks (
    agent TEXT NOT NULL,
    day TEXT NOT NULL,
    matter_id TEXT NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (agent, day, matter_id)
  );
  CREATE INDEX IF NOT EXISTS offline_blocks_day ON offline_blocks(day, matter_id);
`;

/** The meta key of the site's local secret. */
export const LOCAL_SECRET_KEY = "continuity_secret";

/** An agent of the site as continuity knows it: who (its token's subject), where it answers, how far its log is applied. */
export interface ContinuityAgent {
  agent: string;
  localUrl: string | null;
  replayedThrough: number;
  announcedAt: number;
}

/** A block with the agent it is set aside for. */
export interface AgentBlock extends OfflineBlock {
  agent: string;
}

/** What a change writes of continuity. */
export interface ContinuityWrite {
  agents?: ContinuityAgent[];
  blocks?: AgentBlock[];
  secret?: string;
}

export class ContinuityStore {
  constructor(private readonly sql: SqlStorage) {}

  agent(agent: string): ContinuityAgent | null {
    return (
      this.sql
        .exec<{ agent: string; local_url: string | null; replayed_through: number; announced_at: number }>(
          "SELECT agent, local_url, replayed_through, announced_at FROM continuity_agents WHERE agent = ?",
          agent,
        )
        .toArray()
        .map((r) => ({ agent: r.agent, localUrl: r.local_url, replayedThrough: r.replayed_through, announcedAt: r.announced_at }))[0] ??
      null
    );
  }

  /** The agent that serves the site's continuity: the last to announce an address. */
  serving(): ContinuityAgent | null {
    const row = this.sql
      .exec<{ agent: string }>("SELECT agent FROM continuity_agents WHERE local_url IS NOT NULL ORDER BY announced_at DESC, agent LIMIT 1")
      .toArray()[0];
    return row ? this.agent(row.agent) : null;
  }

  /** Every block of a day and matter, whoever it is set aside for (the cloud's numbering jumps over them all). */
  blocksOn(day: string, matterId: string): AgentBlock[] {
    return this.sql
      .exec<{ agent: string; day: string; matter_id: string; first: number; last: number }>(
        "SELECT agent, day, matter_id, first, last FROM offline_blocks WHERE day = ? AND matter_id = ? ORDER BY first",
        day,
        matterId,
      )
      .toArray()
      .map((r) => ({ agent: r.agent, day: r.day, matterId: r.matter_id, first: r.first, last: r.last }));
  }

  /** An agent's blocks of these days. */
  blocksOf(agent: string, days: readonly string[]): OfflineBlock[] {
    return this.sql
      .exec<{ day: string; matter_id: string; first: number; last: number }>(
        `SELECT day, matter_id, first, last FROM offline_blocks WHERE agent = ? AND day IN (${days.map(() => "?").join(", ")}) ORDER BY day, matter_id`,
        agent,
        ...days,
      )
      .toArray()
      .map((r) => ({ day: r.day, matterId: r.matter_id, first: r.first, last: r.last }));
  }

  write(w: ContinuityWrite, site: { setMeta(key: string, value: string): void }): void {
    if (w.secret) site.setMeta(LOCAL_SECRET_KEY, w.secret);
    for (const a of w.agents ?? []) {
      this.sql.exec(
        `INSERT INTO continuity_agents (agent, local_url, replayed_through, announced_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (agent) DO UPDATE SET local_url = excluded.local_url, replayed_through = excluded.replayed_through,
           announced_at = excluded.announced_at`,
        a.agent,
        a.localUrl,
        a.replayedThrough,
        a.announcedAt,
      );
    }
    for (const b of w.blocks ?? []) {
      this.sql.exec(
        "INSERT INTO offline_blocks (agent, day, matter_id, first, last) VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent, day, matter_id) DO NOTHING",
        b.agent,
        b.day,
        b.matterId,
        b.first,
        b.last,
      );
    }
  }

  /** Blocks of days before `day` go (their numbers can never be given again). */
  purgeBefore(day: string): void {
    this.sql.exec("DELETE FROM offline_blocks WHERE day < ?", day);
  }
}
