// Tells a new call from the one already shown: chimes and marks it fresh for a few seconds.
// The first picture after loading is not new; a call made while offline is (nobody saw it yet).
import { useEffect, useRef, useState } from "preact/hooks";
import type { CallView } from "../../protocol/live.ts";
import { chime, chimesPlayed } from "./chime.ts";

const FRESH_MS = 8_000;

/** `calls`: null until the first view has arrived. */
export function useNewCall(calls: CallView[] | null): boolean {
  const shown = useRef<string | null | undefined>(undefined);
  const seen = useRef(0);
  const [fresh, setFresh] = useState(false);
  const newest = calls?.[0];
  const key = calls === null ? undefined : newest ? `${newest.ticketId}@${newest.at}` : null;
  useEffect(() => {
    if (key === undefined) return;
    if (shown.current === undefined || key === null || key === shown.current) {
      shown.current = key;
      setFresh(false);
      return;
    }
    shown.current = key;
    chime();
    seen.current++;
    // For the screen's own checks (and tests): how many new calls were signalled, and chimed.
    document.documentElement.dataset.newCalls = String(seen.current);
    document.documentElement.dataset.chimes = String(chimesPlayed());
    setFresh(true);
    const timer = setTimeout(() => setFresh(false), FRESH_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return fresh;
}
