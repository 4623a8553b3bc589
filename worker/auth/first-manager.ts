// Production's first manager, with no demo data: the operator sets the secret FIRST_MANAGER to
// "username:password" (`wrangler secret put FIRST_MANAGER --env production`); the first sign-in
// makes that manager of every site, once, while no manager exists. Then the secret is deleted.
import type { FirstManager } from "../../objects/directory.ts";
import { type Env, isDemo } from "../env.ts";
import { unwrap } from "../errors.ts";
import { directory } from "../sites.ts";

/** A first manager's password is typed once and changed by nobody else: it must resist guessing. */
export const MIN_FIRST_PASSWORD = 12;

/** The secret's user name and password, or why it is unusable. */
export function parseFirstManager(secret: string): FirstManager | { problem: string } {
  const colon = secret.indexOf(":");
  if (colon < 1) return { problem: "FIRST_MANAGER must be 'username:password'" };
  const username = secret.slice(0, colon);
  const password = secret.slice(colon + 1);
  if (username.length > 64 || !/^[A-Za-z0-9._-]+$/.test(username)) {
    return { problem: "FIRST_MANAGER's user name must be 1-64 letters, digits, '.', '_' or '-'" };
  }
  if (password.length < MIN_FIRST_PASSWORD)
    return { problem: `FIRST_MANAGER's password must have at least ${MIN_FIRST_PASSWORD} characters` };
  return { username, password };
}

let done: Promise<void> | null = null;

/** In production with FIRST_MANAGER set: makes the first manager before a sign-in is checked (once per Worker instance). */
export function ensureFirstManager(env: Env): Promise<void> {
  if (isDemo(env) || !env.FIRST_MANAGER) return Promise.resolve();
  const first = parseFirstManager(env.FIRST_MANAGER);
  if ("problem" in first) {
    // Logged, never with the secret; sign-in of other accounts goes on.
    if (!done) console.error(`numerek: no first manager made: ${first.problem}.`);
    done ??= Promise.resolve();
    return done;
  }
  done ??= directory(env)
    .ensureFirstManager(first)
    .then((r) => {
      if (unwrap(r).created) console.log(`numerek: first manager '${first.username}' made; delete the FIRST_MANAGER secret now.`);
    })
    .catch((e: unknown) => {
      done = null;
      console.error(`numerek: no first manager made: ${e instanceof Error ? e.message : String(e)}`);
    });
  return done;
}
