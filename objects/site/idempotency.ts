// Retried commands: a kiosk or a browser sends the same Idempotency-Key again and gets the first answer.
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import type { SiteStore } from "./store.ts";

/** A retried command carries the same key; the fingerprint tells a retry from a different request. */
export interface Idempotency {
  key: string;
  fingerprint: string;
}

/** The first answer to this key, or null when the command has not run yet; a different request under the same key is refused. */
export function replay<T>(store: SiteStore, idem: Idempotency | undefined): Result<T> | null {
  if (!idem) return null;
  const prior = store.idempotent(idem.key);
  if (!prior) return null;
  if (prior.fingerprint !== idem.fingerprint) return fail("IDEMPOTENCY_KEY_REUSED");
  return ok(JSON.parse(prior.response) as T);
}
