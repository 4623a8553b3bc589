// The kiosk's plain statement that its printer does not work: the ticket is shown on screen and the
// citizen scans its QR code with a phone instead of taking a paper ticket.
import { useI18n } from "../shared/i18n.tsx";

export function PrinterNote() {
  const { t } = useI18n();
  return (
    <div class="kiosk-printer-note" role="status" data-testid="printer-note">
      <span aria-hidden="true" class="kiosk-printer-icon">
        !
      </span>
      <span>{t("kiosk.printerDown")}</span>
    </div>
  );
}
