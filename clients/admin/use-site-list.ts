// The public list of sites for the manager's page, read again after a site is created (network
// failures are retried with backoff, as everywhere).
import { useCallback, useEffect, useState } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import { ApiError, call } from "../shared/api.ts";
import { backoffMs } from "../shared/live.ts";

export interface SiteList {
  sites: PublicSite[] | null;
  /** Reads the list again; resolves once it is read. */
  reload: () => Promise<void>;
}

export function useSiteList(): SiteList {
  const [sites, setSites] = useState<PublicSite[] | null>(null);
  const [round, setRound] = useState(0);
  const [waiters] = useState(() => new Set<() => void>());

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (attempt: number): Promise<void> => {
      try {
        const r = await call("sites", {});
        if (stopped) return;
        setSites(r.sites);
        for (const w of waiters) w();
        waiters.clear();
      } catch (err) {
        if (stopped) return;
        if (err instanceof ApiError && (err.code === "NETWORK" || err.status >= 500)) {
          timer = setTimeout(() => void load(attempt + 1), backoffMs(attempt));
          return;
        }
        // Refused for good: whoever waits goes on with the list as it was.
        for (const w of waiters) w();
        waiters.clear();
      }
    };
    void load(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [round]);

  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiters.add(resolve);
        setRound((r) => r + 1);
      }),
    [waiters],
  );
  return { sites, reload };
}
