// Sending desk commands: one at a time, each with an Idempotency-Key made of the view's seq,
// so a double click (or a retry) before the view moves on repeats the first answer instead of acting twice.
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import type { DeskAction } from "../../protocol/api.ts";
import { api, errorCode, newKey } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";

export interface Commands {
  pending: DeskAction | null;
  error: ClientErrorCode | null;
  send: (action: DeskAction, body?: Record<string, string>) => Promise<boolean>;
  clearError: () => void;
}

export function useCommands(siteId: string, deskId: string, token: string, seq: number, onAuthLost: () => void): Commands {
  const nonce = useRef(newKey("c").slice(2, 14));
  const inFlight = useRef(false);
  const [pending, setPending] = useState<DeskAction | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  const send = useCallback(
    async (action: DeskAction, body: Record<string, string> = {}): Promise<boolean> => {
      if (inFlight.current) return false;
      inFlight.current = true;
      setPending(action);
      setError(null);
      const target = body.matterId ?? body.deskId ?? "";
      const key = [nonce.current, deskId, action, String(seq), body.ticketId ?? "", target].filter(Boolean).join(":");
      try {
        await api(`/api/v1/sites/${encodeURIComponent(siteId)}/desks/${encodeURIComponent(deskId)}/${action}`, {
          body,
          token,
          idempotencyKey: key.slice(0, 100),
        });
        return true;
      } catch (err) {
        const code = errorCode(err);
        if (code === "TOKEN_INVALID" || code === "UNAUTHENTICATED") onAuthLost();
        setError(code);
        return false;
      } finally {
        inFlight.current = false;
        setPending(null);
      }
    },
    [siteId, deskId, token, seq, onAuthLost],
  );

  const clearError = useCallback(() => setError(null), []);
  return useMemo(() => ({ pending, error, send, clearError }), [pending, error, send, clearError]);
}
