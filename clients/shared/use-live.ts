// Preact hook around LiveSocket: the latest view of one live stream and the connection status.
import { useEffect, useRef, useState } from "preact/hooks";
import type { RoleView } from "../../protocol/live.ts";
import { CLOSE } from "../../protocol/live-wire.ts";
import { urlOf } from "./api.ts";
import { type LiveEnd, LiveSocket, type LiveStatus } from "./live.ts";

export interface LiveState<V> {
  view: V | null;
  seq: number;
  status: LiveStatus;
  ended: LiveEnd | null;
  /** The server closed the socket for sending too many messages; cleared by the next picture. */
  slowedDown: boolean;
}

/** The stream a path opens, whatever token it carries (the cloud's or a local one). */
function streamOf(path: string): string {
  return path.replace(/([?&])access_token=[^&]*/, "$1");
}

/**
 * Opens `path` (null: nothing to open yet) on `origin` (null: the page's own; the office's print agent
 * while it is cut off) and keeps the newest view of `role`. Moving the same stream to another origin
 * keeps the last view on screen until the new server's snapshot replaces it.
 */
export function useLive<V>(
  path: string | null,
  role: RoleView["role"],
  probe?: () => Promise<LiveEnd | null>,
  origin: string | null = null,
): LiveState<V> {
  const [state, setState] = useState<LiveState<V>>({ view: null, seq: -1, status: "connecting", ended: null, slowedDown: false });
  const stream = useRef<string | null>(null);
  useEffect(() => {
    if (!path) return;
    const same = stream.current === streamOf(path);
    stream.current = streamOf(path);
    setState((s) => ({ view: same ? s.view : null, seq: -1, status: "connecting", ended: null, slowedDown: false }));
    const live = new LiveSocket<V>({
      path,
      origin,
      role,
      onView: (view, seq) => setState((s) => ({ ...s, view, seq, slowedDown: false })),
      onStatus: (status) => setState((s) => (s.status === status ? s : { ...s, status })),
      onEnd: (ended) => setState((s) => ({ ...s, ended, status: "offline" })),
      onClosed: (code) => {
        if (code === CLOSE.TOO_MANY_MESSAGES) setState((s) => ({ ...s, slowedDown: true }));
      },
      ...(probe ? { probe } : {}),
    });
    live.start();
    return () => live.stop();
    // The probe is fixed for a path; re-opening on its identity would drop the socket on every render.
  }, [path, role, origin]);
  return state;
}

/** The site socket path for a staff or device role. */
export function sitePath(siteId: string, role: string, token: string): string {
  return urlOf("siteLive", { params: { siteId }, query: { role, access_token: token } });
}
