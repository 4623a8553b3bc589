// The e-ticket: reads its token from the URL, shows the ticket's state live over its own
// socket (number, matter, site, status, people ahead, wait) and the SMS alert (form, set, sent);
// a ticket no longer stored, or whose day has ended, says so, and the page stops reconnecting.
import { useEffect, useState } from "preact/hooks";
import type { ETicketView } from "../../protocol/api.ts";
import { ApiError, call, urlOf } from "../shared/api.ts";
import { ConnectionBanner, LangSwitch, LocalName } from "../shared/components.tsx";
import { pathParts } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import type { LiveEnd } from "../shared/live.ts";
import { PriorityMark } from "../shared/priority-mark.tsx";
import { useLive } from "../shared/use-live.ts";
import { PushForm } from "./push-form.tsx";
import { SmsForm } from "./sms-form.tsx";
import { StatusCard } from "./status-card.tsx";
import { useCallAlert } from "./use-call-alert.ts";

const token = pathParts("/t/")[0] ?? "";
const fetchTicket = () => call("eticket", { params: { token } });

/** Why the link shows no ticket: it names none, or its ticket's day has ended (410 ETICKET_ENDED). */
type Lost = "unknown" | "ended";

function lostBy(err: unknown): Lost | null {
  if (!(err instanceof ApiError)) return null;
  if (err.code === "ETICKET_ENDED") return "ended";
  return err.code === "UNKNOWN_ETICKET" || err.code === "NOT_FOUND" ? "unknown" : null;
}

export function ETicketApp() {
  const { t } = useI18n();
  const [first, setFirst] = useState<ETicketView | null>(null);
  const [lost, setLost] = useState<Lost | null>(token ? null : "unknown");
  /** After repeated socket failures: is the ticket still there, and is its day still on? */
  const probe = async (): Promise<LiveEnd | null> => {
    try {
      await fetchTicket();
      return null;
    } catch (err) {
      const why = lostBy(err);
      if (why === "ended") setLost("ended");
      return why ? "gone" : null;
    }
  };
  const live = useLive<ETicketView>(token && !lost ? urlOf("eticketLive", { params: { token } }) : null, "eticket", probe);

  // A first picture over HTTP: quick to show, and tells a wrong or ended link at once.
  useEffect(() => {
    if (!token) return;
    fetchTicket().then(setFirst, (err: unknown) => {
      const why = lostBy(err);
      if (why) setLost(why);
    });
  }, []);

  const view = live.view ?? first;
  useCallAlert(view);

  if (lost || live.ended === "gone") {
    return (
      <main class="et">
        <header class="et-head">
          <h1 class="et-brand">{t("et.title")}</h1>
          <LangSwitch />
        </header>
        <p class="et-card et-card-bad" role="alert" data-testid="et-ended">
          {t(lost === "unknown" ? "et.unknown" : lost === "ended" ? "et.ended" : "et.gone")}
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
                {view.priority && <PriorityMark />}
                {view.number}
              </p>
              <dl class="et-facts">
                <dt>{t("et.matter")}</dt>
                <dd>
                  <LocalName named={{ name: view.matterName, nameEn: view.matterNameEn, nameUk: view.matterNameUk }} />
                </dd>
                <dt>{t("et.site")}</dt>
                <dd>{view.siteName}</dd>
              </dl>
            </section>
            <StatusCard view={view} />
            <SmsForm token={token} view={view} />
            <PushForm token={token} view={view} />
            {live.status === "online" && <p class="et-live muted">{t("et.live")}</p>}
          </>
        )}
      </main>
    </>
  );
}
