// Whether the Worker may sign and accept staff and device tokens with the key it was given.
// Production never trusts the demo key from wrangler.jsonc or a key too short to resist guessing.
import { type Env, isDemo } from "../env.ts";
import { ApiError } from "../errors.ts";

/** The demo's signing key (wrangler.jsonc `vars`): anyone can read it, so production refuses it. */
export const DEMO_SECRET = "numerek-demo-secret-not-for-production";

/** The shortest signing key production accepts, in bytes (HMAC-SHA256's own block of strength). */
export const MIN_SECRET_BYTES = 32;

/** Why the signing key cannot be used, or null when it can (demo mode takes any key). */
export function signingKeyProblem(env: Env): string | null {
  if (isDemo(env)) return null;
  const secret = env.AUTH_SECRET;
  if (!secret) return "AUTH_SECRET is not set";
  if (secret === DEMO_SECRET) return "AUTH_SECRET is the demo key from wrangler.jsonc";
  if (new TextEncoder().encode(secret).length < MIN_SECRET_BYTES) return `AUTH_SECRET is shorter than ${MIN_SECRET_BYTES} bytes`;
  return null;
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
