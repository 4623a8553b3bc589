// What the kiosk reads from the site's display stream: its own printer as the print agent reports it
// (view.printers, found by the kiosk's device id; no entry or no device id means unknown: not down), and
// the matters no open desk serves now, shown as unavailable before anyone taps them.

import { useMemo } from "preact/hooks";
import type { DisplayView, PrinterState } from "../../protocol/live.ts";
import type { LiveEnd } from "../shared/live.ts";
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

/** Pure: the matters that no open desk serves, by the display view; empty while the view is unknown. */
export function closedMatters(view: Pick<DisplayView, "waiting"> | null): ReadonlySet<string> {
  return new Set((view?.waiting ?? []).filter((w) => !w.open).map((w) => w.matterId));
}

export interface HallState {
  printer: PrinterInfo;
  closed: ReadonlySet<string>;
  /** Why the stream ended for good ("version": this page is older than the server). */
  ended: LiveEnd | null;
}

export function useHallState(siteId: string, token: string, deviceId: string | undefined): HallState {
  const { view, ended } = useLive<DisplayView>(sitePath(siteId, "display", token), "display");
  // Only a kiosk device has a printer of its own; staff signed in on a kiosk screen have none.
  return useMemo(() => ({ printer: printerOf(view, deviceId), closed: closedMatters(view), ended }), [view, deviceId, ended]);
}
