// Issuing a ticket: one idempotency key per matter per visit, so a double tap or a retry
// after a network failure returns the same ticket instead of a second one.
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import type { IssuedTicket } from "../../protocol/api.ts";
import { api, errorCode, newKey } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";

export interface IssueState {
  busy: string | null;
  error: { matterId: string; code: ClientErrorCode } | null;
  /** Matters refused as unavailable during this visit. */
  unavailable: ReadonlySet<string>;
  authLost: boolean;
  take: (matterId: string) => Promise<IssuedTicket | null>;
  reset: () => void;
}

export function useIssue(siteId: string, token: string, report: (ok: boolean) => void): IssueState {
  const keys = useRef(new Map<string, string>());
  const inFlight = useRef<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<IssueState["error"]>(null);
  const [unavailable, setUnavailable] = useState<ReadonlySet<string>>(new Set());
  const [authLost, setAuthLost] = useState(false);

  const take = useCallback(
    async (matterId: string): Promise<IssuedTicket | null> => {
      // A second tap while the first is on its way does nothing (and would get the same ticket anyway).
      if (inFlight.current) return null;
      inFlight.current = matterId;
      setBusy(matterId);
      setError(null);
      let key = keys.current.get(matterId);
      if (!key) keys.current.set(matterId, (key = newKey("kiosk")));
      try {
        const ticket = await api<IssuedTicket>(`/api/v1/sites/${encodeURIComponent(siteId)}/tickets`, {
          body: { matterId },
          token,
          idempotencyKey: key,
        });
        report(true);
        return ticket;
      } catch (err) {
        const code = errorCode(err);
        report(code !== "NETWORK");
        if (code === "TOKEN_INVALID" || code === "UNAUTHENTICATED") setAuthLost(true);
        if (code === "MATTER_UNAVAILABLE" || code === "SITE_CLOSED") setUnavailable((s) => new Set(s).add(matterId));
        // Refused: the next tap is a new request. Lost on the way: a retry must reuse the key.
        if (code !== "NETWORK") keys.current.delete(matterId);
        setError({ matterId, code });
        return null;
      } finally {
        inFlight.current = null;
        setBusy(null);
      }
    },
    [siteId, token, report],
  );

  const reset = useCallback(() => {
    keys.current = new Map();
    setError(null);
    setUnavailable(new Set());
  }, []);

  return useMemo(() => ({ busy, error, unavailable, authLost, take, reset }), [busy, error, unavailable, authLost, take, reset]);
}
