// The e-ticket: reads its token from the URL, shows the ticket's state live over its own
// socket (number, matter, site, status, people ahead, wait) and the SMS alert (form, set, sent);
// a ticket no longer stored says so, and the page stops reconnecting.
import { useEffect, useState } from "preact/hooks";
import type { ETicketView } from "../../protocol/api.ts";
import { ApiError, call, urlOf } from "../shared/api.ts";
import { ConnectionBanner, LangSwitch } from "../shared/components.tsx";
import { pathParts } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { LiveEnd } from "../shared/live.ts";
import { useLive } from "../shared/use-live.ts";
import { SmsForm } from "./sms-form.tsx";
import { StatusCard } from "./status-card.tsx";
import { useCallAlert } from "./use-call-alert.ts";

const token = pathParts("/t/")[0] ?? "";
const fetchTicket = () => call("eticket", { params: { token } });

/** After repeated failures: is the ticket still there? */
async function probe(): Promise<LiveEnd | null> {
  try {
    await fetchTicket();
    return null;
  } catch (err) {
    return err instanceof ApiError && (err.code === "UNKNOWN_ETICKET" || err.code === "NOT_FOUND") ? "gone" : null;
  }
}

export function ETicketApp() {
  const { t } = useI18n();
  const [first, setFirst] = useState<ETicketView | null>(null);
  const [unknown, setUnknown] = useState(!token);
  const live = useLive<ETicketView>(token ? urlOf("eticketLive", { params: { token } }) : null, "eticket", probe);

  // A first picture over HTTP: quick to show, and tells a wrong link at once.
  useEffect(() => {
    if (!token) return;
    fetchTicket().then(setFirst, (err: unknown) => {
      if (err instanceof ApiError && (err.code === "UNKNOWN_ETICKET" || err.code === "NOT_FOUND")) setUnknown(true);
    });
  }, []);

  const view = live.view ?? first;
  useCallAlert(view);

  if (unknown || live.ended === "gone") {
    return (
      <main class="et">
        <header class="et-head">
          <h1 class="et-brand">{t("et.title")}</h1>
          <LangSwitch />
        </header>
        <p class="et-card et-card-bad" role="alert" data-testid="et-ended">
          {t(unknown ? "et.unknown" : "et.gone")}
        </p>
      </main>
    );
  }

  return (
    <>
      <ConnectionBanner status={live.status} ended={live.ended} slowedDown={live.slowedDown} />
      <main class="et" aria-busy={view ? "false" : "true"}>
        <header class="et-head">
          <h1 class="et-brand">{t("et.title")}</h1>
          <LangSwitch />
        </header>
        {!view ? (
          <p class="muted">{t("common.loading")}</p>
        ) : (
          <>
            <section class="et-ticket" aria-label={t("et.number")}>
              <p class="et-number" data-testid="et-number">
                {view.number}
              </p>
              <dl class="et-facts">
                <dt>{t("et.matter")}</dt>
                <dd>{view.matterName}</dd>
                <dt>{t("et.site")}</dt>
                <dd>{view.siteName}</dd>
              </dl>
            </section>
            <StatusCard view={view} />
            <SmsForm token={token} view={view} />
            {live.status === "online" && <p class="et-live muted">{t("et.live")}</p>}
          </>
        )}
      </main>
    </>
  );
}
