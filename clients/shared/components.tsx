// Small pieces every client shows: the connection banner, the language switch, a labelled error, a name
// in the page's language.

import { localName, type Named } from "../../protocol/local-name.ts";
import { translate, useI18n } from "./i18n.tsx";
import type { LiveEnd, LiveStatus } from "./live.ts";
import type { ClientErrorCode } from "./messages.ts";

/**
 * Says plainly that the screen is offline (or still connecting), or that it must be reloaded because
 * the server no longer speaks its version; nothing when online or when the stream ended for another
 * reason (the screen says that itself).
 */
export function ConnectionBanner(props: { status: LiveStatus; ended?: LiveEnd | null; slowedDown?: boolean }) {
  const { t } = useI18n();
  if (props.ended === "version") return <VersionNotice />;
  if (props.ended || props.status === "online") return null;
  const offline = props.status === "offline";
  const slowed = offline && props.slowedDown;
  return (
    <div class={`conn-banner ${offline ? "conn-offline" : "conn-connecting"}`} role="status" data-conn={slowed ? "too-many" : props.status}>
      <span aria-hidden="true" class="conn-dot" />
      {offline ? `${t(slowed ? "conn.tooMany" : "conn.offline")} ${t("conn.stale")}` : t("conn.connecting")}
    </div>
  );
}

/** The live stream was refused for its protocol version: this page is older than the server. */
export function VersionNotice() {
  const { t } = useI18n();
  return (
    <div class="conn-banner conn-offline" role="alert" data-conn="version">
      <span>{t("conn.version")}</span>
      <button type="button" class="conn-reload" onClick={() => location.reload()}>
        {t("conn.reload")}
      </button>
    </div>
  );
}

/**
 * The language switch. Staff pages (two languages): one button in the other language. The citizens'
 * pages: a button per language, each named in its own language (with its `lang`), the current one pressed.
 */
export function LangSwitch(props: { class?: string }) {
  const { lang, langs, setLang, t } = useI18n();
  if (langs.length <= 2) {
    const other = lang === "pl" ? "en" : "pl";
    return (
      <button
        type="button"
        class={`lang-switch ${props.class ?? ""}`}
        lang={other}
        aria-label={t("lang.switchLabel")}
        onClick={() => setLang(other)}
      >
        {t("lang.switchTo")}
      </button>
    );
  }
  return (
    <div class="lang-choice">
      {langs.map((l) => (
        <button
          key={l}
          type="button"
          class={`lang-switch ${props.class ?? ""}`}
          lang={l}
          aria-label={translate(l, "lang.choose")}
          aria-pressed={l === lang ? "true" : "false"}
          onClick={() => setLang(l)}
        >
          {translate(l, "lang.name")}
        </button>
      ))}
    </div>
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

/** A department's or matter's name in the page's language, the Polish one standing in marked as Polish. */
export function LocalName(props: { named: Named }) {
  const { lang } = useI18n();
  const name = localName(props.named, lang);
  return name.lang === lang ? <>{name.text}</> : <span lang={name.lang}>{name.text}</span>;
}
