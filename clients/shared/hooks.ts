// Shared hooks: the public list of sites (with retry), a ticking clock, the browser's online flag, and the
// focus a panel takes when it opens.
import type { RefObject } from "preact";
import { useEffect, useLayoutEffect, useState } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import { ApiError, call, errorCode } from "./api.ts";
import { backoffMs } from "./live.ts";
import type { ClientErrorCode } from "./messages.ts";

export interface SitesState {
  sites: PublicSite[] | null;
  error: ClientErrorCode | null;
}

/** GET /api/v1/sites; network failures are retried with backoff until it answers. */
export function useSites(): SitesState {
  const [state, setState] = useState<SitesState>({ sites: null, error: null });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (attempt: number): Promise<void> => {
      try {
        const { sites } = await call("sites", {});
        if (!stopped) setState({ sites, error: null });
      } catch (err) {
        if (stopped) return;
        setState((s) => ({ ...s, error: errorCode(err) }));
        if (err instanceof ApiError && (err.code === "NETWORK" || err.status >= 500)) {
          timer = setTimeout(() => void load(attempt + 1), backoffMs(attempt));
        }
      }
    };
    void load(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return state;
}

/** The current time, refreshed every `everyMs`. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** navigator.onLine, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

/**
 * Moves the focus to `ref` when the component appears, in the same commit that shows it: a keyboard user who
 * presses Enter as soon as the panel is on screen presses its button, not the one focused before (useEffect
 * runs after the next paint, which a busy or hidden tab may delay).
 */
export function useFocusOnMount(ref: RefObject<HTMLElement>): void {
  useLayoutEffect(() => ref.current?.focus(), []);
}
