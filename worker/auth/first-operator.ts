// Production's first operator, with no demo data: the operator sets the secret FIRST_OPERATOR (or, by
// its earlier name, FIRST_MANAGER) to "username:password" (`wrangler secret put FIRST_OPERATOR --env
// production`); the first sign-in makes that operator, once, while no operator exists. The operator
// then creates organisations and their administrators, and the secret is deleted.
import type { FirstOperator } from "../../objects/directory.ts";
import { OPERATORS } from "../../objects/registry/scopes.ts";
import { type Env, isDemo } from "../env.ts";
import { forgetUser } from "../organisations.ts";
import { directoryOf, registry } from "../sites.ts";

/** A first operator's password is typed once and changed by nobody else: it must resist guessing. */
export const MIN_FIRST_PASSWORD = 12;

/** The secret in use and its name: FIRST_OPERATOR, else the earlier FIRST_MANAGER. */
export function firstOperatorSecret(env: Env): { name: string; value: string } | null {
  if (env.FIRST_OPERATOR) return { name: "FIRST_OPERATOR", value: env.FIRST_OPERATOR };
  if (env.FIRST_MANAGER) return { name: "FIRST_MANAGER", value: env.FIRST_MANAGER };
  return null;
}

/** The secret's user name and password, or why it is unusable. */
export function parseFirstOperator(secret: string, name = "FIRST_OPERATOR"): FirstOperator | { problem: string } {
  const colon = secret.indexOf(":");
  if (colon < 1) return { problem: `${name} must be 'username:password'` };
  const username = secret.slice(0, colon);
  const password = secret.slice(colon + 1);
  if (username.length > 64 || !/^[A-Za-z0-9._-]+$/.test(username)) {
    return { problem: `${name}'s user name must be 1-64 letters, digits, '.', '_' or '-'` };
  }
  if (password.length < MIN_FIRST_PASSWORD) return { problem: `${name}'s password must have at least ${MIN_FIRST_PASSWORD} characters` };
  return { username, password };
}

/**
 * Makes the first operator: only while no operator outside the demo exists, and never over an
 * existing account of any organisation (user names are unique across the deployment).
 */
export async function makeFirstOperator(env: Env, first: FirstOperator): Promise<{ created: boolean; problem?: string }> {
  const reg = registry(env);
  if (await reg.hasAccounts(OPERATORS)) return { created: false };
  // Never over an existing account, a demo account's name included (the operators' own demo admin among them).
  if ((await reg.scopeOfUser(first.username)) !== null) {
    return { created: false, problem: "the secret names an existing account; choose another user name" };
  }
  const r = await directoryOf(env, OPERATORS).putAccount(OPERATORS, {
    username: first.username,
    password: first.password,
    role: "operator",
    siteIds: [],
  });
  if (!r.ok) return { created: false, problem: "the secret names an existing account; choose another user name" };
  forgetUser(first.username);
  return { created: true };
}

let done: Promise<void> | null = null;

/** In production with the secret set: makes the first operator before a sign-in is checked (once per Worker instance). */
export function ensureFirstOperator(env: Env): Promise<void> {
  const secret = firstOperatorSecret(env);
  if (isDemo(env) || !secret) return Promise.resolve();
  const first = parseFirstOperator(secret.value, secret.name);
  if ("problem" in first) {
    // Logged, never with the secret; sign-in of other accounts goes on.
    if (!done) console.error(`numerek: no first operator made: ${first.problem}.`);
    done ??= Promise.resolve();
    return done;
  }
  done ??= makeFirstOperator(env, first)
    .then((r) => {
      if (r.created) console.log(`numerek: first operator '${first.username}' made; delete the ${secret.name} secret now.`);
      else if (r.problem) console.error(`numerek: no first operator made: ${r.problem}.`);
    })
    .catch((e: unknown) => {
      done = null;
      console.error(`numerek: no first operator made: ${e instanceof Error ? e.message : String(e)}`);
    });
  return done;
}
