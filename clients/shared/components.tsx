// Small pieces every client shows: the connection banner, the language switch, a labelled error.
import type { LiveStatus } from "./live.ts";
import { useI18n } from "./i18n.tsx";
import type { ClientErrorCode } from "./messages.ts";

/** Says plainly that the screen is offline (or still connecting); nothing when online. */
export function ConnectionBanner(props: { status: LiveStatus }) {
  const { t } = useI18n();
  if (props.status === "online") return null;
  const offline = props.status === "offline";
  return (
    <div class={`conn-banner ${offline ? "conn-offline" : "conn-connecting"}`} role="status" data-conn={props.status}>
      <span aria-hidden="true" class="conn-dot" />
      {offline ? `${t("conn.offline")} ${t("conn.stale")}` : t("conn.connecting")}
    </div>
  );
}

/** One button that switches between Polish and English; its text is in the other language. */
export function LangSwitch(props: { class?: string }) {
  const { lang, setLang, t } = useI18n();
  const other = lang === "pl" ? "en" : "pl";
  return (
    <button type="button" class={`lang-switch ${props.class ?? ""}`} lang={other} aria-label={t("lang.switchLabel")} onClick={() => setLang(other)}>
      {t("lang.switchTo")}
    </button>
  );
}

/** An API error in the current language, announced to screen readers. */
export function ErrorNote(props: { code: ClientErrorCode | null; id?: string }) {
  const { t } = useI18n();
  return (
    <p class="error-note" role="alert" id={props.id}>
      {props.code ? t(`error.${props.code}`) : ""}
    </p>
  );
}
