// Refusals the local API answered under an Idempotency-Key, answered again under it for a while (as the cloud
// does, objects/site/idempotency.ts): bounded in time and in number, oldest first, so that a device sending
// ever new keys cannot fill the agent's memory.
import type { KeptAnswer } from "./offline-log.ts";

/** A refusal is answered again under its key this long (objects/site/idempotency.ts REFUSAL_KEPT_MS). */
export const REFUSAL_KEPT_MS = 10 * 60_000;
/** The most refusals kept at once (the oldest go first). */
export const REFUSALS_KEPT = 5000;

export class KeptRefusals {
  private readonly byKey = new Map<string, KeptAnswer & { at: number }>();

  get size(): number {
    return this.byKey.size;
  }

  /** The refusal kept under `key`, if it is recent. */
  get(key: string, now: number): KeptAnswer | undefined {
    this.forget(now);
    return this.byKey.get(key);
  }

  add(answer: KeptAnswer, now: number): void {
    this.forget(now);
    this.byKey.delete(answer.key);
    this.byKey.set(answer.key, { ...answer, at: now });
    for (const key of this.byKey.keys()) {
      if (this.byKey.size <= REFUSALS_KEPT) break;
      this.byKey.delete(key);
    }
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }

  private forget(now: number): void {
    for (const [key, r] of this.byKey) {
      if (now - r.at < REFUSAL_KEPT_MS) return;
      this.byKey.delete(key);
    }
  }
}
