// Issuing a ticket: one idempotency key per matter per visit, so a double tap or a retry
// after a network failure returns the same ticket instead of a second one.
import { useCallback, useMemo, useState } from "preact/hooks";
import type { IssuedTicket } from "../../protocol/api.ts";
import { call } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";
import { useCommand } from "../shared/use-command.ts";
import type { Via } from "../shared/use-continuity.ts";
import { issueBody, NO_NEEDS, needsIdentity, type TicketNeeds } from "./ticket-needs.ts";

export interface IssueState {
  busy: string | null;
  error: { matterId: string; code: ClientErrorCode } | null;
  /** Matters refused as unavailable during this visit. */
  unavailable: ReadonlySet<string>;
  /** Matters refused because their tickets for today are all given out. */
  capped: ReadonlySet<string>;
  /** Matters refused as closed for today (the closing cut-off came between the live view and the tap). */
  cutOff: ReadonlySet<string>;
  authLost: boolean;
  take: (matterId: string) => Promise<IssuedTicket | null>;
  reset: () => void;
}

export function useIssue(siteId: string, via: Via, report: (ok: boolean) => void, needs: TicketNeeds = NO_NEEDS): IssueState {
  const [unavailable, setUnavailable] = useState<ReadonlySet<string>>(new Set());
  const [capped, setCapped] = useState<ReadonlySet<string>>(new Set());
  const [cutOff, setCutOff] = useState<ReadonlySet<string>>(new Set());
  const command = useCommand<string, IssuedTicket>({
    keyPrefix: "kiosk",
    identity: (matterId) => needsIdentity(matterId, needs),
    run: (matterId, idempotencyKey) =>
      call("issueTicket", { params: { siteId }, body: issueBody(matterId, needs), token: via.token, origin: via.origin, idempotencyKey }),
    report,
    onFailure: ({ arg, code }) => {
      if (code === "MATTER_UNAVAILABLE" || code === "SITE_CLOSED") setUnavailable((s) => new Set(s).add(arg));
      if (code === "MATTER_CAP_REACHED") setCapped((s) => new Set(s).add(arg));
      if (code === "MATTER_CLOSED_FOR_TODAY") setCutOff((s) => new Set(s).add(arg));
    },
  });

  const { reset: resetCommand } = command;
  const reset = useCallback(() => {
    resetCommand();
    setUnavailable(new Set());
    setCapped(new Set());
    setCutOff(new Set());
  }, [resetCommand]);

  const { pending, failure, authLost, send } = command;
  const error = useMemo(() => (failure ? { matterId: failure.arg, code: failure.code } : null), [failure]);
  return useMemo(
    () => ({ busy: pending, error, unavailable, capped, cutOff, authLost, take: send, reset }),
    [pending, error, unavailable, capped, cutOff, authLost, send, reset],
  );
}
