// What the kiosk reads from the site's display stream: its own printer as the print agent reports it
// (view.printers, found by the kiosk's device id; no entry or no device id means unknown: not down), the
// matters no open desk serves now and those whose tickets for today are all given out (both shown as
// unavailable before anyone taps them), and the configuration as the hall shows it (names, hints, a
// temporary closure's notice): a manager's change reaches an open kiosk with the next frame, no reload.

import { useMemo } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import type { DisplayView, HallSite, KioskPrinterState } from "../../protocol/live.ts";
import { localName, type Named } from "../../protocol/local-name.ts";
import type { Lang } from "../shared/i18n.tsx";
import type { LiveEnd, LiveStatus } from "../shared/live.ts";
import type { Via } from "../shared/use-continuity.ts";
import { sitePath, useLive } from "../shared/use-live.ts";

export interface PrinterInfo {
  /** The last reported state, or null when the agent has said nothing of this kiosk's printer. */
  state: KioskPrinterState | null;
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

/** Pure: the matters whose walk-in tickets for today are all given out (their daily cap). */
export function fullMatters(view: Pick<DisplayView, "waiting"> | null): ReadonlySet<string> {
  return new Set((view?.waiting ?? []).filter((w) => w.capReached === true).map((w) => w.matterId));
}

/** Pure: the matters closed for today by the closing cut-off (the kiosk offers a booking instead of a ticket). */
export function closedForTodayMatters(view: Pick<DisplayView, "waiting"> | null): ReadonlySet<string> {
  return new Set((view?.waiting ?? []).filter((w) => w.closedForToday === true).map((w) => w.matterId));
}

/** Pure: the matters closed for today by the forecast alone that still take a priority ticket (its own place in the line). */
export function priorityOpenMatters(view: Pick<DisplayView, "waiting"> | null): ReadonlySet<string> {
  return new Set((view?.waiting ?? []).filter((w) => w.closedForToday === true && w.priorityOpen === true).map((w) => w.matterId));
}

/**
 * Pure: the matters closed for today for this visit: a priority ticket chosen, those still open to priority
 * are not (the last-ticket time and a forecast that leaves no time even for a priority ticket still close them).
 */
export function closedTodayFor(
  closedToday: ReadonlySet<string>,
  priorityOpen: ReadonlySet<string>,
  priority: boolean,
): ReadonlySet<string> {
  return priority ? new Set([...closedToday].filter((id) => !priorityOpen.has(id))) : closedToday;
}

/**
 * Pure: what the kiosk offers. The live configuration once the stream has sent it; until then the
 * public site list (loaded with the page), which has no hints or closure.
 */
export function catalogueOf(view: Pick<DisplayView, "site"> | null, site: PublicSite): HallSite {
  if (view) return view.site;
  return {
    closure: null,
    languages: ["pl"],
    departments: site.departments.map((d) => ({
      id: d.id,
      name: d.name,
      nameEn: d.nameEn ?? null,
      nameUk: d.nameUk ?? null,
      matters: d.matters.map((m) => ({
        id: m.id,
        name: m.name,
        nameEn: m.nameEn ?? null,
        nameUk: m.nameUk ?? null,
        prefix: m.prefix,
        hint: null,
      })),
    })),
  };
}

/** Pure: a matter's or department's name in the kiosk's language (the Polish one when the office gave none in it). */
export function matterLabel(m: Named, lang: Lang): string {
  return localName(m, lang).text;
}

export interface HallState {
  view: DisplayView | null;
  printer: PrinterInfo;
  closed: ReadonlySet<string>;
  full: ReadonlySet<string>;
  /** Matters closed for today by the closing cut-off. */
  closedToday: ReadonlySet<string>;
  /** Of those, the ones closed by the forecast alone that still take a priority ticket. */
  priorityOpen: ReadonlySet<string>;
  /** Why the stream ended for good ("version": this page is older than the server). */
  ended: LiveEnd | null;
  /** The stream's connection. */
  status: LiveStatus;
}

/** The display stream from the cloud, or from the office's print agent (whose view carries its printers' states) while cut off. */
export function useHallState(siteId: string, via: Via, deviceId: string | undefined): HallState {
  const { view, ended, status } = useLive<DisplayView>(sitePath(siteId, "display", via.token), "display", undefined, via.origin);
  // Only a kiosk device has a printer of its own; staff signed in on a kiosk screen have none.
  return useMemo(
    () => ({
      view,
      printer: printerOf(view, deviceId),
      closed: closedMatters(view),
      full: fullMatters(view),
      closedToday: closedForTodayMatters(view),
      priorityOpen: priorityOpenMatters(view),
      ended,
      status,
    }),
    [view, deviceId, ended, status],
  );
}
