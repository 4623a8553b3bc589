// Accounts the demo made never act outside demo mode: a production Worker refuses their tokens,
// including ones signed before the switch with the same key.
import { type Env, isDemo } from "../env.ts";
import { ApiError } from "../errors.ts";
import { registry } from "../sites.ts";
import type { TokenClaims } from "./token.ts";

/** The names are asked of the registry at most this often per Worker instance. */
const TTL_MS = 60_000;

let cached: { names: Promise<Set<string>>; at: number } | null = null;

function demoAccountNames(env: Env): Promise<Set<string>> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.names;
  const names = registry(env)
    .demoUserNames()
    .then((list) => new Set(list));
  cached = { names, at: Date.now() };
  names.catch(() => {
    cached = null;
  });
  return names;
}

/** Outside demo mode, a token of a demo account is refused: 401 TOKEN_INVALID. */
export async function refuseDemoAccount(env: Env, claims: TokenClaims): Promise<void> {
  if (isDemo(env)) return;
  if ((await demoAccountNames(env)).has(claims.sub)) throw new ApiError("TOKEN_INVALID");
}
