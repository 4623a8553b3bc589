// SMS verification of a booking (R6 step 5, R9) as a pure state machine over a plain state.
//
// Rules:
// - A code is 6 digits drawn from the given random source; only its hash is kept in the state.
// - The slot hold and the current code expire together: 10 minutes after the last code was sent, but
//   never later than 30 minutes after the booking was started. After that the slot is released and the
//   citizen starts over; neither a check nor a resend revives it.
// - A code allows 5 tries; the 5th wrong one already answers "too-many-tries". Malformed input counts.
// - Wrong codes are counted in every state, before and after verification, expired or not: the 5th
//   locks the booking for 15 minutes, in which every code, the right one too, answers "locked"; then
//   the count starts again. So nobody can guess a code by trying, whatever became of the booking.
// - A resend is allowed 60 seconds after the last send, at most 5 codes per booking; it issues a new
//   code, resets the tries and moves the expiry (within the 30-minute cap). The old code stops working.
// - Once verified, the state is final: the right code answers "ok" again (a retried request), any other
//   "wrong" (counted, see above); expiry no longer applies.
// - Codes are compared by their hashes in constant time.
import { draw, type RandomInt } from "./random.ts";

export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_HOLD_MS = 30 * 60_000;
export const MAX_TRIES = 5;
export const RESEND_AFTER_MS = 60_000;
export const MAX_SENDS = 5;
/** How long a booking refuses every code after the 5th wrong one. */
export const LOCK_MS = 15 * 60_000;

/** Hash of a code as stored (production: SHA-256 of a server secret + the code). */
export type CodeHash = (code: string) => string;

export interface VerificationState {
  readonly codeHash: string;
  readonly startedAt: number;
  /** When the current code was sent. */
  readonly sentAt: number;
  /** Codes sent so far, the first included. */
  readonly sends: number;
  /** Wrong tries on the current code. */
  readonly tries: number;
  readonly verifiedAt: number | null;
  /** Until when every code is refused after too many wrong ones (absent in rows written before the lock). */
  readonly lockedUntil?: number;
}

export type CheckResult = "ok" | "wrong" | "expired" | "too-many-tries" | "locked";

export type ResendResult =
  | { ok: true; state: VerificationState; code: string }
  | { ok: false; reason: "too-soon"; retryAfterSeconds: number }
  | { ok: false; reason: "expired" | "too-many-sends" | "verified"; retryAfterSeconds: null };

export function newVerificationCode(random: RandomInt): string {
  return String(draw(random, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
}

/** Equality that takes the same time wherever the strings differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** The instant the hold and the current code expire. */
export function expiresAt(state: VerificationState): number {
  return Math.min(state.sentAt + CODE_TTL_MS, state.startedAt + MAX_HOLD_MS);
}

export function triesLeft(state: VerificationState): number {
  return Math.max(0, MAX_TRIES - state.tries);
}

export function startVerification(now: number, random: RandomInt, hash: CodeHash): { state: VerificationState; code: string } {
  const code = newVerificationCode(random);
  return { code, state: { codeHash: hash(code), startedAt: now, sentAt: now, sends: 1, tries: 0, verifiedAt: null } };
}

/** Whether every code is refused at `now` (too many wrong ones lately). */
export function isLocked(state: VerificationState, now: number): boolean {
  return state.lockedUntil !== undefined && now < state.lockedUntil;
}

export function checkCode(
  state: VerificationState,
  input: string,
  now: number,
  hash: CodeHash,
): { result: CheckResult; state: VerificationState } {
  if (isLocked(state, now)) return { result: "locked", state };
  const matches = constantTimeEqual(hash(input.replace(/[\s-]/g, "")), state.codeHash);
  if (matches && state.verifiedAt !== null) return { result: "ok", state };
  if (!matches) {
    const tries = state.tries + 1;
    // The 5th wrong code: locked for a while, then counted afresh.
    if (tries >= MAX_TRIES) return { result: "too-many-tries", state: { ...state, tries: 0, lockedUntil: now + LOCK_MS } };
    const counted = { ...state, tries };
    if (state.verifiedAt === null && now >= expiresAt(state)) return { result: "expired", state: counted };
    return { result: "wrong", state: counted };
  }
  if (now >= expiresAt(state)) return { result: "expired", state };
  return { result: "ok", state: { ...state, verifiedAt: now } };
}

export function resend(state: VerificationState, now: number, random: RandomInt, hash: CodeHash): ResendResult {
  if (state.verifiedAt !== null) return { ok: false, reason: "verified", retryAfterSeconds: null };
  if (now >= expiresAt(state)) return { ok: false, reason: "expired", retryAfterSeconds: null };
  if (state.sends >= MAX_SENDS) return { ok: false, reason: "too-many-sends", retryAfterSeconds: null };
  const wait = state.sentAt + RESEND_AFTER_MS - now;
  if (wait > 0) return { ok: false, reason: "too-soon", retryAfterSeconds: Math.ceil(wait / 1000) };
  const code = newVerificationCode(random);
  return { ok: true, code, state: { ...state, codeHash: hash(code), sentAt: now, sends: state.sends + 1, tries: 0 } };
}
