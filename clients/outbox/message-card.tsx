// One message of the demo outbox: when, which office, SMS or e-mail, to whom, the subject of an e-mail,
// the text, its status; a verification code is shown large, since this is where the demo reads it.
import { officeDateTime } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import { channelKey, channelOf, kindKey, statusKey } from "../shared/message-words.ts";
import { codeOf } from "./code-of.ts";
import type { OutboxEntry } from "./outbox-api.ts";

export function MessageCard(props: { m: OutboxEntry; siteName: string }) {
  const { t, lang } = useI18n();
  const { m } = props;
  const code = codeOf(m);
  const status = statusKey(m.status);
  const channel = channelOf(m);
  return (
    <li class={`ob-msg ob-${channel}`} data-message={m.id} data-site={m.siteId} data-kind={m.kind}>
      <div class="ob-meta">
        <span class={`ob-channel ob-channel-${channel}`}>{t(channelKey(m))}</span>
        <strong>{t(kindKey(m.kind))}</strong>
        <span>{props.siteName}</span>
        <time dateTime={new Date(m.createdAt).toISOString()}>{officeDateTime(lang, m.createdAt)}</time>
        <span class={`ob-status ob-status-${m.status}`}>{status ? t(status) : m.status}</span>
      </div>
      <p class="ob-to">
        {t("ob.to")}: <span data-testid="outbox-to">{m.to}</span>
      </p>
      {m.subject && (
        <p class="ob-subject">
          {t("ob.subject")}: <span data-testid="outbox-subject">{m.subject}</span>
        </p>
      )}
      {code && (
        <p class="ob-code">
          <span class="ob-code-label">{t("ob.code")}:</span>{" "}
          <span class="ob-code-digits" data-testid="outbox-code">
            {code}
          </span>
        </p>
      )}
      <p class="ob-body" data-testid="outbox-body">
        {m.body}
      </p>
    </li>
  );
}
