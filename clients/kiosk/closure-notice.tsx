// The kiosk while the office is closed for a while: the manager's notice instead of the matters.
import { LangSwitch } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";

export function ClosureNotice(props: { siteName: string; message: string }) {
  const { t } = useI18n();
  return (
    <main class="kiosk-screen" data-testid="kiosk-closed">
      <header class="kiosk-head">
        <div>
          <p class="kiosk-site">{props.siteName}</p>
          <h1 class="kiosk-title">{t("kiosk.closedTitle")}</h1>
        </div>
        <LangSwitch class="kiosk-lang" />
      </header>
      <p class="kiosk-closure" role="status" data-testid="closure-message">
        {props.message}
      </p>
    </main>
  );
}
