// The confirmation page after the code: the visit's facts (what to bring, the address with a map link),
// what to do on arrival (at a kiosk check-in office: from how many minutes before the visit the kiosk takes
// the code), "Dodaj do kalendarza" and the manage link.
import type { PublicSite } from "../../protocol/api.ts";
import { useI18n } from "../shared/i18n.tsx";
import { AddToCalendar } from "./add-to-calendar.tsx";
import { type Confirmation, type Contact, contactAddress } from "./flow.ts";
import { StepHeading } from "./step-heading.tsx";
import { matterOf, VisitFacts } from "./visit-facts.tsx";

export function ConfirmationPage(props: {
  site: PublicSite;
  matterId: string;
  matterName: string;
  contact: Contact;
  confirmation: Confirmation;
  onAnother: () => void;
}) {
  const { t } = useI18n();
  const c = props.confirmation;
  const matter = matterOf(props.site, props.matterId);
  return (
    <section class="bk-step bk-done" aria-labelledby="step-title" data-testid="confirmation">
      <StepHeading focus>{t("bk.doneTitle")}</StepHeading>
      <p>{props.contact.channel === "email" ? t("bk.doneEmail", { email: contactAddress(props.contact) }) : t("bk.doneSms")}</p>
      <VisitFacts
        visit={{
          matterName: props.matterName,
          bring: matter?.hint,
          siteName: props.site.name,
          address: props.site.address,
          start: c.start,
          ticketNumber: c.ticketNumber,
          ...(c.checkInCode ? { checkInCode: c.checkInCode } : {}),
        }}
        instruction={{ checkInEarlyMinutes: props.site.booking.checkIn === "kiosk" ? props.site.booking.checkInEarlyMinutes : null }}
      />
      <AddToCalendar
        siteId={props.site.id}
        siteName={props.site.name}
        address={props.site.address}
        matterName={props.matterName}
        start={c.start}
        ticketNumber={c.ticketNumber}
        minutes={matter?.slotMinutes}
        hint={matter?.hint}
      />
      {/* A repeated confirmation leaves the link out: it went to the contact with the confirmation. */}
      {c.manageUrl && (
        <p>
          <a class="bk-manage-link" href={c.manageUrl} data-testid="manage-link">
            {t("bk.manageLink")}
          </a>
        </p>
      )}
      <p class="muted">{t(props.contact.channel === "email" ? "bk.manageNoteEmail" : "bk.manageNote")}</p>
      <button type="button" class="btn" onClick={props.onAnother}>
        {t("bk.bookAnother")}
      </button>
    </section>
  );
}
