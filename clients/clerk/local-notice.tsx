// The console works through the office's print agent because the internet is down: a calm line under the
// header says so (the work goes on; everything is sent on when the connection returns).
import { useI18n } from "../shared/i18n.tsx";

export function LocalNotice() {
  const { t } = useI18n();
  return (
    <p class="clerk-local" role="status" data-testid="local-notice">
      <span aria-hidden="true" class="clerk-local-dot" />
      {t("clerk.localWork")}
    </p>
  );
}
