// Clerks' time at the desks, from the desk spans: serving, idle and on a break (by reason) while a clerk
// was signed in, and tickets served per hour at work (serving or idle; breaks left out).

import { assertNever } from "../../protocol/live.ts";
import type { ClerkMinutes, StaffFigures } from "../../protocol/statistics.ts";
import { roundTo } from "./percentiles.ts";
import type { DeskSpan } from "./records.ts";

const HOUR_MS = 3_600_000;

/** Milliseconds by state and break reason; sums of whole milliseconds, so they add up exactly in any order. */
export interface ClerkTime {
  serving: number;
  idle: number;
  break: number;
  breakReasons: { break: number; training: number; other: number };
}

export function emptyClerkTime(): ClerkTime {
  return { serving: 0, idle: 0, break: 0, breakReasons: { break: 0, training: 0, other: 0 } };
}

/** A span's length: an open one runs until `now` (live), or counts nothing without it. */
export function spanMs(span: DeskSpan, now: number | undefined): number {
  const to = span.to ?? now ?? span.from;
  return Math.max(0, to - span.from);
}

export function addSpan(time: ClerkTime, span: DeskSpan, now: number | undefined): void {
  if (span.clerk === null) return;
  const ms = spanMs(span, now);
  switch (span.state) {
    case "serving":
      time.serving += ms;
      return;
    case "idle":
      time.idle += ms;
      return;
    case "break":
      time.break += ms;
      time.breakReasons[span.reason ?? "other"] += ms;
      return;
    default:
      assertNever(span.state);
  }
}

export function mergeClerkTime(into: ClerkTime, from: ClerkTime): void {
  into.serving += from.serving;
  into.idle += from.idle;
  into.break += from.break;
  into.breakReasons.break += from.breakReasons.break;
  into.breakReasons.training += from.breakReasons.training;
  into.breakReasons.other += from.breakReasons.other;
}

export function clerkTimeOf(spans: readonly DeskSpan[], now: number | undefined): ClerkTime {
  const time = emptyClerkTime();
  for (const s of spans) addSpan(time, s, now);
  return time;
}

const minutes = (ms: number): number => Math.round(ms / 60_000);

export function clerkMinutes(time: ClerkTime): ClerkMinutes {
  return {
    serving: minutes(time.serving),
    idle: minutes(time.idle),
    break: minutes(time.break),
    breakReasons: {
      break: minutes(time.breakReasons.break),
      training: minutes(time.breakReasons.training),
      other: minutes(time.breakReasons.other),
    },
  };
}

/** The staff figures of `served` tickets over a clerk time (2 decimals; null with no time at work). */
export function staffFigures(time: ClerkTime, served: number): StaffFigures {
  const atWork = time.serving + time.idle;
  return {
    clerkMinutes: clerkMinutes(time),
    ticketsPerClerkHour: atWork === 0 ? null : roundTo(served / (atWork / HOUR_MS), 2),
  };
}
