// The console's commands: label, keyboard shortcut, and when each makes sense for the desk's state.
import type { DeskAction } from "../../protocol/api.ts";
import type { ClerkView } from "../../protocol/live.ts";
import type { MessageKey } from "../shared/messages.ts";

export interface ActionDef {
  id: DeskAction | "transfer-open";
  label: MessageKey;
  /** A single key, pressed without modifiers outside form fields. */
  key: string;
  enabled: (v: ClerkView) => boolean;
  danger?: boolean;
}

const current = (v: ClerkView) => v.desk.ticket;
const open = (v: ClerkView) => v.desk.status === "open";

export const ACTIONS: readonly ActionDef[] = [
  { id: "call-next", label: "clerk.callNext", key: "N", enabled: (v) => open(v) && !current(v) },
  { id: "recall", label: "clerk.recall", key: "P", enabled: (v) => current(v)?.status === "called" },
  { id: "no-show", label: "clerk.noShow", key: "O", enabled: (v) => current(v)?.status === "called", danger: true },
  { id: "start", label: "clerk.start", key: "S", enabled: (v) => current(v)?.status === "called" },
  { id: "finish", label: "clerk.finish", key: "Z", enabled: (v) => !!current(v) },
  { id: "transfer-open", label: "clerk.transfer", key: "T", enabled: (v) => !!current(v) },
  { id: "pause", label: "clerk.pause", key: "W", enabled: (v) => open(v) && !current(v) },
  { id: "resume", label: "clerk.resume", key: "W", enabled: (v) => v.desk.status === "paused" },
];

/** The action a key triggers now (W is "Przerwa" or "Wznów" depending on the desk). */
export function actionForKey(key: string, v: ClerkView): ActionDef | null {
  const k = key.toUpperCase();
  return ACTIONS.find((a) => a.key === k && a.enabled(v)) ?? null;
}
