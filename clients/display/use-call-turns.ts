// Each new call gets its turn large, in the order the calls were made: shown for at least TURN_MS
// (with its chime and flash) before the next one takes its place, so four desks calling within a
// second are all seen and heard, none put straight into the history. The first picture after loading
// is not new; a call made while offline is (nobody saw it yet).
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { CallView } from "../../protocol/live.ts";
import { arrivals, callKey, historyOf } from "./call-turns.ts";
import { chime, chimesPlayed } from "./chime.ts";

/** How long a call stays large before the next waiting one takes its place. */
export const TURN_MS = 4_000;
/** How long a call's flash lasts when no other call follows it. */
const FRESH_MS = 8_000;

export interface CallTurns {
  /** The call shown large. */
  current: CallView | null;
  /** Its turn has just begun: flash it. */
  fresh: boolean;
  /** Counts the turns: a new one restarts the flash. */
  turn: number;
  /** The previous calls, newest first. */
  previous: CallView[];
}

interface Turn {
  call: CallView | null;
  fresh: boolean;
  n: number;
}

/** `calls`: the view's calls, newest first; null until the first view has arrived. */
export function useCallTurns(calls: CallView[] | null): CallTurns {
  const known = useRef<Set<string> | null>(null);
  const pending = useRef<CallView[]>([]);
  const busyUntil = useRef(0);
  const turns = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [turn, setTurn] = useState<Turn>({ call: null, fresh: false, n: 0 });
  // Renders again when calls join the line (they leave the history before the screen is painted).
  const [, setWaiting] = useState(0);

  const later = (ms: number, fn: () => void) => {
    const id = setTimeout(() => {
      timers.current.delete(id);
      fn();
    }, ms);
    timers.current.add(id);
  };

  /** Starts the next waiting call's turn when the current one has had its time. */
  const advance = () => {
    const now = Date.now();
    if (now < busyUntil.current) return;
    const next = pending.current.shift();
    if (!next) return;
    busyUntil.current = now + TURN_MS;
    const n = ++turns.current;
    chime();
    // For the screen's own checks (and tests): how many calls had their turn, and chimed.
    document.documentElement.dataset.newCalls = String(n);
    document.documentElement.dataset.chimes = String(chimesPlayed());
    setTurn({ call: next, fresh: true, n });
    later(FRESH_MS, () => setTurn((cur) => (cur.n === n ? { ...cur, fresh: false } : cur)));
    later(TURN_MS, advance);
  };

  const keys = calls?.map(callKey).join(" ");
  // Before the paint: a new call is never drawn in the history while it waits for its turn.
  useLayoutEffect(() => {
    if (!calls) return;
    if (known.current === null || calls.length === 0) {
      // The first picture, or a new day's empty one: nothing to announce.
      known.current = new Set(calls.map(callKey));
      pending.current = [];
      busyUntil.current = 0;
      setTurn({ call: calls[0] ?? null, fresh: false, n: turns.current });
      return;
    }
    pending.current.push(...arrivals(calls, known.current));
    known.current = new Set(calls.map(callKey));
    setWaiting((w) => w + 1);
    advance();
  }, [keys]);

  useEffect(
    () => () => {
      for (const id of timers.current) clearTimeout(id);
    },
    [],
  );

  // The call shown large as the latest view has it (a desk renamed meanwhile shows its new name).
  const cur = turn.call;
  const shown = cur ? (calls?.find((c) => callKey(c) === callKey(cur)) ?? cur) : null;
  return {
    current: shown,
    fresh: turn.fresh,
    turn: turn.n,
    previous: calls ? historyOf(calls, shown, pending.current) : [],
  };
}
