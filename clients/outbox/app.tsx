// The demo outbox page (/dev/outbox): the newest messages of every office, or of one, newest first,
// refreshed every few seconds. Outside demo mode it says plainly that it shows nothing there.
import { useEffect, useState } from "preact/hooks";
import { ErrorNote, LangSwitch } from "../shared/components.tsx";
import { officeDateTime } from "../shared/format.ts";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import { MessageCard } from "./message-card.tsx";
import { useOutbox } from "./use-outbox.ts";

export function OutboxApp() {
  const { t, lang } = useI18n();
  const { sites } = useSites();
  const [siteId, setSiteId] = useState<string | null>(() => new URLSearchParams(location.search).get("site"));
  const { messages, error, loadedAt } = useOutbox(siteId);
  const nameOf = (id: string) => sites?.find((s) => s.id === id)?.name ?? id;

  useEffect(() => {
    document.title = `${t("ob.title")} – numerek`;
  }, [t]);

  const choose = (id: string) => {
    const next = id === "" ? null : id;
    setSiteId(next);
    const url = new URL(location.href);
    if (next) url.searchParams.set("site", next);
    else url.searchParams.delete("site");
    history.replaceState(null, "", url);
  };

  return (
    <>
      <header class="ob-head">
        <h1>{t("ob.title")}</h1>
        <LangSwitch />
      </header>
      <main class="ob">
        {error === "DEMO_ONLY" ? (
          <p class="ob-demo-only" role="alert" data-testid="demo-only">
            {t("ob.demoOnly")}
          </p>
        ) : (
          <>
            <p class="muted">{t("ob.note")}</p>
            <div class="ob-toolbar">
              <div class="ob-filter">
                <label for="ob-site">{t("ob.site")}</label>
                <select id="ob-site" value={siteId ?? ""} onChange={(e) => choose(e.currentTarget.value)}>
                  <option value="">{t("ob.allSites")}</option>
                  {(sites ?? []).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
              <p class="muted" data-testid="outbox-updated">
                {messages ? `${t("ob.count", { n: messages.length })} · ` : ""}
                {loadedAt ? t("ob.updated", { time: officeDateTime(lang, loadedAt) }) : ""}
              </p>
            </div>
            <ErrorNote code={error} />
            {!messages ? (
              <p class="muted">{t("common.loading")}</p>
            ) : messages.length === 0 ? (
              <p data-testid="outbox-empty">{t("ob.empty")}</p>
            ) : (
              <ol class="ob-list" aria-label={t("ob.list")}>
                {messages.map((m) => (
                  <MessageCard key={`${m.siteId}/${m.id}`} m={m} siteName={nameOf(m.siteId)} />
                ))}
              </ol>
            )}
          </>
        )}
      </main>
    </>
  );
}
