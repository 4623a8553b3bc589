// The console of one desk: live clerk view (current client, desk queue, set-aside tickets),
// the command buttons with their shortcuts, the transfer panel and API errors in words. While the office is
// cut off from the internet the console works through the office's print agent, and says so calmly.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { ClerkView } from "../../protocol/live.ts";
import { ConnectionBanner, ErrorNote, LangSwitch } from "../shared/components.tsx";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { Session } from "../shared/session.ts";
import { useCloudStatus, useContinuity } from "../shared/use-continuity.ts";
import { sitePath, useLive } from "../shared/use-live.ts";
import { ActionBar } from "./action-bar.tsx";
import { type ActionDef, actionForKey } from "./actions.ts";
import { CurrentClient } from "./current-client.tsx";
import type { DeskChoice } from "./desk-picker.tsx";
import { LocalNotice } from "./local-notice.tsx";
import { MissedList } from "./missed-list.tsx";
import { PausePanel } from "./pause-panel.tsx";
import { ShortcutHelp } from "./shortcut-help.tsx";
import { TransferPanel } from "./transfer-panel.tsx";
import { useCommands } from "./use-commands.ts";
import { useShortcuts } from "./use-shortcuts.ts";
import { WaitingList } from "./waiting-list.tsx";

export function Console(props: {
  session: Session;
  choice: DeskChoice;
  /** Back to the choice of desk; null for an account with one desk (nothing to choose). */
  onChangeDesk: (() => void) | null;
  /** The desk was removed from the site's configuration: its stream has ended for good. */
  onDeskGone: () => void;
  onSignOut: () => void;
}) {
  const { t } = useI18n();
  const { siteId, deskId } = props.choice;
  const route = useContinuity(siteId, props.session.token, "clerk", "session");
  const live = useLive<ClerkView>(sitePath(siteId, `clerk:${deskId}`, route.token), "clerk", undefined, route.origin);
  useCloudStatus(route, live.status);
  const { sites } = useSites();
  const site = sites?.find((s) => s.id === siteId) ?? null;
  // Names follow the configuration live (the console's view); the public site list stands in until it arrives.
  const matterNames = new Map(
    live.view?.site.matters.map((m) => [m.id, m.name] as const) ??
      site?.departments.flatMap((d) => d.matters).map((m) => [m.id, m.name] as const) ??
      [],
  );
  const cmds = useCommands(siteId, deskId, route, live.seq, props.onSignOut, route.report);
  const [transferOpen, setTransferOpen] = useState(false);
  const [pauseOpen, setPauseOpen] = useState(false);
  const actionsRef = useRef<HTMLDivElement>(null);
  const view = live.view;
  const { onDeskGone } = props;
  // A chosen ticket, waiting or set aside, is called only to an open desk with nobody at it.
  const canCall = view?.desk.status === "open" && !view.desk.ticket && !cmds.pending;
  const callTicket = (ticketId: string) => void cmds.send("call", { ticketId });

  useEffect(() => {
    if (live.ended === "gone") onDeskGone();
  }, [live.ended, onDeskGone]);

  const run = useCallback(
    async (a: ActionDef) => {
      if (a.id === "transfer-open") return setTransferOpen(true);
      // A pause asks for its reason first.
      if (a.id === "pause") return setPauseOpen(true);
      await cmds.send(a.id);
    },
    [cmds],
  );

  useShortcuts((key) => {
    if (!view || transferOpen || pauseOpen || cmds.pending) return false;
    const a = actionForKey(key, view);
    if (!a) return false;
    void run(a);
    return true;
  });

  // Keyboard users keep their place: when the focused button was disabled by the new state,
  // the focus moves to the first command that is possible now.
  useEffect(() => {
    const el = document.activeElement;
    if (transferOpen || pauseOpen || (el && el !== document.body && !(el as HTMLButtonElement).disabled)) return;
    actionsRef.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
  }, [view, transferOpen, pauseOpen]);

  return (
    <div class="clerk" data-conn={live.status} data-link={route.local ? "local" : "cloud"}>
      <ConnectionBanner status={live.status} ended={live.ended} />
      <header class="clerk-head">
        <div>
          <p class="clerk-site">{view?.site.name ?? site?.name ?? ""}</p>
          <h1 class="clerk-title">
            {t("clerk.title")}: {view?.desk.name ?? site?.desks.find((d) => d.id === deskId)?.name ?? deskId}
          </h1>
          {view && (
            <p class="clerk-served" data-testid="served-today">
              {t("clerk.servedToday", { n: view.servedToday })}
            </p>
          )}
        </div>
        <nav class="clerk-nav" aria-label={t("clerk.title")}>
          <LangSwitch />
          {props.onChangeDesk && (
            <button type="button" class="btn" onClick={props.onChangeDesk}>
              {t("clerk.changeDesk")}
            </button>
          )}
          <button type="button" class="btn" onClick={props.onSignOut}>
            {t("common.logout")}
          </button>
        </nav>
      </header>
      {route.local && <LocalNotice />}
      {!view ? (
        <main class="clerk-main">
          <p role="status">{t("common.loading")}</p>
        </main>
      ) : (
        <main class="clerk-main">
          <div class="clerk-col">
            <CurrentClient view={view} matterNames={matterNames} />
            <div ref={actionsRef}>
              <ActionBar view={view} pending={cmds.pending} onRun={(a) => void run(a)} />
            </div>
            <p class="clerk-pending" role="status">
              {cmds.pending ? t("clerk.sending") : ""}
            </p>
            <ErrorNote code={cmds.error} />
            {pauseOpen && view.desk.status === "open" && !view.desk.ticket && (
              <PausePanel
                pending={cmds.pending !== null}
                onPause={async (reason) => {
                  if (await cmds.send("pause", { reason })) setPauseOpen(false);
                }}
                onClose={() => setPauseOpen(false)}
              />
            )}
            {transferOpen && view.desk.ticket && (
              <TransferPanel
                ticket={view.desk.ticket}
                site={view.site}
                deskId={deskId}
                pending={cmds.pending !== null}
                onSubmit={async (body) => {
                  if (await cmds.send("transfer", body)) setTransferOpen(false);
                }}
                onClose={() => setTransferOpen(false)}
              />
            )}
            <ShortcutHelp />
          </div>
          <div class="clerk-col">
            <WaitingList view={view} matterNames={matterNames} canCall={canCall} onCall={callTicket} />
            <MissedList view={view} canCall={canCall} onCall={callTicket} />
          </div>
        </main>
      )}
    </div>
  );
}
