// The views of an organisation beside the chosen site's: its administrator reads the audit log; the
// deployment's operator manages the organisations (and reads any one's log from there). A manager of
// chosen sites has neither, and sees no switch.

import { useI18n } from "../shared/i18n.tsx";
import type { Session } from "../shared/session.ts";
import { AuditPanel } from "./audit-panel.tsx";
import { OrganisationsPanel } from "./organisations-panel.tsx";

export type OrgView = "audit" | "orgs";

export function orgViewsOf(session: Session): readonly OrgView[] {
  switch (session.role) {
    case "org-admin":
      return ["audit"];
    case "operator":
      return ["orgs"];
    default:
      return [];
  }
}

/** "Placówka" and the organisation's views; leaving the site's view asks first when settings are unsaved. */
export function OrgViewSwitch(props: {
  session: Session;
  view: OrgView | null;
  onView: (v: OrgView | null) => void;
  mayLeave: () => boolean;
}) {
  const { t } = useI18n();
  const views = orgViewsOf(props.session);
  if (views.length === 0) return null;
  const choose = (v: OrgView | null) => {
    if (v === props.view) return;
    if (props.view === null && !props.mayLeave()) return;
    props.onView(v);
  };
  return (
    <nav class="adm-views" aria-label={t("adm.orgViews")}>
      <button type="button" class="btn" aria-pressed={props.view === null} onClick={() => choose(null)}>
        {t("adm.orgView.site")}
      </button>
      {views.map((v) => (
        <button key={v} type="button" class="btn" aria-pressed={props.view === v} onClick={() => choose(v)}>
          {t(`adm.orgView.${v}`)}
        </button>
      ))}
    </nav>
  );
}

export function OrgViewPanel(props: { view: OrgView; session: Session; onAuthLost: () => void }) {
  return props.view === "audit" ? (
    <AuditPanel token={props.session.token} org={null} onAuthLost={props.onAuthLost} />
  ) : (
    <OrganisationsPanel token={props.session.token} onAuthLost={props.onAuthLost} />
  );
}
