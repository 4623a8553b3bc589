// The ticket counters of a day and the numbers set aside for the agent (objects/continuity/blocks.ts), kept in
// memory: a walk-in's number reads no SQLite. Each is read from storage the first time it is asked for,
// and moved on by the rows each change writes, after the write, like the rest of the site's memory.
import type { Change } from "./change.ts";
import type { AgentBlock, ContinuityStore } from "./continuity-store.ts";
import type { QueueStore } from "./queue-store.ts";

/** What numbering a ticket reads. */
export interface Numbering {
  /** The last number given for a matter on a local day (0 before the first). */
  counter(day: string, matterId: string): number;
  /** The blocks set aside for the agent for a matter on a local day. */
  blocksOn(day: string, matterId: string): readonly AgentBlock[];
}

export class NumberingMemory implements Numbering {
  private readonly counters = new Map<string, number>();
  private readonly blocks = new Map<string, readonly AgentBlock[]>();

  constructor(private readonly stores: { queue: Pick<QueueStore, "counter">; continuity: Pick<ContinuityStore, "blocksOn"> }) {}

  counter(day: string, matterId: string): number {
    const key = `${day}|${matterId}`;
    let v = this.counters.get(key);
    if (v === undefined) this.counters.set(key, (v = this.stores.queue.counter(day, matterId)));
    return v;
  }

  blocksOn(day: string, matterId: string): readonly AgentBlock[] {
    const key = `${day}|${matterId}`;
    let v = this.blocks.get(key);
    if (v === undefined) this.blocks.set(key, (v = this.stores.continuity.blocksOn(day, matterId)));
    return v;
  }

  /** After a write: the counters it set; blocks are read again after any change of continuity. */
  apply(change: Change): void {
    for (const k of change.counters ?? []) this.counters.set(`${k.day}|${k.matterId}`, k.value);
    if (change.continuity) this.blocks.clear();
  }

  /** A new day: the days before it are forgotten. */
  forgetBefore(day: string): void {
    for (const m of [this.counters, this.blocks]) for (const key of m.keys()) if (key.slice(0, key.indexOf("|")) < day) m.delete(key);
  }
}
