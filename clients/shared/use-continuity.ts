// Preact hook around the continuity controller (continuity.ts): where this screen's calls and live socket
// go now, the cloud or the office's print agent, and the reports that move it between them.
import { useEffect, useMemo, useState } from "preact/hooks";
import { browserDeps, Continuity, keptInfoKey, type Link } from "./continuity.ts";
import type { LiveStatus } from "./live.ts";

/** Where a screen's calls go: null, the page's own origin (the cloud), with the session's token; else the agent's, with a local token. */
export interface Via {
  origin: string | null;
  token: string;
}

export interface Route extends Via {
  /** The screen works through the agent now. */
  local: boolean;
  /** Tell it the cloud socket's state (ignored while local). */
  cloudStatus: (status: LiveStatus) => void;
  /** Tell it whether a command reached its server (a network failure while online tries the agent at once). */
  report: (reached: boolean) => void;
}

/** `holder`: whose local token is kept (a device's kind, a clerk's console); `storage`: kept for good, or for the tab. */
export function useContinuity(siteId: string, token: string, holder: string, storage: "local" | "session" = "local"): Route {
  const control = useMemo(
    () => new Continuity(siteId, browserDeps(siteId, token, keptInfoKey(siteId, holder), storage)),
    [siteId, token, holder, storage],
  );
  const [link, setLink] = useState<Link>(control.current);
  useEffect(() => {
    setLink(control.current);
    const unsubscribe = control.subscribe(setLink);
    control.start();
    return () => {
      unsubscribe();
      control.stop();
    };
  }, [control]);
  return useMemo(
    () => ({
      origin: link.mode === "local" ? link.origin : null,
      token: link.mode === "local" ? link.token : token,
      local: link.mode === "local",
      cloudStatus: (status: LiveStatus) => control.cloudStatus(status),
      report: (reached: boolean) => {
        if (!reached) control.commandFailed();
      },
    }),
    [link, token, control],
  );
}

/** Feeds the cloud socket's state to the route while it is the cloud's. */
export function useCloudStatus(route: Route, status: LiveStatus): void {
  const { cloudStatus, local } = route;
  useEffect(() => {
    if (!local) cloudStatus(status);
  }, [status, local, cloudStatus]);
}
