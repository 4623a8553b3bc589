// What a Worker instance keeps of what it asks an object for on every request (an organisation's revoked
// accounts): used as it is while young; older, used while one refresh runs under the request's waitUntil,
// so that the first request after a quiet spell does not wait for an object that has gone to sleep
// meanwhile; older still, or where nothing would keep the refresh alive, waited for. A value is never used
// older than its `maxMs`.

import type { Context } from "hono";

/** The request's own waitUntil: a refresh nobody waits for must outlive the response that started it. */
export type WaitUntil = (p: Promise<unknown>) => void;

/** The request's waitUntil, where it has one (a request made in a test without an execution context has none). */
export function waitUntilOf(c: Context): WaitUntil | undefined {
  try {
    const ctx = c.executionCtx;
    return (p) => ctx.waitUntil(p);
  } catch {
    return undefined;
  }
}

export interface KeptAges {
  /** Used as it is while younger than this. */
  freshMs: number;
  /** Never used once this old: the request waits for a fresh one. */
  maxMs: number;
}

/**
 * What a request does with a kept value of this age: use it; use it and start a refresh that nobody
 * waits for (none under way, or the one under way is older than `freshMs` and taken for lost); use it
 * while the refresh under way goes on; or wait for a fresh one (none kept, or one `maxMs` old).
 */
export function keptUse(ageMs: number | null, refreshingForMs: number | null, ages: KeptAges): "use" | "use-and-refresh" | "wait" {
  if (ageMs === null || ageMs >= ages.maxMs) return "wait";
  if (ageMs < ages.freshMs) return "use";
  return refreshingForMs === null || refreshingForMs >= ages.freshMs ? "use-and-refresh" : "use";
}

interface Entry<V> {
  value: Promise<V>;
  /** When the value was asked for. */
  at: number;
  /** When the refresh under way started, or null. */
  refreshing: number | null;
}

/** Values per key, kept as keptUse says; at most `maxKeys` (then all are forgotten). */
export class KeptValues<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly ages: KeptAges;
  private readonly maxKeys: number;

  constructor(ages: KeptAges, maxKeys: number) {
    this.ages = ages;
    this.maxKeys = maxKeys;
  }

  /**
   * The value to use now; `ask` asks for a fresh one. `waitUntil`: the request's, which lets an old value
   * be used while it is refreshed.
   */
  get(key: K, ask: () => Promise<V>, waitUntil?: WaitUntil): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    const use = keptUse(hit ? now - hit.at : null, hit?.refreshing != null ? now - hit.refreshing : null, this.ages);
    if (hit && use === "use") return hit.value;
    if (hit && use === "use-and-refresh" && waitUntil) {
      hit.refreshing = now;
      // An ask that throws at once fails like one whose answer fails: the old value still serves.
      const fresh = Promise.resolve().then(ask);
      waitUntil(
        fresh.then(
          // Kept only while the entry is still this one (not forgotten meanwhile: that answer may be older).
          () => {
            if (this.entries.get(key) === hit) this.entries.set(key, { value: fresh, at: now, refreshing: null });
          },
          () => {
            if (hit.refreshing === now) hit.refreshing = null;
          },
        ),
      );
      return hit.value;
    }
    return this.asked(key, ask(), now);
  }

  /** Forget a key's value (after this Worker changed what it says): the next request asks again. */
  forget(key: K): void {
    this.entries.delete(key);
  }

  /** Keeps the value just asked for; a failed one is forgotten, so the next request asks again. */
  private asked(key: K, value: Promise<V>, now: number): Promise<V> {
    if (this.entries.size >= this.maxKeys) this.entries.clear();
    const entry: Entry<V> = { value, at: now, refreshing: null };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}
