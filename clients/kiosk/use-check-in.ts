// Kiosk check-in with a booking's code (R7): POST /sites/{siteId}/check-in with an Idempotency-Key
// per code, so a double tap or a retry after a lost answer prints one ticket, not two.
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import type { IssuedTicket } from "../../protocol/api.ts";
import { ApiError, api, errorCode, newKey } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";

export interface CheckInFailure {
  code: ClientErrorCode;
  /** The API's message: names the time from which check-in opens, or the right office. */
  detail: string;
}

export interface CheckInState {
  busy: boolean;
  failure: CheckInFailure | null;
  authLost: boolean;
  checkIn: (code: string) => Promise<IssuedTicket | null>;
  /** Forgets the message shown. */
  clear: () => void;
  /** A new visitor: forgets the message and the keys (the same code again is a new request). */
  reset: () => void;
}

export function useCheckIn(siteId: string, token: string, report: (ok: boolean) => void): CheckInState {
  const keys = useRef(new Map<string, string>());
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CheckInFailure | null>(null);
  const [authLost, setAuthLost] = useState(false);

  const checkIn = useCallback(
    async (code: string): Promise<IssuedTicket | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setBusy(true);
      setFailure(null);
      let key = keys.current.get(code);
      if (!key) keys.current.set(code, (key = newKey("checkin")));
      try {
        const ticket = await api<IssuedTicket>(`/api/v1/sites/${encodeURIComponent(siteId)}/check-in`, {
          body: { code },
          token,
          idempotencyKey: key,
        });
        report(true);
        return ticket;
      } catch (err) {
        const failed: CheckInFailure = { code: errorCode(err), detail: err instanceof ApiError ? err.detail : "" };
        report(failed.code !== "NETWORK");
        if (failed.code === "TOKEN_INVALID" || failed.code === "UNAUTHENTICATED") setAuthLost(true);
        // Refused: the next try is a new request. Lost on the way: a retry must reuse the key.
        if (failed.code !== "NETWORK") keys.current.delete(code);
        setFailure(failed);
        return null;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [siteId, token, report],
  );

  const clear = useCallback(() => setFailure(null), []);
  const reset = useCallback(() => {
    keys.current = new Map();
    setFailure(null);
  }, []);
  return useMemo(() => ({ busy, failure, authLost, checkIn, clear, reset }), [busy, failure, authLost, checkIn, clear, reset]);
}
