// A temporary password shown once in the staff panel (of a new account, or a new one for a person),
// with a button that copies it; where the clipboard is refused, the password is selected instead so
// Ctrl+C copies it. What happened is said aloud.
import { useRef, useState } from "preact/hooks";
import { useI18n } from "../shared/i18n.tsx";

export function ShownPassword(props: { username: string; password: string }) {
  const { t } = useI18n();
  const code = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<"copied" | "copyFailed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.password);
      setCopied("copied");
    } catch {
      const el = code.current;
      const selection = window.getSelection();
      if (el && selection) selection.selectAllChildren(el);
      setCopied("copyFailed");
    }
  };
  return (
    <div class="adm-staff-password" data-testid="staff-temp-password">
      <p>
        {t("adm.staff.shownOnce", { name: props.username })} <code ref={code}>{props.password}</code>
      </p>
      <button type="button" class="btn" onClick={() => void copy()}>
        {t("adm.staff.copy")}
      </button>
      <p role="status" class="muted" data-testid="staff-copy-outcome">
        {copied ? t(`adm.staff.${copied}`) : ""}
      </p>
    </div>
  );
}
