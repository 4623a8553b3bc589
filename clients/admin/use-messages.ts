// The messages of one site as the manager sees them: the chosen filter, refreshed every few seconds,
// and the messages the manager sent again, followed until they go out or fail (they stay listed even
// when the filter would hide them, so the outcome is seen where the button was).
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { SiteMessage } from "../../protocol/api.ts";
import { ApiError, errorCode, newKey } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";
import { listMessages, type MessageFilter, resendMessage } from "./messages-api.ts";

const REFRESH_MS = 10_000;
/** While a message sent again is still pending, its fate is checked this often. */
const FOLLOW_MS = 1_500;

/** The last "send again": the message followed, or why it was refused. */
export interface Resend {
  id: string;
  refusal: ClientErrorCode | null;
}

export interface MessagesState {
  rows: SiteMessage[] | null;
  /** Ids of messages sent again from this page. */
  resent: ReadonlySet<string>;
  error: ClientErrorCode | null;
  loadedAt: number | null;
  busyId: string | null;
  last: Resend | null;
  /** The latest known state of a message (followed ones first). */
  find: (id: string) => SiteMessage | undefined;
  resend: (m: SiteMessage) => Promise<void>;
}

const authLost = (err: unknown) => err instanceof ApiError && (err.code === "TOKEN_INVALID" || err.code === "UNAUTHENTICATED");

export function useMessages(siteId: string, token: string, filter: MessageFilter, onAuthLost: () => void): MessagesState {
  const [list, setList] = useState<SiteMessage[] | null>(null);
  const [followed, setFollowed] = useState<Record<string, SiteMessage>>({});
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [last, setLast] = useState<Resend | null>(null);
  const followedRef = useRef(followed);
  followedRef.current = followed;
  /** Idempotency keys of resends whose answer was lost: a retry sends the same key. */
  const keys = useRef(new Map<string, string>());
  const poke = useRef<() => void>(() => {});

  // A new site starts from nothing; a new filter keeps what was sent again.
  useEffect(() => {
    setFollowed({});
    setLast(null);
    keys.current.clear();
  }, [siteId]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setList(null);
    const load = async () => {
      clearTimeout(timer);
      try {
        const rows = await listMessages(siteId, token, filter);
        const ids = Object.keys(followedRef.current);
        const shown = new Set(rows.map((m) => m.id));
        const missing = ids.filter((id) => !shown.has(id));
        const all = missing.length ? await listMessages(siteId, token, "all", 200) : [];
        if (stopped) return;
        const fresh = new Map([...all, ...rows].map((m) => [m.id, m]));
        setFollowed((f) => Object.fromEntries(Object.entries(f).map(([id, m]) => [id, fresh.get(id) ?? m])));
        setList(rows);
        setError(null);
        setLoadedAt(Date.now());
      } catch (err) {
        if (stopped) return;
        if (authLost(err)) return onAuthLost();
        setError(errorCode(err));
      }
      if (stopped) return;
      const following = Object.values(followedRef.current).some((m) => m.status === "pending");
      timer = setTimeout(() => void load(), following ? FOLLOW_MS : REFRESH_MS);
    };
    poke.current = () => void load();
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // onAuthLost is the app's sign-out: it does not change what is loaded.
  }, [siteId, token, filter]);

  const resend = useCallback(
    async (m: SiteMessage) => {
      if (busyId) return;
      setBusyId(m.id);
      const key = keys.current.get(m.id) ?? newKey("resend");
      keys.current.set(m.id, key);
      try {
        const sent = await resendMessage(siteId, token, m.id, key);
        keys.current.delete(m.id);
        followedRef.current = { ...followedRef.current, [m.id]: sent };
        setFollowed(followedRef.current);
        setLast({ id: m.id, refusal: null });
        poke.current();
      } catch (err) {
        if (authLost(err)) return onAuthLost();
        const code = errorCode(err);
        if (code !== "NETWORK") keys.current.delete(m.id);
        setLast({ id: m.id, refusal: code });
      } finally {
        setBusyId(null);
      }
    },
    [siteId, token, busyId, onAuthLost],
  );

  const followedRows = list ? Object.values(followed).filter((f) => !list.some((m) => m.id === f.id)) : [];
  const rows = list ? [...followedRows, ...list.map((m) => followed[m.id] ?? m)] : null;
  const find = (id: string) => followed[id] ?? list?.find((m) => m.id === id);
  return { rows, resent: new Set(Object.keys(followed)), error, loadedAt, busyId, last, find, resend };
}
