// The demo outbox, refreshed every few seconds; a server outside demo mode answers DEMO_ONLY once,
// and the page stops asking.
import { useEffect, useState } from "preact/hooks";
import { errorCode } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";
import { fetchOutbox, type OutboxEntry } from "./outbox-api.ts";

const REFRESH_MS = 3_000;

export interface OutboxState {
  messages: OutboxEntry[] | null;
  error: ClientErrorCode | null;
  loadedAt: number | null;
}

export function useOutbox(siteId: string | null): OutboxState {
  const [state, setState] = useState<OutboxState>({ messages: null, error: null, loadedAt: null });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ messages: null, error: null, loadedAt: null });
    const load = async () => {
      try {
        const messages = await fetchOutbox(siteId);
        if (!stopped) setState({ messages, error: null, loadedAt: Date.now() });
      } catch (err) {
        if (stopped) return;
        const code = errorCode(err);
        setState((s) => ({ ...s, error: code }));
        if (code === "DEMO_ONLY") return;
      }
      if (!stopped) timer = setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [siteId]);
  return state;
}
