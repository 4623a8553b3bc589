// "Przechowywanie wpisów": how many days the organisation's audit log keeps its entries, read and set
// by its administrator (or the operator viewing its log). Saving a shorter period deletes older
// entries at once; the change is itself an entry of the log, so the log is read again.
import { useEffect, useState } from "preact/hooks";
import { AUDIT_RETENTION_DAYS } from "../../protocol/audit-retention.ts";
import { ApiError, call, errorCode } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode } from "../shared/messages.ts";

const authLost = (err: unknown) => err instanceof ApiError && (err.code === "TOKEN_INVALID" || err.code === "UNAUTHENTICATED");

export function AuditRetentionForm(props: { token: string; org: string | null; onAuthLost: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { token, org, onAuthLost } = props;
  const [days, setDays] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState("");
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const query = org ? { org } : {};

  useEffect(() => {
    let stopped = false;
    call("auditRetention", { token, query: org ? { org } : {} }).then(
      (r) => {
        if (!stopped) setDays(String(r.days));
      },
      (err: unknown) => {
        if (stopped) return;
        if (authLost(err)) return onAuthLost();
        setError(errorCode(err));
      },
    );
    return () => {
      stopped = true;
    };
  }, [token, org, onAuthLost]);

  const save = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setOutcome("");
    try {
      const r = await call("setAuditRetention", { token, query, body: { days: Number(days) } });
      setDays(String(r.days));
      setOutcome(t("adm.audit.retention.saved", { days: r.days }));
      props.onSaved();
    } catch (err) {
      if (authLost(err)) return onAuthLost();
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="adm-audit-retention" aria-labelledby="audit-retention-title" onSubmit={(ev) => void save(ev)}>
      <h3 id="audit-retention-title">{t("adm.audit.retention.title")}</h3>
      <div class="cfg-field">
        <label for="audit-retention-days">{t("adm.audit.retention.days")}</label>
        <input
          id="audit-retention-days"
          type="number"
          inputMode="numeric"
          required
          min={AUDIT_RETENTION_DAYS.min}
          max={AUDIT_RETENTION_DAYS.max}
          step={1}
          size={6}
          value={days}
          aria-describedby="audit-retention-hint audit-retention-error"
          onInput={(ev) => setDays(ev.currentTarget.value)}
        />
        <p id="audit-retention-hint" class="cfg-hint">
          {t("adm.audit.retention.hint", { ...AUDIT_RETENTION_DAYS })}
        </p>
      </div>
      <div class="adm-audit-buttons">
        <button type="submit" class="btn" disabled={busy || days === ""}>
          {t("adm.audit.retention.save")}
        </button>
        <p role="status" class="adm-outcome" data-testid="audit-retention-saved">
          {outcome}
        </p>
      </div>
      <ErrorNote code={error} id="audit-retention-error" />
    </form>
  );
}
