// The site itself: its id (chosen once, when the site is created), name, city, address, time zone,
// voice, the no-show recall delay, the hall screens' ticker, how long contact data is kept and the
// booking form's data-protection notice in each language.
import { useI18n } from "../../shared/i18n.tsx";
import { useEditor } from "./editor-context.ts";
import { PRIVACY_FIELDS, SITE_BOOKING_FIELDS, SITE_FIELDS } from "./field-specs.ts";
import { Fields, TextField } from "./fields.tsx";

export function SiteSection() {
  const { t } = useI18n();
  const { draft, creating } = useEditor();
  return (
    <fieldset class="cfg-section">
      <legend>
        <h3 class="cfg-title">{t("adm.cfg.siteTitle")}</h3>
      </legend>
      {creating ? (
        <TextField path={["id"]} label={t("adm.cfg.id")} hint={t("adm.cfg.idHint")} value={draft.id} />
      ) : (
        <p class="muted">
          {t("adm.cfg.idShown")} <code>{draft.id}</code>
        </p>
      )}
      <Fields specs={SITE_FIELDS} at={[]} />
      <Fields specs={SITE_BOOKING_FIELDS} at={["booking"]} />
      <Fields specs={PRIVACY_FIELDS} at={["privacy"]} />
    </fieldset>
  );
}
