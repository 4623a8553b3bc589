// Retry policy of the SMS outbox the site object keeps (R9), as plain functions over a plain message.
//
// Rules:
// - A message is written to the outbox as "pending", due at once, and sent after the state change that
//   caused it is stored (validate, write, broadcast, then side effects).
// - A retryable failure schedules another attempt with exponential backoff: 30 s, 1 min, 2 min, 4 min, …,
//   capped at 30 min, each delay drawn up to 25 % shorter (jitter) so retries after an outage spread out.
// - A message fails after MAX_ATTEMPTS attempts, at once on a failure that is not retryable, and when the
//   next attempt would come after its `expiresAt` (a code that has expired, a reminder for a visit that
//   has begun). A failed message is never dropped: it stays in the outbox, listed for staff with its error,
//   and staff may send it again (`requeue`).
import type { SendResult } from "./provider.ts";

export const MAX_ATTEMPTS = 8;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 30 * 60_000;
/** A delay is drawn from (1 − JITTER) × nominal up to the nominal delay. */
export const JITTER = 0.25;

export type SmsKind = "code" | "confirmation" | "reminder" | "notify";
export type OutboxStatus = "pending" | "sent" | "failed";

export interface OutboxMessage {
  readonly id: string;
  /** E.164. */
  readonly to: string;
  readonly body: string;
  readonly kind: SmsKind;
  readonly status: OutboxStatus;
  /** Send attempts made so far. */
  readonly attempts: number;
  /** When a pending message is due; null once sent or failed. */
  readonly nextAt: number | null;
  /** The provider's message id once sent. */
  readonly providerId: string | null;
  /** The last failure's text while pending or failed; null once sent. */
  readonly error: string | null;
  readonly createdAt: number;
  readonly sentAt: number | null;
  /** No attempt after this instant (the code expires, the visit begins); null: no limit. */
  readonly expiresAt: number | null;
}

/** Random number in [0, 1), e.g. Math.random: jitter needs no cryptographic source. */
export type Random = () => number;

export function newOutboxMessage(args: {
  id: string;
  to: string;
  body: string;
  kind: SmsKind;
  now: number;
  expiresAt?: number | null;
}): OutboxMessage {
  return {
    id: args.id,
    to: args.to,
    body: args.body,
    kind: args.kind,
    status: "pending",
    attempts: 0,
    nextAt: args.now,
    providerId: null,
    error: null,
    createdAt: args.now,
    sentAt: null,
    expiresAt: args.expiresAt ?? null,
  };
}

/** Nominal delay after `attempts` failed attempts (1 → 30 s, 2 → 1 min, …, at most 30 min). */
export function backoffMs(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number ≥ 1, got ${attempts}`);
  return Math.min(BASE_DELAY_MS * 2 ** Math.min(attempts - 1, 30), MAX_DELAY_MS);
}

/** When to try again after `attempts` failed attempts: the backoff, shortened by up to 25 % at random. */
export function nextAttemptAt(attempts: number, now: number, random: Random = Math.random): number {
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`random source gave ${r}, expected a number in [0, 1)`);
  return now + Math.round(backoffMs(attempts) * (1 - JITTER * r));
}

/** Whether the outbox should send `msg` now (pending, due, not expired). */
export function isDue(msg: OutboxMessage, now: number): boolean {
  return msg.status === "pending" && msg.nextAt !== null && msg.nextAt <= now && (msg.expiresAt === null || now <= msg.expiresAt);
}

/** A pending message whose `expiresAt` has passed unsent (e.g. the alarm ran late) → failed; others unchanged. */
export function expireOverdue(msg: OutboxMessage, now: number): OutboxMessage {
  if (msg.status !== "pending" || msg.expiresAt === null || now <= msg.expiresAt) return msg;
  const last = msg.error === null ? "" : ` (last error: ${msg.error})`;
  return { ...msg, status: "failed", nextAt: null, error: `expired before it could be sent${last}` };
}

/**
 * The message after one send attempt: sent, pending again with its next attempt, or failed.
 * A message that is no longer pending (a repeated alarm recorded it already) is returned unchanged.
 */
export function decideAfterSend(msg: OutboxMessage, result: SendResult, now: number, random: Random = Math.random): OutboxMessage {
  if (msg.status !== "pending") return msg;
  const attempts = msg.attempts + 1;
  if (result.ok) {
    return { ...msg, status: "sent", attempts, nextAt: null, providerId: result.providerId, error: null, sentAt: now };
  }
  if (result.retryable && attempts < MAX_ATTEMPTS) {
    const nextAt = nextAttemptAt(attempts, now, random);
    if (msg.expiresAt === null || nextAt <= msg.expiresAt) return { ...msg, attempts, nextAt, error: result.error };
    return { ...msg, status: "failed", attempts, nextAt: null, error: `${result.error} (expired before the next attempt)` };
  }
  const why = result.retryable ? ` (gave up after ${attempts} attempts)` : "";
  return { ...msg, status: "failed", attempts, nextAt: null, error: `${result.error}${why}` };
}

/** Staff send a failed message again: pending and due now, with a fresh set of attempts and no expiry. */
export function requeue(msg: OutboxMessage, now: number): OutboxMessage {
  if (msg.status !== "failed") return msg;
  return { ...msg, status: "pending", attempts: 0, nextAt: now, error: null, expiresAt: null };
}

/** The earliest instant a pending message is due (for the alarm), or null when none is. */
export function nextDue(messages: Iterable<OutboxMessage>): number | null {
  let earliest: number | null = null;
  for (const m of messages) {
    if (m.status === "pending" && m.nextAt !== null && (earliest === null || m.nextAt < earliest)) earliest = m.nextAt;
  }
  return earliest;
}
