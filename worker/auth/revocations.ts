// Accounts whose tokens no longer work: disabled ones, and those signed out everywhere (a token of a
// lower version than the account's is refused). Each organisation's list is asked of its directory
// at most every 30 seconds per Worker instance, so a change made through another instance takes
// effect within 30 s; the instance that made it forgets the list at once.

import type { Env } from "../env.ts";
import { ApiError } from "../errors.ts";
import { directoryOf } from "../sites.ts";
import type { TokenClaims } from "./token.ts";

const TTL_MS = 30_000;
/** At most this many organisations' lists are kept per Worker instance. */
const MAX_ORGS = 5_000;

interface Revoked {
  disabled: boolean;
  version: number;
}

const cached = new Map<string, { list: Promise<Map<string, Revoked>>; at: number }>();

function revocationsOf(env: Env, org: string): Promise<Map<string, Revoked>> {
  const hit = cached.get(org);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.list;
  const list = directoryOf(env, org)
    .revocations()
    .then((rows) => new Map(rows.map((r) => [r.username, { disabled: r.disabled, version: r.version }])));
  if (cached.size >= MAX_ORGS) cached.clear();
  cached.set(org, { list, at: Date.now() });
  list.catch(() => {
    cached.delete(org);
  });
  return list;
}

/** A token of a disabled account, or one signed before its account was signed out everywhere: 401 TOKEN_INVALID. */
export async function refuseRevokedToken(env: Env, claims: TokenClaims): Promise<void> {
  if (claims.org === undefined) return;
  const revoked = (await revocationsOf(env, claims.org)).get(claims.sub);
  if (!revoked) return;
  if (revoked.disabled || (claims.ver ?? 0) < revoked.version) throw new ApiError("TOKEN_INVALID");
}

/** Forget an organisation's list (after this Worker changed one of its accounts). */
export function forgetRevocations(org: string): void {
  cached.delete(org);
}
