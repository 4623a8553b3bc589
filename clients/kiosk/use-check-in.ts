// Kiosk check-in with a booking's code (R7): POST /sites/{siteId}/check-in with an Idempotency-Key
// per code, so a double tap or a retry after a lost answer prints one ticket, not two.
import { useMemo } from "preact/hooks";
import type { IssuedTicket } from "../../protocol/api.ts";
import { call } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";
import { useCommand } from "../shared/use-command.ts";
import type { Via } from "../shared/use-continuity.ts";

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

export function useCheckIn(siteId: string, via: Via, report: (ok: boolean) => void): CheckInState {
  const command = useCommand<string, IssuedTicket>({
    keyPrefix: "checkin",
    identity: (code) => code,
    run: (code, idempotencyKey) =>
      call("checkIn", { params: { siteId }, body: { code }, token: via.token, origin: via.origin, idempotencyKey }),
    report,
  });
  const { pending, failure: failed, authLost, send, clear, reset } = command;
  const failure = useMemo(() => (failed ? { code: failed.code, detail: failed.detail } : null), [failed]);
  return useMemo(
    () => ({ busy: pending !== null, failure, authLost, checkIn: send, clear, reset }),
    [pending, failure, authLost, send, clear, reset],
  );
}
