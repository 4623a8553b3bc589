// What the manager sees of a site's hall, live: the display stream (kiosk printers as the print agent
// reports them, and every change of the queue as a new seq) and, after each change it announces, the
// staff view of the queue (GET …/queue) for the desks' states and waiting counts.
import { useEffect, useRef, useState } from "preact/hooks";
import type { QueueResponse } from "../../protocol/api.ts";
import type { DisplayView } from "../../protocol/live.ts";
import { ApiError, call, errorCode } from "../shared/api.ts";
import type { LiveEnd, LiveStatus } from "../shared/live.ts";
import type { ClientErrorCode } from "../shared/messages.ts";
import { sitePath, useLive } from "../shared/use-live.ts";

export interface SiteState {
  view: DisplayView | null;
  queue: QueueResponse | null;
  status: LiveStatus;
  /** Why the stream ended for good ("version": this page is older than the server). */
  ended: LiveEnd | null;
  error: ClientErrorCode | null;
}

export function useSiteState(siteId: string, token: string, onAuthLost: () => void): SiteState {
  const live = useLive<DisplayView>(sitePath(siteId, "display", token), "display");
  const [queue, setQueue] = useState<QueueResponse | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  /** One request at a time; a change announced meanwhile asks once more after it. */
  const loading = useRef<{ siteId: string; again: boolean } | null>(null);

  useEffect(() => {
    setQueue(null);
    setError(null);
  }, [siteId]);

  useEffect(() => {
    if (live.seq < 0) return;
    if (loading.current?.siteId === siteId) {
      loading.current.again = true;
      return;
    }
    const mine = { siteId, again: false };
    loading.current = mine;
    const load = async (): Promise<void> => {
      try {
        const q = await call("queue", { params: { siteId }, token });
        if (loading.current !== mine) return;
        setQueue(q);
        setError(null);
      } catch (err) {
        if (loading.current !== mine) return;
        if (err instanceof ApiError && (err.code === "TOKEN_INVALID" || err.code === "UNAUTHENTICATED")) return onAuthLost();
        setError(errorCode(err));
      }
      if (mine.again) {
        mine.again = false;
        return load();
      }
      loading.current = null;
    };
    void load();
    // onAuthLost is the app's sign-out: it does not change what is loaded.
  }, [siteId, token, live.seq]);

  return { view: live.view, queue, status: live.status, ended: live.ended, error };
}
