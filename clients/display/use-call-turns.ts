// Each new call gets its turn large, in the order the calls were made: shown for at least TURN_MS
// (with its chime and flash) before the next one takes its place, so four desks calling within a
// second are all seen and heard, none put straight into the history. The first picture after loading
// is not new. Back after a lost connection, the newest of the calls missed meanwhile is shown and
// chimed (nobody saw it yet) without holding its turn, the older ones go to the history: they are
// old news, and the next live call follows at once.
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

/**
 * `calls`: the view's calls, newest first; null until the first view has arrived. `frame`: the view
 * itself (a new one with every frame received); `online`: the live connection's state.
 */
export function useCallTurns(calls: CallView[] | null, frame: unknown, online: boolean): CallTurns {
  const known = useRef<Set<string> | null>(null);
  const pending = useRef<CallView[]>([]);
  const busyUntil = useRef(0);
  const turns = useRef(0);
  /** The connection was lost since the last frame: the next one catches up. */
  const missed = useRef(false);
  const wasOnline = useRef(false);
  if (online) wasOnline.current = true;
  else if (wasOnline.current) {
    wasOnline.current = false;
    missed.current = true;
  }
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

  /** Starts the next waiting call's turn when the current one has had its time; `hold`: keep it for TURN_MS. */
  const advance = (hold = true) => {
    const now = Date.now();
    if (now < busyUntil.current) return;
    const next = pending.current.shift();
    if (!next) return;
    busyUntil.current = hold ? now + TURN_MS : 0;
    const n = ++turns.current;
    chime();
    // For the screen's own checks (and tests): how many calls had their turn, and chimed.
    document.documentElement.dataset.newCalls = String(n);
    document.documentElement.dataset.chimes = String(chimesPlayed());
    setTurn({ call: next, fresh: true, n });
    later(FRESH_MS, () => setTurn((cur) => (cur.n === n ? { ...cur, fresh: false } : cur)));
    if (hold) later(TURN_MS, () => advance());
  };

  // Before the paint: a new call is never drawn in the history while it waits for its turn. Once a frame.
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
    const fresh = arrivals(calls, known.current);
    known.current = new Set(calls.map(callKey));
    if (missed.current) {
      // Catching up after a lost connection: the newest missed call only, shown at once.
      missed.current = false;
      const newest = fresh.at(-1);
      if (!newest) return;
      pending.current = [newest];
      busyUntil.current = 0;
      advance(false);
      return;
    }
    pending.current.push(...fresh);
    setWaiting((w) => w + 1);
    advance();
  }, [frame]);

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
