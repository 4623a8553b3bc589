// The public page of every office's live queues: /kolejki lists all offices, /kolejki?org=<id> one
// organisation's; each office with its matters, people waiting and the wait a ticket taken now would have.
import { LangSwitch } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import { OfficeCard } from "./office-card.tsx";
import { usePublicStatus } from "./use-public-status.ts";

const org = new URLSearchParams(location.search).get("org");

export function QueuesApp() {
  const { t } = useI18n();
  const { sites, statuses, problem } = usePublicStatus(org);
  return (
    <main class="q" aria-busy={sites ? "false" : "true"}>
      <header class="q-head">
        <h1>{t("q.title")}</h1>
        <LangSwitch />
      </header>
      <p class="q-intro">{t("q.intro")}</p>
      {problem ? (
        <p class="q-problem" role="alert" data-testid="q-problem">
          {t(problem === "unknownOrg" ? "q.unknownOrg" : "q.failed")}
        </p>
      ) : null}
      {!sites ? (
        <p class="muted">{t("common.loading")}</p>
      ) : sites.length === 0 && problem === null ? (
        <p>{t("q.noSites")}</p>
      ) : (
        sites.map((s) => <OfficeCard key={s.id} site={s} status={statuses[s.id] ?? null} />)
      )}
    </main>
  );
}
