// The booking site's flow (R6): (1) matter, (2) office, (3) day and time, (4) details and consent,
// (5) the SMS code, then the confirmation. Each step is one component; this file moves between them,
// keeps the step indicator and the page title current, and takes the focus to each new step's heading.
import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorNote } from "../shared/components.tsx";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import { forgetAvailability } from "./availability.ts";
import { matterName, onlyOffice } from "./catalogue.ts";
import { CodeStep } from "./code-step.tsx";
import { ConfirmationPage } from "./confirmation.tsx";
import { DateStep } from "./date-step.tsx";
import { DetailsStep } from "./details-step.tsx";
import { type Contact, type Flow, NO_CONTACT, type StepNumber, stepKey } from "./flow.ts";
import { flowAt, holdPending, load, save, stepOfPath, stepPath } from "./history.ts";
import { MatterStep } from "./matter-step.tsx";
import { SiteStep } from "./site-step.tsx";
import { StepIndicator } from "./step-indicator.tsx";
import { Summary } from "./summary.tsx";

interface Start {
  furthest: Flow;
  flow: Flow;
  contact: Contact;
  city: string | null;
  heldFor: Contact | null;
}

/** Where a page load starts: the step its URL names, within what this tab reached before. */
function startOfPage(): Start {
  const saved = load(sessionStorage);
  const urlStep = stepOfPath(location.pathname) ?? 1;
  // A finished booking is not reopened by going back: the earlier steps start a new one.
  if (!saved || (saved.furthest.step === 6 && urlStep < 6)) {
    return { furthest: { step: 1 }, flow: { step: 1 }, contact: saved?.contact ?? NO_CONTACT, city: saved?.city ?? null, heldFor: null };
  }
  return { ...saved, flow: flowAt(saved.furthest, urlStep) ?? saved.furthest };
}

export function BookingApp() {
  const { t, lang } = useI18n();
  const { sites, error } = useSites();
  const [start] = useState(startOfPage);
  const [flow, setFlow] = useState<Flow>(start.flow);
  /** The furthest step reached with all its choices: Forward returns to it, a reload restores it. */
  const [furthest, setFurthest] = useState<Flow>(start.furthest);
  const [city, setCity] = useState<string | null>(start.city);
  const [contact, setContact] = useState<Contact>(start.contact);
  const [heldFor, setHeldFor] = useState<Contact | null>(start.heldFor);
  /** After the first move the focus follows the steps; on page load it stays at the top. */
  const moved = useRef(false);
  /** A new choice: the steps after it are those of the new choice. */
  const go = (next: Flow) => {
    moved.current = true;
    setFlow(next);
    setFurthest(next);
    history.pushState({ step: next.step }, "", stepPath(next.step));
  };
  /** To a step already reached, keeping what was chosen after it (Forward, or the form of a held slot). */
  const revisit = (next: Flow) => {
    moved.current = true;
    setFlow(next);
    history.pushState({ step: next.step }, "", stepPath(next.step));
  };

  useEffect(() => {
    if (stepOfPath(location.pathname) !== flow.step) history.replaceState({ step: flow.step }, "", stepPath(flow.step));
    const onPop = () => {
      const step = stepOfPath(location.pathname) ?? 1;
      moved.current = true;
      setFurthest((reached) => {
        if (reached.step === 6 && step < 6) {
          history.replaceState({ step: 1 }, "", stepPath(1));
          setFlow({ step: 1 });
          setHeldFor(null);
          return { step: 1 };
        }
        setFlow(flowAt(reached, step) ?? reached);
        return reached;
      });
    };
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
    // Once per page: the listener reads the furthest step through its setter.
  }, []);

  useEffect(() => save(sessionStorage, { furthest, contact, city, heldFor }), [furthest, contact, city, heldFor]);

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
        // An office chosen for the citizen (the only one offering the matter) is no step to go back to.
        return sites && onlyOffice(sites, flow.matter) ? { step: 1 } : { step: 2, matter: flow.matter };
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
        return (
          <MatterStep
            sites={sites}
            city={city}
            focus={focus}
            onCity={setCity}
            onMatter={(matter) => {
              const only = onlyOffice(sites, matter);
              go(only ? { step: 3, matter, site: only } : { step: 2, matter });
            }}
          />
        );
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
            held={furthest.step === 5 && furthest.start === flow.start && heldFor && holdPending(furthest, Date.now()) ? heldFor : null}
            onContinueHold={() => revisit(furthest)}
            onHeld={(created) => {
              setHeldFor(contact);
              go({ ...flow, step: 5, hold: { ...created, sentAt: Date.now() } });
            }}
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
            onHold={(hold) => {
              setFlow({ ...flow, hold });
              setFurthest({ ...flow, hold });
            }}
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
            matterId={flow.matter.id}
            matterName={matterName(flow.matter, lang)}
            contact={contact}
            confirmation={flow.confirmation}
            onAnother={() => {
              setHeldFor(null);
              go({ step: 1 });
            }}
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
            <button type="button" class="btn" onClick={() => revisit(previous)}>
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
