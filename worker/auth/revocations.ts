// Accounts whose tokens no longer work: disabled ones, and those signed out everywhere (a token of a
// lower version than the account's is refused). Each organisation's list is asked of its directory
// per Worker instance and never used once 30 seconds old, so a change made through another instance
// takes effect within 30 s; the instance that made it forgets the list at once. From 10 s on, the list
// is refreshed under the request's waitUntil while it is still used, so a request after a short quiet
// spell does not wait for a directory that has gone to sleep (worker/kept.ts).

import type { Env } from "../env.ts";
import { ApiError } from "../errors.ts";
import { KeptValues, type WaitUntil } from "../kept.ts";
import { directoryOf } from "../sites.ts";
import type { TokenClaims } from "./token.ts";

/** Used as it is for 10 s, never once 30 s old. */
const AGES = { freshMs: 10_000, maxMs: 30_000 };
/** At most this many organisations' lists are kept per Worker instance. */
const MAX_ORGS = 5_000;

interface Revoked {
  disabled: boolean;
  version: number;
}

const kept = new KeptValues<string, Map<string, Revoked>>(AGES, MAX_ORGS);

function revocationsOf(env: Env, org: string, waitUntil?: WaitUntil): Promise<Map<string, Revoked>> {
  const ask = () =>
    directoryOf(env, org)
      .revocations()
      .then((rows) => new Map(rows.map((r) => [r.username, { disabled: r.disabled, version: r.version }])));
  return kept.get(org, ask, waitUntil);
}

/** A token of a disabled account, or one signed before its account was signed out everywhere: 401 TOKEN_INVALID. */
export async function refuseRevokedToken(env: Env, claims: TokenClaims, waitUntil?: WaitUntil): Promise<void> {
  if (claims.org === undefined) return;
  const revoked = (await revocationsOf(env, claims.org, waitUntil)).get(claims.sub);
  if (!revoked) return;
  if (revoked.disabled || (claims.ver ?? 0) < revoked.version) throw new ApiError("TOKEN_INVALID");
}

/** Forget an organisation's list (after this Worker changed one of its accounts). */
export function forgetRevocations(org: string): void {
  kept.forget(org);
}
