// The kiosk's plain statement that it cannot reach the server (tickets cannot be issued now).
import { useI18n } from "../shared/i18n.tsx";

export function OfflineNote() {
  const { t } = useI18n();
  return (
    <div class="conn-banner conn-offline" role="status" data-conn="offline">
      <span aria-hidden="true" class="conn-dot" />
      {t("kiosk.offline")}
    </div>
  );
}
