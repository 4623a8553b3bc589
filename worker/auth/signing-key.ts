// Whether the Worker may sign and accept staff and device tokens with the key it was given.
// Production never trusts the demo key from wrangler.jsonc or a key too short to resist guessing.
import { type Env, isDemo } from "../env.ts";
import { ApiError } from "../errors.ts";
import type { SigningKeys } from "./token.ts";

/** The demo's signing key (wrangler.jsonc `vars`): anyone can read it, so production refuses it. */
export const DEMO_SECRET = "numerek-demo-secret-not-for-production";

/** The shortest signing key production accepts, in bytes (HMAC-SHA256's own block of strength). */
export const MIN_SECRET_BYTES = 32;

/** Why the signing key (or the previous one, during a rotation) cannot be used, or null when it can (demo mode takes any key). */
export function signingKeyProblem(env: Env): string | null {
  if (isDemo(env)) return null;
  return (
    keyProblem("AUTH_SECRET", env.AUTH_SECRET) ??
    (env.AUTH_SECRET_PREVIOUS ? keyProblem("AUTH_SECRET_PREVIOUS", env.AUTH_SECRET_PREVIOUS) : null)
  );
}

function keyProblem(name: string, secret: string | undefined): string | null {
  if (!secret) return `${name} is not set`;
  if (secret === DEMO_SECRET) return `${name} is the demo key from wrangler.jsonc`;
  if (new TextEncoder().encode(secret).length < MIN_SECRET_BYTES) return `${name} is shorter than ${MIN_SECRET_BYTES} bytes`;
  return null;
}

/** The keys tokens are signed and believed with (call after requireSigningKey). */
export function signingKeys(env: Env): SigningKeys {
  return { current: env.AUTH_SECRET, previous: env.AUTH_SECRET_PREVIOUS };
}

const logged = new Set<string>();

/**
 * Refuses a request that needs the signing key while the key is unfit: 503 NOT_CONFIGURED, on
 * every staff and device route, so no token is signed or believed. The reason is logged once
 * per problem (never the key itself).
 */
export function requireSigningKey(env: Env): void {
  const problem = signingKeyProblem(env);
  if (!problem) return;
  if (!logged.has(problem)) {
    logged.add(problem);
    console.error(
      `numerek: staff routes are refused (503 NOT_CONFIGURED): ${problem}. Set a random key of at least ${MIN_SECRET_BYTES} bytes with 'wrangler secret put AUTH_SECRET --env production'.`,
    );
  }
  throw new ApiError(
    "NOT_CONFIGURED",
    `Sign-in is unavailable: the server's signing key is not set up for production (${problem}). The operator must set AUTH_SECRET.`,
  );
}
