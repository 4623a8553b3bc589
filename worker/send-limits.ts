// Sends counted before they happen, across the whole deployment: a booking code to a number or a mailbox,
// booking codes from one client address, e-ticket "SMS me" requests naming a number. Each count is taken
// from the SendLimits object that holds its key before the site object is asked, and given back when the
// site refuses, so a refused command costs no allowance and a burst cannot slip between check and count.
import { CLIENT_CODES, CONTACT_CODES, NOTICE_NUMBER } from "../objects/limits/allowance.ts";
import type { SendLimits } from "../objects/send-limits.ts";
import type { ErrorCode, Result } from "../protocol/errors.ts";
import type { Env } from "./env.ts";
import { ApiError } from "./errors.ts";

export type SendCount =
  /** A booking code to this number or mailbox key. */
  | { kind: "contact-code"; value: string }
  /** A booking code asked for from this client address. */
  | { kind: "client-code"; value: string }
  /** An e-ticket "SMS me" request naming this number. */
  | { kind: "notice-number"; value: string };

const RULES = {
  "contact-code": { allowance: CONTACT_CODES, code: "CONTACT_RATE_LIMITED" },
  "client-code": { allowance: CLIENT_CODES, code: "BOOKING_RATE_LIMITED" },
  "notice-number": { allowance: NOTICE_NUMBER, code: "CONTACT_RATE_LIMITED" },
} as const satisfies Record<SendCount["kind"], { allowance: unknown; code: ErrorCode }>;

/** The keys are spread over this many objects. */
export const SEND_LIMIT_SHARDS = 16;

/** The stored key: a hash of the kind and the value under the deployment's secret, never the number itself. */
async function keyOf(env: Env, count: SendCount): Promise<string> {
  const text = `numerek/send-limits\u0000${env.AUTH_SECRET ?? ""}\u0000${count.kind}\u0000${count.value}`;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

function shard(env: Env, key: string): DurableObjectStub<SendLimits> {
  const ns = env.DATA_JURISDICTION ? env.SEND_LIMITS.jurisdiction(env.DATA_JURISDICTION) : env.SEND_LIMITS;
  return ns.get(ns.idFromName(`send-limits-${Number.parseInt(key.slice(0, 4), 16) % SEND_LIMIT_SHARDS}`));
}

/**
 * Runs `command` only if every count fits; a count that does not answers 429 with Retry-After. A command
 * that refuses gives its counts back; one that throws keeps them (the send may have happened).
 */
export async function withSendAllowance<T>(env: Env, counts: readonly SendCount[], command: () => Promise<Result<T>>): Promise<Result<T>> {
  // Every count is asked at once (each key lives in its own object); any that does not fit gives all back.
  const answers = await Promise.all(
    counts.map(async (count) => {
      const key = await keyOf(env, count);
      const stub = shard(env, key);
      return { count, stub, answer: await stub.take(key, RULES[count.kind].allowance) };
    }),
  );
  const taken = answers.flatMap((a) => (a.answer.ok ? [{ stub: a.stub, id: a.answer.id }] : []));
  const giveBack = () => Promise.all(taken.map((t) => t.stub.giveBack(t.id)));
  const refused = answers.find((a) => !a.answer.ok);
  if (refused && !refused.answer.ok) {
    await giveBack();
    throw new ApiError(RULES[refused.count.kind].code, undefined, refused.answer.retryAfterMs / 1000);
  }
  const r = await command();
  if (!r.ok) await giveBack();
  return r;
}
