// Retried commands: a kiosk or a browser sends the same Idempotency-Key again and gets the first answer.
// A refusal is an answer too: for a while the same key gets the same refusal, and the same key with
// another request is refused as reused, so a key never runs twice with different bodies.
import type { Result } from "../../protocol/errors.ts";
import { fail, isErrorCode, ok } from "../../protocol/errors.ts";
import type { IdempotencyRecord, SiteStore } from "./store.ts";

/** A retried command carries the same key; the fingerprint tells a retry from a different request. */
export interface Idempotency {
  key: string;
  fingerprint: string;
}

/**
 * A refusal is kept this long. A refusal often passes (a desk opens, a slot frees), and after this a retry
 * under the key runs again; an answer that was accepted is kept with the day's records (two days).
 */
export const REFUSAL_KEPT_MS = 10 * 60_000;

/** What a record answers a request now: the first answer, the refusal, a reuse, or nothing (run the command). */
export function replayOf<T>(prior: IdempotencyRecord | null, idem: Idempotency, now: number): Result<T> | null {
  if (!prior) return null;
  if (prior.refused !== null && now - prior.createdAt >= REFUSAL_KEPT_MS) return null;
  if (prior.fingerprint !== idem.fingerprint) return fail("IDEMPOTENCY_KEY_REUSED");
  if (prior.refused === null) return { ...ok(JSON.parse(prior.response) as T), replayed: true };
  const refusal = JSON.parse(prior.response) as { message?: string };
  return isErrorCode(prior.refused) ? fail(prior.refused, refusal.message) : fail("IDEMPOTENCY_KEY_REUSED");
}

/** The first answer to this key, or null when the command has not run yet (or its refusal has lapsed). */
export function replay<T>(store: SiteStore, idem: Idempotency | undefined, now: number): Result<T> | null {
  if (!idem) return null;
  return replayOf<T>(store.idempotent(idem.key), idem, now);
}

/** Records the answer, or the refusal, under the key (inside the command's transaction). */
export function remember(store: SiteStore, idem: Idempotency, result: Result<unknown>, now: number): void {
  if (result.ok) store.rememberIdempotent(idem.key, idem.fingerprint, result.value, now, null);
  else {
    store.pruneRefusals(now - REFUSAL_KEPT_MS);
    const body = result.message === undefined ? {} : { message: result.message };
    store.rememberIdempotent(idem.key, idem.fingerprint, body, now, result.code);
  }
}
