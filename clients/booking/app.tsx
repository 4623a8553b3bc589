// The booking site's flow (R6): (1) matter, (2) office, (3) day and time, (4) details and consent,
// (5) the SMS code, then the confirmation. Each step is one component; this file moves between them,
// keeps the step indicator and the page title current, and takes the focus to each new step's heading.
import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorNote } from "../shared/components.tsx";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import { forgetAvailability } from "./availability.ts";
import { CodeStep } from "./code-step.tsx";
import { ConfirmationPage } from "./confirmation.tsx";
import { DateStep } from "./date-step.tsx";
import { DetailsStep } from "./details-step.tsx";
import { type Contact, type Flow, NO_CONTACT, type StepNumber, stepKey } from "./flow.ts";
import { MatterStep } from "./matter-step.tsx";
import { SiteStep } from "./site-step.tsx";
import { StepIndicator } from "./step-indicator.tsx";
import { Summary } from "./summary.tsx";

export function BookingApp() {
  const { t } = useI18n();
  const { sites, error } = useSites();
  const [flow, setFlow] = useState<Flow>({ step: 1 });
  const [city, setCity] = useState<string | null>(null);
  const [contact, setContact] = useState<Contact>(NO_CONTACT);
  /** After the first move the focus follows the steps; on page load it stays at the top. */
  const moved = useRef(false);
  const go = (next: Flow) => {
    moved.current = true;
    setFlow(next);
  };

  useEffect(() => {
    const where =
      flow.step <= 5 ? `${t("bk.stepOf", { n: flow.step })}: ${t(stepKey(flow.step as StepNumber, contact.channel))}` : t("bk.doneTitle");
    document.title = `${where} – ${t("bk.title")}`;
  }, [flow.step, contact.channel, t]);

  const back = (): Flow | null => {
    switch (flow.step) {
      case 2:
        return { step: 1 };
      case 3:
        return { step: 2, matter: flow.matter };
      case 4:
        return { step: 3, matter: flow.matter, site: flow.site };
      default:
        return null;
    }
  };
  const previous = back();

  const body = (() => {
    if (!sites) return error ? <ErrorNote code={error} /> : <p class="muted">{t("common.loading")}</p>;
    const focus = moved.current;
    switch (flow.step) {
      case 1:
        return <MatterStep sites={sites} city={city} focus={focus} onCity={setCity} onMatter={(matter) => go({ step: 2, matter })} />;
      case 2:
        return <SiteStep sites={sites} matter={flow.matter} focus={focus} onSite={(site) => go({ step: 3, matter: flow.matter, site })} />;
      case 3:
        return (
          <DateStep
            site={flow.site}
            matter={flow.matter}
            slotGone={flow.slotGone ?? false}
            focus={focus}
            onPick={(start) => go({ step: 4, matter: flow.matter, site: flow.site, start })}
          />
        );
      case 4:
        return (
          <DetailsStep
            site={flow.site}
            matterId={flow.matter.id}
            start={flow.start}
            contact={contact}
            focus={focus}
            onContact={setContact}
            onHeld={(created) => go({ ...flow, step: 5, hold: { ...created, sentAt: Date.now() } })}
            onSlotGone={() => {
              forgetAvailability(flow.site.id, flow.matter.id);
              go({ step: 3, matter: flow.matter, site: flow.site, slotGone: true });
            }}
          />
        );
      case 5:
        return (
          <CodeStep
            hold={flow.hold}
            contact={contact}
            focus={focus}
            onHold={(hold) => setFlow({ ...flow, hold })}
            onConfirmed={(confirmation) => {
              forgetAvailability(flow.site.id, flow.matter.id);
              go({ ...flow, step: 6, confirmation });
            }}
            onRestart={() => {
              forgetAvailability(flow.site.id, flow.matter.id);
              go({ step: 3, matter: flow.matter, site: flow.site });
            }}
          />
        );
      case 6:
        return (
          <ConfirmationPage
            site={flow.site}
            matterName={flow.matter.name}
            contact={contact}
            confirmation={flow.confirmation}
            onAnother={() => go({ step: 1 })}
          />
        );
    }
  })();

  return (
    <>
      <StepIndicator current={flow.step} channel={contact.channel} />
      {flow.step === 2 && <Summary matter={flow.matter} />}
      {flow.step === 3 && <Summary matter={flow.matter} site={flow.site} />}
      {(flow.step === 4 || flow.step === 5) && <Summary matter={flow.matter} site={flow.site} start={flow.start} />}
      {body}
      {(previous || (flow.step > 1 && flow.step < 6)) && (
        <div class="bk-nav">
          {previous && (
            <button type="button" class="btn" onClick={() => go(previous)}>
              <span aria-hidden="true">‹ </span>
              {t("common.back")}
            </button>
          )}
          {flow.step > 1 && flow.step < 6 && (
            <button type="button" class="btn bk-link-btn" onClick={() => go({ step: 1 })}>
              {t("bk.startOver")}
            </button>
          )}
        </div>
      )}
    </>
  );
}
