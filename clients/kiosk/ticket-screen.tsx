// The issued ticket on screen: number, matter, people ahead, estimated wait and the QR code
// of the e-ticket to follow the queue on a phone; when the printer was down, it says the ticket was not
// printed and that the QR code (scanned with a phone) is the ticket.
import type { IssuedTicket } from "../../protocol/api.ts";
import { estimatedWaitRangeText, estimatedWaitText } from "../../protocol/wait-wording.ts";
import { useI18n } from "../shared/i18n.tsx";
import { PriorityMark } from "../shared/priority-mark.tsx";
import { QrCode } from "./qr-code.tsx";

export function TicketScreen(props: { ticket: IssuedTicket; matterName: string; printed: boolean; onDone: () => void }) {
  const { t, lang } = useI18n();
  const tk = props.ticket;
  return (
    <main class="kiosk-screen kiosk-ticket" data-testid="kiosk-ticket">
      <h1 class="kiosk-title">{t("kiosk.yourNumber")}</h1>
      <p class="kiosk-number" data-testid="kiosk-number">
        {tk.priority && <PriorityMark />}
        {tk.number}
      </p>
      {!props.printed && (
        <p class="kiosk-printer-note" role="status" data-testid="not-printed">
          {t("kiosk.notPrinted")}
        </p>
      )}
      <p class="kiosk-matter-name">{props.matterName}</p>
      {tk.interpreter && (
        <p class="kiosk-fact" data-testid="kiosk-interpreter">
          {t("kiosk.pjm.on")}
        </p>
      )}
      <p class="kiosk-fact" data-testid="kiosk-ahead">
        {tk.waitingAhead > 0 ? t("ticket.ahead", { people: t("count.people", { n: tk.waitingAhead }) }) : t("ticket.nobodyAhead")}
      </p>
      {/* The same sentence as the printed ticket's. */}
      <p class="kiosk-fact" data-testid="kiosk-wait">
        {tk.estimatedWait ? estimatedWaitRangeText(tk.estimatedWait, lang) : estimatedWaitText(tk.estimatedWaitMinutes, lang)}
      </p>
      <figure class="kiosk-qr">
        <QrCode text={tk.eticketUrl} label={t("kiosk.qrLabel")} size={320} />
        <figcaption>{props.printed ? t("kiosk.scanQr") : t("kiosk.scanQrNoPrint")}</figcaption>
      </figure>
      <button type="button" class="kiosk-choice kiosk-done" onClick={props.onDone}>
        {t("kiosk.done")}
      </button>
    </main>
  );
}
