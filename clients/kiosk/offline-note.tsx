// The kiosk cannot reach the server: what that means for the citizen (no ticket now) and what to do
// (wait a moment, or ask the staff), in plain words. It sits above the screen, never over its header.
import { useI18n } from "../shared/i18n.tsx";

export function OfflineWords() {
  const { t } = useI18n();
  return (
    <span class="kiosk-offline-words">
      <strong>{t("kiosk.offlineNow")}</strong> <span>{t("kiosk.offlineWhatToDo")}</span>
    </span>
  );
}

export function OfflineNote() {
  return (
    <div class="conn-banner conn-offline kiosk-offline" role="status" data-conn="offline" data-testid="kiosk-offline">
      <span aria-hidden="true" class="conn-dot" />
      <OfflineWords />
    </div>
  );
}
