// The priority mark (issue 14): a "P" in a yellow box before a priority ticket's number, the same on the
// kiosk, the hall and desk screens and the clerk console (and printed white on black on the paper ticket).
// It says that the ticket is a priority ticket, never why; screen readers hear "pierwszeństwo".
import "./priority-mark.css";
import { useI18n } from "./i18n.tsx";

export function PriorityMark() {
  const { t } = useI18n();
  return (
    <span class="prio-mark" role="img" aria-label={t("prio.markLabel")} data-testid="priority-mark">
      P
    </span>
  );
}
