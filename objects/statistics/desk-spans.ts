// What each desk did over a stretch of time, as spans: on a break (with its reason), serving (from a call
// to the end of that client's visit), or idle (open, nobody at it), and who was signed in at it then. A
// plain function over the desk's pauses, the visits served there and the clerks' console sessions.
import type { DeskSpan, VisitRecord } from "./records.ts";

export interface PauseRow {
  deskId: string;
  reason: "break" | "training" | "other";
  from: number;
  to: number | null;
}

/** A clerk's console open at a desk, from its socket's opening to its closing (null: still open). */
export interface ConsoleSession {
  deskId: string;
  clerk: string;
  from: number;
  to: number | null;
}

interface Mark {
  at: number;
  state: DeskSpan["state"];
  reason: DeskSpan["reason"];
}

/** Who was signed in at `deskId` at `at`: the latest console opened there and not yet closed. */
function clerkAt(sessions: readonly ConsoleSession[], deskId: string, at: number): string | null {
  let found: ConsoleSession | null = null;
  for (const s of sessions) {
    if (s.deskId !== deskId || s.from > at || (s.to !== null && s.to <= at)) continue;
    if (!found || s.from > found.from) found = s;
  }
  return found?.clerk ?? null;
}

/**
 * The spans of each desk between `from` and `to` (ms): a break wins over serving, serving over idle. A
 * desk with no console open and no client is left out (nobody was working there). Spans end at `to`.
 */
export function deskSpans(
  deskIds: readonly string[],
  pauses: readonly PauseRow[],
  visits: readonly VisitRecord[],
  sessions: readonly ConsoleSession[],
  from: number,
  to: number,
): DeskSpan[] {
  const out: DeskSpan[] = [];
  for (const deskId of deskIds) {
    const cuts = new Set<number>([from, to]);
    const breaks = pauses.filter((p) => p.deskId === deskId && p.from < to && (p.to ?? to) > from);
    const serving = visits
      .filter((v) => v.deskId === deskId && v.calls.length > 0)
      .map((v) => ({ from: v.calls[0]!.at, to: v.endedAt ?? to }))
      .filter((s) => s.from < to && s.to > from);
    const signedIn = sessions.filter((s) => s.deskId === deskId && s.from < to && (s.to ?? to) > from);
    for (const x of [
      ...breaks.map((b) => ({ from: b.from, to: b.to ?? to })),
      ...serving,
      ...signedIn.map((s) => ({ from: s.from, to: s.to ?? to })),
    ]) {
      if (x.from > from && x.from < to) cuts.add(x.from);
      if (x.to > from && x.to < to) cuts.add(x.to);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const marks: (Mark & { to: number; clerk: string | null })[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const pause = breaks.find((p) => p.from <= a && (p.to ?? to) >= b);
      const busy = serving.some((s) => s.from <= a && s.to >= b);
      const clerk = clerkAt(sessions, deskId, a);
      if (!pause && !busy && clerk === null) continue;
      const mark = {
        at: a,
        to: b,
        clerk,
        state: pause ? ("break" as const) : busy ? ("serving" as const) : ("idle" as const),
        reason: pause?.reason ?? null,
      };
      const last = marks[marks.length - 1];
      if (last && last.to === a && last.state === mark.state && last.reason === mark.reason && last.clerk === mark.clerk) last.to = b;
      else marks.push(mark);
    }
    for (const m of marks) out.push({ deskId, clerk: m.clerk, state: m.state, reason: m.reason, from: m.at, to: m.to });
  }
  return out;
}
