// This kiosk's printer as the print agent reports it: the kiosk watches the site's display stream
// (view.printers) and finds its own device id there. No entry (or no device id) means unknown: not down.
import type { DisplayView, PrinterState } from "../../protocol/live.ts";
import { sitePath, useLive } from "../shared/use-live.ts";

export interface PrinterInfo {
  /** The last reported state, or null when the agent has said nothing of this kiosk's printer. */
  state: PrinterState | null;
  /** True only when the printer is known not to work: the ticket is shown on screen instead. */
  down: boolean;
}

/** Pure: this kiosk's printer state from the display view. */
export function printerOf(view: Pick<DisplayView, "printers"> | null, deviceId: string | undefined): PrinterInfo {
  const state = (deviceId && view?.printers.find((p) => p.kioskId === deviceId)?.state) || null;
  return { state, down: state !== null && state !== "ready" };
}

export function usePrinter(siteId: string, token: string, deviceId: string | undefined): PrinterInfo {
  // Only a kiosk device has a printer of its own; staff signed in on a kiosk screen watch nothing.
  const live = useLive<DisplayView>(deviceId ? sitePath(siteId, "display", token) : null, "display");
  return printerOf(live.view, deviceId);
}
