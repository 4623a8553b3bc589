// The manager's page: sign-in (manager accounts only; anyone else is told plainly), the choice of one
// of the sites the account manages (remembered for the tab), then that site's messages, printers and desks.
import { useCallback, useEffect, useState } from "preact/hooks";
import { ConnectionBanner, LangSwitch } from "../shared/components.tsx";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import { LoginForm } from "../shared/login-form.tsx";
import { type Session, sessionStore } from "../shared/session.ts";
import { DevicesPanel } from "./devices-panel.tsx";
import { MessagesPanel } from "./messages-panel.tsx";
import { useSiteState } from "./use-site-state.ts";

const sessions = sessionStore("numerek.manager", "session");
const SITE_KEY = "numerek.admin.site";

function SiteView(props: { siteId: string; token: string; onAuthLost: () => void }) {
  const state = useSiteState(props.siteId, props.token, props.onAuthLost);
  return (
    <>
      <ConnectionBanner status={state.status} ended={state.ended} />
      <MessagesPanel siteId={props.siteId} token={props.token} onAuthLost={props.onAuthLost} />
      <DevicesPanel state={state} />
    </>
  );
}

function Manager(props: { session: Session; onSignOut: () => void }) {
  const { t } = useI18n();
  const { sites } = useSites();
  const mine = (sites ?? []).filter((s) => props.session.siteIds.includes(s.id));
  const [siteId, setSiteId] = useState<string | null>(() => sessionStorage.getItem(SITE_KEY));
  const site = mine.find((s) => s.id === siteId) ?? mine[0] ?? null;

  useEffect(() => {
    document.title = `${site ? `${site.name} – ` : ""}${t("adm.title")} – numerek`;
  }, [site, t]);

  return (
    <div class="adm">
      <header class="adm-head">
        <h1 class="adm-title">{t("adm.title")}</h1>
        {mine.length > 0 && (
          <div class="adm-site">
            <label for="adm-site">{t("adm.site")}</label>
            <select
              id="adm-site"
              value={site?.id}
              onChange={(e) => {
                sessionStorage.setItem(SITE_KEY, e.currentTarget.value);
                setSiteId(e.currentTarget.value);
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
          <LangSwitch />
          <button type="button" class="btn" onClick={props.onSignOut}>
            {t("common.logout")}
          </button>
        </div>
      </header>
      <main class="adm-main">
        {!sites ? (
          <p class="muted">{t("common.loading")}</p>
        ) : site ? (
          <SiteView key={site.id} siteId={site.id} token={props.session.token} onAuthLost={props.onSignOut} />
        ) : (
          <p role="alert">{t("adm.noSites")}</p>
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
  return <Manager session={session} onSignOut={signOut} />;
}
