// The desk screen: the desk's name and the number it serves now, or that it is on a break;
// a desk removed from the office's configuration says so, and the screen stops reconnecting. While the
// office is cut off from the internet it follows the office's print agent (data-link="local" on its root).
import { useEffect, useRef, useState } from "preact/hooks";
import type { DeskScreenView } from "../../protocol/live.ts";
import { call } from "../shared/api.ts";
import { ConnectionBanner } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { LiveEnd } from "../shared/live.ts";
import { PriorityMark } from "../shared/priority-mark.tsx";
import { useCloudStatus, useContinuity, type Via } from "../shared/use-continuity.ts";
import { sitePath, useLive } from "../shared/use-live.ts";

/** After repeated failures to connect: does the office still list this desk? */
async function deskGone(siteId: string, deskId: string, via: Via): Promise<LiveEnd | null> {
  try {
    const { sites } = await call("sites", { origin: via.origin });
    const site = sites.find((s) => s.id === siteId);
    return site && !site.desks.some((d) => d.id === deskId) ? "gone" : null;
  } catch {
    return null;
  }
}

/** True for a few seconds after the number changes (not on the first picture). */
function useChanged(value: string | null | undefined): boolean {
  const last = useRef<string | null | undefined>(undefined);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (value === undefined) return;
    const before = last.current;
    last.current = value;
    if (before === undefined || before === value || value === null) return;
    setChanged(true);
    const timer = setTimeout(() => setChanged(false), 6_000);
    return () => clearTimeout(timer);
  }, [value]);
  return changed;
}

export function DeskScreenApp(props: { siteId: string; deskId: string; token: string }) {
  const { t } = useI18n();
  const route = useContinuity(props.siteId, props.token, "desk-screen");
  const live = useLive<DeskScreenView>(
    sitePath(props.siteId, `desk:${props.deskId}`, route.token),
    "desk",
    () => deskGone(props.siteId, props.deskId, route),
    route.origin,
  );
  useCloudStatus(route, live.status);
  const gone = live.ended === "gone";
  const view = gone ? null : live.view;
  const changed = useChanged(view ? view.number : undefined);
  const paused = view?.desk.status === "paused";

  return (
    <div class={`desk-screen ${paused ? "desk-paused" : ""}`} data-conn={live.status} data-link={route.local ? "local" : "cloud"}>
      <ConnectionBanner status={live.status} ended={live.ended} />
      <header class="desk-head">
        <h1 class="desk-name">{live.view?.desk.name ?? (gone ? props.deskId : t("common.loading"))}</h1>
      </header>
      <main class="desk-main" aria-live="polite">
        {gone ? (
          <p class="desk-gone" role="alert" data-testid="desk-state" data-state="gone">
            {t("desk.gone")}
          </p>
        ) : !view ? null : paused ? (
          <div class="desk-break" data-testid="desk-state" data-state="paused">
            <p class="desk-break-title" data-reason={view.desk.pauseReason}>
              {t(view.desk.pauseReason === "training" ? "desk.training" : "desk.break")}
            </p>
            <p class="desk-break-note">{t("desk.breakNote")}</p>
          </div>
        ) : view.number ? (
          <div data-testid="desk-state" data-state="serving">
            <p class="desk-label">{t("desk.serving")}</p>
            <p class={`desk-number ${changed ? "desk-number-new" : ""}`} data-testid="desk-number">
              {view.priority && <PriorityMark />}
              {view.number}
            </p>
          </div>
        ) : (
          <p class="desk-idle" data-testid="desk-state" data-state="idle">
            {t("desk.idle")}
          </p>
        )}
      </main>
    </div>
  );
}
