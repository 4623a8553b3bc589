// Choosing where to work: one of the account's sites, then one of its desks there.
import { useState } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import { LangSwitch } from "../shared/components.tsx";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { Session } from "../shared/session.ts";

export interface DeskChoice {
  siteId: string;
  deskId: string;
}

function desksFor(site: PublicSite | undefined, session: Session): PublicSite["desks"] {
  if (!site) return [];
  return session.deskIds ? site.desks.filter((d) => session.deskIds!.includes(d.id)) : site.desks;
}

export function DeskPicker(props: {
  session: Session;
  /** Why the console came back here, if it did not by choice. */
  notice?: "clerk.deskGone" | null;
  onChoose: (c: DeskChoice) => void;
  onSignOut: () => void;
}) {
  const { t } = useI18n();
  const { sites, error } = useSites();
  const mine = (sites ?? []).filter((s) => props.session.siteIds.includes(s.id));
  const [siteId, setSiteId] = useState<string | null>(null);
  const site = mine.find((s) => s.id === siteId) ?? mine[0];
  const desks = desksFor(site, props.session);
  const [deskId, setDeskId] = useState<string | null>(null);
  const desk = desks.find((d) => d.id === deskId) ?? desks[0];

  return (
    <main class="login">
      <div class="login-top picker-top">
        <LangSwitch />
        <button type="button" class="btn" onClick={props.onSignOut}>
          {t("common.logout")}
        </button>
      </div>
      <form
        class="login-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (site && desk) props.onChoose({ siteId: site.id, deskId: desk.id });
        }}
      >
        <h1>{t("clerk.chooseTitle")}</h1>
        {props.notice && (
          <p role="alert" class="picker-notice" data-testid="picker-notice">
            {t(props.notice)}
          </p>
        )}
        {!sites ? (
          <p role="status">{error === "NETWORK" ? t("conn.offline") : t("common.loading")}</p>
        ) : (
          <>
            <label for="pick-site">{t("clerk.site")}</label>
            <select id="pick-site" value={site?.id} onChange={(e) => setSiteId(e.currentTarget.value)}>
              {mine.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <label for="pick-desk">{t("clerk.desk")}</label>
            <select id="pick-desk" value={desk?.id} onChange={(e) => setDeskId(e.currentTarget.value)}>
              {desks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            {desks.length === 0 && <p role="alert">{t("clerk.noDesks")}</p>}
            <button type="submit" class="btn btn-primary" disabled={!desk}>
              {t("clerk.openDesk")}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
