// Messages of the site (R9): failed ones by default, with kind, channel, masked recipient, time,
// attempts, error and delivery report; "Wyślij ponownie" on a failed one, and its outcome said aloud.
import { useRef, useState } from "preact/hooks";
import type { SiteMessage } from "../../protocol/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { officeDateTime } from "../shared/format.ts";
import { type T, useI18n } from "../shared/i18n.tsx";
import { channelKey, kindKey, statusKey } from "../shared/message-words.ts";
import { MESSAGE_FILTERS, type MessageFilter } from "./messages-api.ts";
import { type Resend, useMessages } from "./use-messages.ts";

function statusText(t: T, status: string): string {
  const key = statusKey(status);
  return key ? t(key) : status;
}

function outcomeText(t: T, last: Resend, m: SiteMessage | undefined): string {
  if (!m) return "";
  const who = { kind: t(kindKey(m.kind)), to: m.to };
  if (last.refusal) return t("adm.resendRefused", { ...who, reason: t(`error.${last.refusal}`) });
  if (m.status === "sent") return t("adm.resentSent", who);
  if (m.status === "failed") return t("adm.resentFailed", { ...who, error: m.error ?? "" });
  return t("adm.resentPending", who);
}

function FilterChoice(props: { filter: MessageFilter; onFilter: (f: MessageFilter) => void }) {
  const { t } = useI18n();
  return (
    <fieldset class="adm-filter">
      <legend>{t("adm.filter")}</legend>
      {MESSAGE_FILTERS.map((f) => (
        <label key={f} class="adm-filter-option">
          <input type="radio" name="msg-filter" value={f} checked={props.filter === f} onChange={() => props.onFilter(f)} />
          <span>{t(`adm.filter.${f}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function MessageRow(props: { m: SiteMessage; resent: boolean; busy: boolean; disabled: boolean; onResend: () => void }) {
  const { t, lang } = useI18n();
  const { m } = props;
  return (
    <tr class={`adm-msg adm-msg-${m.status}`} data-message={m.id} data-status={m.status}>
      <td>{officeDateTime(lang, m.createdAt)}</td>
      <td>
        {t(kindKey(m.kind))}
        {m.subject && <div class="muted">{m.subject}</div>}
        {m.body && (
          <details>
            <summary>{t("adm.body")}</summary>
            <p class="adm-body">{m.body}</p>
          </details>
        )}
      </td>
      <td>{t(channelKey(m))}</td>
      <td class="adm-to">{m.to}</td>
      <td data-testid="message-status">
        <span class={`adm-status adm-status-${m.status}`}>{statusText(t, m.status)}</span>
        {m.sentAt && <div class="muted">{t("adm.sentAt", { time: officeDateTime(lang, m.sentAt) })}</div>}
        {props.resent && <div class="adm-badge">{t("adm.resentBadge")}</div>}
      </td>
      <td class="adm-num">{m.attempts}</td>
      <td class="adm-error">{m.error ?? ""}</td>
      <td>{m.deliveryStatus ?? ""}</td>
      <td>
        {m.status === "failed" && (
          <button
            type="button"
            class="btn btn-primary"
            disabled={props.disabled}
            aria-label={t("adm.resendLabel", { kind: t(kindKey(m.kind)), to: m.to })}
            onClick={props.onResend}
          >
            {props.busy ? t("adm.resending") : t("adm.resend")}
          </button>
        )}
      </td>
    </tr>
  );
}

export function MessagesPanel(props: { siteId: string; token: string; onAuthLost: () => void }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<MessageFilter>("failed");
  const s = useMessages(props.siteId, props.token, filter, props.onAuthLost);
  // The button goes once the message is no longer failed: the focus moves to the outcome.
  const outcome = useRef<HTMLParagraphElement>(null);

  return (
    <section class="adm-card" aria-labelledby="adm-msg-title">
      <h2 id="adm-msg-title">{t("adm.msgTitle")}</h2>
      <p class="muted">{t("adm.msgNote")}</p>
      <div class="adm-toolbar">
        <FilterChoice filter={filter} onFilter={setFilter} />
        <p class="muted" data-testid="messages-updated">
          {s.loadedAt ? t("adm.updated", { time: officeDateTime(lang, s.loadedAt) }) : ""}
        </p>
      </div>
      <p ref={outcome} role="status" class="adm-outcome" data-testid="resend-outcome" tabIndex={-1}>
        {s.last ? outcomeText(t, s.last, s.find(s.last.id)) : ""}
      </p>
      <ErrorNote code={s.error} />
      {!s.rows ? (
        <p class="muted">{t("common.loading")}</p>
      ) : s.rows.length === 0 ? (
        <p data-testid="no-messages">{t(`adm.noMessages.${filter}`)}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so the keyboard can scroll it (axe: scrollable-region-focusable).
        <div class="adm-scroll" role="region" aria-labelledby="adm-msg-caption" tabIndex={0}>
          <table class="adm-table">
            <caption id="adm-msg-caption" class="visually-hidden">
              {t("adm.msgTable")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("adm.colTime")}</th>
                <th scope="col">{t("adm.colKind")}</th>
                <th scope="col">{t("adm.colChannel")}</th>
                <th scope="col">{t("adm.colTo")}</th>
                <th scope="col">{t("adm.colStatus")}</th>
                <th scope="col">{t("adm.colAttempts")}</th>
                <th scope="col">{t("adm.colError")}</th>
                <th scope="col">{t("adm.colDelivery")}</th>
                <th scope="col">{t("adm.colAction")}</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.map((m) => (
                <MessageRow
                  key={m.id}
                  m={m}
                  resent={s.resent.has(m.id)}
                  busy={s.busyId === m.id}
                  disabled={s.busyId !== null}
                  onResend={() => void s.resend(m).then(() => outcome.current?.focus())}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
