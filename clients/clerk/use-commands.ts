// Sending desk commands: one at a time, each with an Idempotency-Key per command at the view's seq,
// so a double click (or a retry) before the view moves on repeats the first answer instead of acting twice.
import { useMemo } from "preact/hooks";
import type { DeskAction, DeskActionResponse, PauseReason } from "../../protocol/api.ts";
import { call } from "../shared/api.ts";
import type { ClientErrorCode } from "../shared/messages.ts";
import { useCommand } from "../shared/use-command.ts";
import type { Via } from "../shared/use-continuity.ts";

/** What a command takes besides its action: a ticket, a transfer's target, a pause's reason. */
export interface CommandBody {
  ticketId?: string;
  matterId?: string;
  deskId?: string;
  reason?: PauseReason;
}

export interface Commands {
  pending: DeskAction | null;
  error: ClientErrorCode | null;
  send: (action: DeskAction, body?: CommandBody) => Promise<boolean>;
  clearError: () => void;
}

interface DeskCommandArg {
  action: DeskAction;
  body: CommandBody;
  /** The view's seq when the command was given. */
  seq: number;
}

/** POST …/desks/{deskId}/{action} with the body the action takes. */
function sendDeskCommand(
  siteId: string,
  deskId: string,
  via: Via,
  arg: DeskCommandArg,
  idempotencyKey: string,
): Promise<DeskActionResponse> {
  const req = { params: { siteId, deskId }, token: via.token, origin: via.origin, idempotencyKey };
  const ticketId = arg.body.ticketId ?? "";
  switch (arg.action) {
    case "call":
      return call("desk.call", { ...req, body: { ticketId } });
    case "pause":
      return call("desk.pause", { ...req, body: { reason: arg.body.reason ?? "break" } });
    case "transfer":
      return call("desk.transfer", {
        ...req,
        body: arg.body.matterId ? { ticketId, matterId: arg.body.matterId } : { ticketId, deskId: arg.body.deskId ?? "" },
      });
    default:
      return call(`desk.${arg.action}`, { ...req, body: {} });
  }
}

/** `via`: the cloud, or the office's print agent while cut off; `report`: whether each command reached its server. */
export function useCommands(
  siteId: string,
  deskId: string,
  via: Via,
  seq: number,
  onAuthLost: () => void,
  report?: (reached: boolean) => void,
): Commands {
  const command = useCommand<DeskCommandArg, DeskActionResponse>({
    keyPrefix: "desk",
    identity: ({ action, body, seq: at }) =>
      [deskId, action, String(at), body.ticketId ?? "", body.matterId ?? body.deskId ?? "", body.reason ?? ""].join(":"),
    run: (arg, key) => sendDeskCommand(siteId, deskId, via, arg, key),
    onAuthLost,
    ...(report ? { report } : {}),
  });
  const { pending, failure, send: sendCommand, clear } = command;
  return useMemo(
    () => ({
      pending: pending?.action ?? null,
      error: failure?.code ?? null,
      send: async (action: DeskAction, body: CommandBody = {}) => (await sendCommand({ action, body, seq })) !== null,
      clearError: clear,
    }),
    [pending, failure, sendCommand, clear, seq],
  );
}
