// The closing cut-off on the kiosk: a matter that could not be served before the office closes today
// prints no ticket. The screen says so, shows the booking site's link as a QR code for a phone and lists
// the matter's first free booking slots (the public availability, read when the screen opens). When only
// the forecast closed the matter and a priority ticket (called from its own place in the line) could still
// be served today, the screen also offers that ticket, naming who has priority service.
import { useEffect, useState } from "preact/hooks";
import type { HallSite } from "../../protocol/live.ts";
import { call } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode } from "../shared/messages.ts";
import { dateAfter, FIRST_SLOTS, firstFreeSlots, SLOT_DAYS, slotLabel } from "./free-slots.ts";
import { QrCode } from "./qr-code.tsx";
import { groupLabel } from "./ticket-needs.ts";

/** The priority ticket still on offer for the matter today. */
export interface PriorityOffer {
  groups: NonNullable<HallSite["priority"]>["groups"];
  busy: boolean;
  /** Why the last try was refused, if it was. */
  error: ClientErrorCode | null;
  onTake: () => void;
}

function PriorityOfferSection(props: { offer: PriorityOffer }) {
  const { t, lang } = useI18n();
  const { offer } = props;
  return (
    <section class="kiosk-prio-offer" aria-labelledby="kiosk-prio-offer-title" data-testid="cut-off-priority">
      <h2 id="kiosk-prio-offer-title" class="kiosk-fact">
        {t("kiosk.cutOff.prioTitle")}
      </h2>
      <p>{t("kiosk.cutOff.prioText")}</p>
      <ul class="kiosk-prio-groups">
        {offer.groups.map((g) => (
          <li key={g.name}>{groupLabel(g, lang)}</li>
        ))}
      </ul>
      <ErrorNote code={offer.error} />
      <button type="button" class="kiosk-choice kiosk-prio-continue" disabled={offer.busy} onClick={offer.onTake}>
        {t("kiosk.cutOff.prioTake")}
      </button>
    </section>
  );
}

/** The slots once read: null while reading, [] when there are none (or they could not be read). */
function useFirstSlots(siteId: string, matterId: string, today: string): string[] | null {
  const [slots, setSlots] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    setSlots(null);
    call("availability", { params: { siteId }, query: { matterId, from: today, to: dateAfter(today, SLOT_DAYS) } })
      .then((a) => live && setSlots(firstFreeSlots(a, FIRST_SLOTS)))
      .catch(() => live && setSlots([]));
    return () => {
      live = false;
    };
  }, [siteId, matterId, today]);
  return slots;
}

export function CutOffScreen(props: {
  siteId: string;
  matterId: string;
  matterName: string;
  today: string;
  /** Present while a priority ticket of the matter can still be given today. */
  priority?: PriorityOffer | undefined;
  onBack: () => void;
}) {
  const { t, lang } = useI18n();
  const slots = useFirstSlots(props.siteId, props.matterId, props.today);
  const bookingUrl = `${location.origin}/booking`;
  return (
    <main class="kiosk-screen kiosk-ticket kiosk-cut-off" data-testid="kiosk-cut-off">
      <h1 class="kiosk-title">{t("kiosk.cutOff.title")}</h1>
      <p class="kiosk-matter-name">{props.matterName}</p>
      <figure class="kiosk-qr">
        <QrCode text={bookingUrl} label={t("kiosk.cutOff.qrLabel")} size={320} />
        <figcaption>{t("kiosk.cutOff.scan")}</figcaption>
      </figure>
      <section class="kiosk-slots" aria-labelledby="kiosk-slots-title">
        <h2 id="kiosk-slots-title" class="kiosk-fact">
          {t("kiosk.cutOff.slots")}
        </h2>
        {slots === null ? (
          <p role="status">{t("kiosk.cutOff.loading")}</p>
        ) : slots.length === 0 ? (
          <p data-testid="no-slots">{t("kiosk.cutOff.noSlots")}</p>
        ) : (
          <ul class="kiosk-slot-list" data-testid="first-slots">
            {slots.map((s) => (
              <li key={s} data-start={s}>
                {slotLabel(s, lang)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.priority && <PriorityOfferSection offer={props.priority} />}
      <button type="button" class="kiosk-choice kiosk-done" onClick={props.onBack}>
        {t("common.back")}
      </button>
    </main>
  );
}
