// The group screen: the call whose turn it is large (number → desk; calls made together take turns),
// previous calls, waiting counts per matter, the site's name and a clock; a chime and a highlight for
// every new call. Names and languages follow the office's configuration live (view.site); a closure
// notice shows above the calls; outside its hours the screen says when the office opens next; the
// office's ticker line runs along the bottom. A screen bound to departments or desks (screen-scope.ts)
// shows only theirs. While the office is cut off from the internet the screen follows the office's print
// agent instead (its root says data-link="local"; nothing else shows it).
import type { DisplayView } from "../../protocol/live.ts";
import { ConnectionBanner } from "../shared/components.tsx";
import { useNow, useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import { useCloudStatus, useContinuity } from "../shared/use-continuity.ts";
import { sitePath, useLive } from "../shared/use-live.ts";
import { CallBoard } from "./call-board.tsx";
import { Clock } from "./clock.tsx";
import { useScreenLanguages } from "./hall-texts.tsx";
import { openState } from "./opening.ts";
import { bindingOf, callsIn, departmentsIn, scopeOf } from "./screen-scope.ts";
import { SoundButton } from "./sound-button.tsx";
import { useCallTurns } from "./use-call-turns.ts";
import { WaitingPanel } from "./waiting-panel.tsx";

/** A department with its matters, from the live view or the public site list until the view arrives. */
interface ShownDepartment {
  id: string;
  name: string;
  matters: readonly { id: string; name: string; nameEn?: string | null; nameUk?: string | null; prefix: string }[];
}

/** `deviceId`: the login's device, whose binding (DeviceConfig) the screen follows. */
export function DisplayApp(props: { siteId: string; token: string; deviceId?: string | undefined }) {
  const { t } = useI18n();
  const route = useContinuity(props.siteId, props.token, "display");
  const live = useLive<DisplayView>(sitePath(props.siteId, "display", route.token), "display", undefined, route.origin);
  useCloudStatus(route, live.status);
  const { sites } = useSites();
  const site = sites?.find((s) => s.id === props.siteId) ?? null;
  const view = live.view;
  // A screen bound to departments or desks shows only their calls and queues.
  const binding = bindingOf(view?.site.screens, props.deviceId ?? null, new URLSearchParams(location.search));
  const departments: readonly ShownDepartment[] = view?.site.departments ?? site?.departments ?? [];
  const scope = scopeOf(binding, { departments }, view?.site.desks ?? []);
  const turns = useCallTurns(view ? callsIn(scope, view.calls) : null, view, live.status === "online");
  const langs = useScreenLanguages(view?.site.languages);
  // Outside the office's hours the screen says when it opens, instead of promising a first call.
  const now = useNow(15_000);
  const open = openState(view?.site.openings, now);
  const closed = open.open ? null : { next: open.next, now };

  return (
    <div class="display" data-conn={live.status} data-link={route.local ? "local" : "cloud"}>
      <ConnectionBanner status={live.status} ended={live.ended} />
      <header class="display-head">
        <div class="display-title">
          <h1 class="display-site">{view?.siteName ?? site?.name ?? t("common.loading")}</h1>
          {scope && (
            <p class="display-scope" data-testid="display-scope">
              {scope.names.join(" · ")}
            </p>
          )}
        </div>
        <SoundButton />
        <Clock />
      </header>
      {view?.site.closure && (
        <p class="display-closure" role="status" data-testid="display-closure">
          {view.site.closure}
        </p>
      )}
      <main class="display-main">
        <CallBoard current={turns.current} previous={turns.previous} fresh={turns.fresh} turn={turns.turn} closed={closed} langs={langs} />
        <WaitingPanel waiting={view?.waiting ?? []} departments={departmentsIn(scope, departments)} langs={langs} />
      </main>
      {view?.site.ticker && (
        <footer class="display-ticker">
          <p data-testid="display-ticker">{view.site.ticker}</p>
        </footer>
      )}
    </div>
  );
}
