// The manager's page: sign-in (manager accounts only; anyone else is told plainly), the choice of one
// of the sites the account manages (remembered for the tab), then that site's work (messages, printers
// and desks) or its settings (the configuration editor); a manager of every site may create a site.
// "Statystyki" shows how the days went at the site (and, to an organisation's administrator, at all its sites).
// Unsaved settings are never dropped silently: changing the site, creating one or signing out asks first.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ConnectionBanner, LangSwitch } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import { LoginForm } from "../shared/login-form.tsx";
import { type Session, sessionStore } from "../shared/session.ts";
import { useAuthLost } from "../shared/use-auth-lost.ts";
import { SiteEditor } from "./config/site-editor.tsx";
import { CutOffPanel } from "./cut-off-panel.tsx";
import { DevicesPanel } from "./devices-panel.tsx";
import { mayCreateSites } from "./may-create-sites.ts";
import { MessagesPanel } from "./messages-panel.tsx";
import { type OrgView, OrgViewPanel, OrgViewSwitch } from "./org-views.tsx";
import { PairedDevicesPanel } from "./paired-devices-panel.tsx";
import { StaffPanel } from "./staff-panel.tsx";
import { StatisticsPanel } from "./statistics/statistics-panel.tsx";
import { useSiteList } from "./use-site-list.ts";
import { useSiteState } from "./use-site-state.ts";

const sessions = sessionStore("numerek.manager", "session");
const SITE_KEY = "numerek.admin.site";

/** The views of a site, in the order the page offers them. */
const VIEWS = ["work", "settings", "stats"] as const;
type View = (typeof VIEWS)[number];

interface SiteViewProps {
  siteId: string;
  siteName: string;
  token: string;
  /** An organisation's administrator: the statistics show all its sites side by side too. */
  organisation: boolean;
  takenIds: readonly string[];
  view: View;
  onView: (v: View) => void;
  onAuthLost: () => void;
  onDirty: (dirty: boolean) => void;
}

function SiteView(props: SiteViewProps) {
  const { t } = useI18n();
  const state = useSiteState(props.siteId, props.token, props.onAuthLost);
  return (
    <>
      <nav class="adm-views" aria-label={t("adm.views")}>
        {VIEWS.map((v) => (
          <button key={v} type="button" class="btn" aria-pressed={props.view === v} onClick={() => props.onView(v)}>
            {t(`adm.view.${v}`)}
          </button>
        ))}
      </nav>
      <ConnectionBanner status={state.status} ended={state.ended} />
      {/* Both stay mounted: a draft of the settings survives a look at the work. */}
      <div class="adm-view" hidden={props.view !== "work"}>
        <MessagesPanel siteId={props.siteId} token={props.token} onAuthLost={props.onAuthLost} />
        <DevicesPanel state={state} />
        <CutOffPanel siteId={props.siteId} token={props.token} state={state} onAuthLost={props.onAuthLost} />
        <PairedDevicesPanel siteId={props.siteId} token={props.token} onAuthLost={props.onAuthLost} />
      </div>
      <div class="adm-view" hidden={props.view !== "settings"}>
        <SiteEditor
          siteId={props.siteId}
          token={props.token}
          takenIds={props.takenIds}
          onAuthLost={props.onAuthLost}
          onDirty={props.onDirty}
        />
      </div>
      <div class="adm-view" hidden={props.view !== "stats"}>
        <StatisticsPanel
          siteId={props.siteId}
          siteName={props.siteName}
          token={props.token}
          organisation={props.organisation}
          shown={props.view === "stats"}
          onAuthLost={props.onAuthLost}
        />
      </div>
    </>
  );
}

function Manager(props: { session: Session; onSignOut: () => void; onSiteAdded: (siteId: string) => void }) {
  const { t } = useI18n();
  const { sites, reload } = useSiteList();
  const mine = (sites ?? []).filter((s) => props.session.siteIds.includes(s.id));
  const [siteId, setSiteId] = useState<string | null>(() => sessionStorage.getItem(SITE_KEY));
  const [view, setView] = useState<View>("work");
  const [creating, setCreating] = useState(false);
  const [orgView, setOrgView] = useState<OrgView | null>(null);
  /** The name of the site this page has just created, said once it is shown. */
  const [created, setCreated] = useState<string | null>(null);
  const createdNote = useRef<HTMLParagraphElement>(null);
  const site = mine.find((s) => s.id === siteId) ?? mine[0] ?? null;
  const unsaved = useRef(false);
  const onDirty = useCallback((dirty: boolean) => {
    unsaved.current = dirty;
  }, []);
  /** Whether unsaved settings may be left behind: none, or the manager says so. */
  const mayLeave = () => !unsaved.current || window.confirm(t("adm.cfg.leaveConfirm"));

  useEffect(() => {
    const where = creating ? t("adm.cfg.newTitle") : site?.name;
    document.title = `${where ? `${where} – ` : ""}${t("adm.title")} – numerek`;
  }, [site, creating, t]);

  const siteCreated = async (id: string) => {
    unsaved.current = false;
    props.onSiteAdded(id);
    sessionStorage.setItem(SITE_KEY, id);
    setSiteId(id);
    setView("settings");
    await reload();
    setCreating(false);
    setCreated(id);
  };
  // The form that had the focus is gone: the focus goes to the note that the site was created.
  useEffect(() => {
    if (created) createdNote.current?.focus();
  }, [created]);

  return (
    <div class="adm">
      <header class="adm-head">
        <h1 class="adm-title">{t("adm.title")}</h1>
        {mine.length > 0 && !creating && !orgView && (
          <div class="adm-site">
            <label for="adm-site">{t("adm.site")}</label>
            <select
              id="adm-site"
              value={site?.id}
              onChange={(e) => {
                if (!mayLeave()) {
                  e.currentTarget.value = site?.id ?? "";
                  return;
                }
                sessionStorage.setItem(SITE_KEY, e.currentTarget.value);
                setSiteId(e.currentTarget.value);
                setCreated(null);
              }}
            >
              {mine.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="adm-nav">
          {!creating && <OrgViewSwitch session={props.session} view={orgView} onView={setOrgView} mayLeave={mayLeave} />}
          {sites && !creating && !orgView && mayCreateSites(props.session) && (
            <button type="button" class="btn" onClick={() => mayLeave() && setCreating(true)}>
              {t("adm.cfg.newSite")}
            </button>
          )}
          <LangSwitch />
          <button type="button" class="btn" onClick={() => mayLeave() && props.onSignOut()}>
            {t("common.logout")}
          </button>
        </div>
      </header>
      <main class="adm-main">
        {orgView ? (
          <OrgViewPanel view={orgView} session={props.session} onAuthLost={props.onSignOut} />
        ) : !sites ? (
          <p class="muted">{t("common.loading")}</p>
        ) : creating ? (
          <SiteEditor
            siteId={null}
            token={props.session.token}
            takenIds={sites.map((s) => s.id)}
            onAuthLost={props.onSignOut}
            onDirty={onDirty}
            onSaved={(id) => void siteCreated(id)}
            onCancel={() => mayLeave() && setCreating(false)}
          />
        ) : site ? (
          <>
            {created === site.id && (
              <p ref={createdNote} class="adm-outcome" role="status" tabIndex={-1} data-testid="site-created">
                {t("adm.cfg.created", { name: site.name })}
              </p>
            )}
            <SiteView
              key={site.id}
              siteId={site.id}
              siteName={site.name}
              token={props.session.token}
              organisation={props.session.role === "org-admin"}
              takenIds={sites.map((s) => s.id)}
              view={view}
              onView={setView}
              onAuthLost={props.onSignOut}
              onDirty={onDirty}
            />
          </>
        ) : (
          <p role="alert">{t("adm.noSites")}</p>
        )}
        {sites && !creating && !orgView && props.session.role === "org-admin" && (
          <StaffPanel token={props.session.token} sites={mine} onAuthLost={props.onSignOut} />
        )}
      </main>
    </div>
  );
}

export function AdminApp() {
  const [session, setSession] = useState<Session | null>(() => sessions.load());
  const signOut = useCallback(() => {
    sessions.clear();
    setSession(null);
  }, []);
  useAuthLost(signOut);
  // A site this page created belongs to the manager (who may act on every site): it joins the session's list.
  const siteAdded = useCallback((siteId: string) => {
    setSession((s) => {
      if (!s || s.siteIds.includes(siteId)) return s;
      const next = { ...s, siteIds: [...s.siteIds, siteId] };
      sessions.save(next);
      return next;
    });
  }, []);

  // A staff token lasts a working day: at its end the page asks to sign in again.
  useEffect(() => {
    if (!session) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(signOut, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  if (!session) {
    return (
      <LoginForm
        title="login.managerTitle"
        roles={["manager"]}
        siteId={null}
        refusal="adm.notManager"
        onSession={(s) => {
          sessions.save(s);
          setSession(s);
        }}
      />
    );
  }
  return <Manager session={session} onSignOut={signOut} onSiteAdded={siteAdded} />;
}
