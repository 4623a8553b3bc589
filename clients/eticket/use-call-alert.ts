// When the ticket is called (first time or again): vibrate the phone, chime (once the page was touched)
// and put the call in the tab title.
import { useEffect, useRef } from "preact/hooks";
import type { ETicketView } from "../../protocol/api.ts";
import { useI18n } from "../shared/i18n.tsx";
import { chime } from "./chime.ts";

export function useCallAlert(view: ETicketView | null): void {
  const { t } = useI18n();
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!view) return;
    const key = view.status === "called" ? `called:${view.misses}:${view.deskName ?? ""}` : view.status;
    const before = last.current;
    last.current = key;
    if (view.status === "called") {
      document.title = `${view.number} → ${view.deskName ?? ""}`;
      if (before !== null && before !== key) {
        if ("vibrate" in navigator) navigator.vibrate([400, 200, 400, 200, 400]);
        chime();
      }
    } else {
      document.title = `${view.number} – ${t("et.title")}`;
    }
  }, [view, t]);
}
