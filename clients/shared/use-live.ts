// Preact hook around LiveSocket: the latest view of one live stream and the connection status.
import { useEffect, useState } from "preact/hooks";
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

/** Opens `path` (null: nothing to open yet) and keeps the newest view of `role`. */
export function useLive<V>(path: string | null, role: RoleView["role"], probe?: () => Promise<LiveEnd | null>): LiveState<V> {
  const [state, setState] = useState<LiveState<V>>({ view: null, seq: -1, status: "connecting", ended: null, slowedDown: false });
  useEffect(() => {
    if (!path) return;
    setState({ view: null, seq: -1, status: "connecting", ended: null, slowedDown: false });
    const live = new LiveSocket<V>({
      path,
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
  }, [path, role]);
  return state;
}

/** The site socket path for a staff or device role. */
export function sitePath(siteId: string, role: string, token: string): string {
  return urlOf("siteLive", { params: { siteId }, query: { role, access_token: token } });
}
