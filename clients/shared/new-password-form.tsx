// After a sign-in with a temporary password: the person sets their own (12+ characters, typed
// twice), and POST /api/v1/auth/password answers the session they go on with.
import { useState } from "preact/hooks";
import { call, errorCode } from "./api.ts";
import { ErrorNote } from "./components.tsx";
import { useI18n } from "./i18n.tsx";
import type { ClientErrorCode, MessageKey } from "./messages.ts";
import type { Session } from "./session.ts";

export const MIN_PASSWORD = 12;

export function NewPasswordForm(props: { marked: Session; current: string; onSession: (s: Session) => void }) {
  const { t } = useI18n();
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    setError(null);
    setProblem(null);
    if (next.length < MIN_PASSWORD) return setProblem("login.tooShort");
    if (next !== repeat) return setProblem("login.mismatch");
    setBusy(true);
    try {
      props.onSession(
        await call("changePassword", { token: props.marked.token, body: { currentPassword: props.current, newPassword: next } }),
      );
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="login-form" onSubmit={submit} aria-describedby="new-password-note new-password-error">
      <h1>{t("login.newTitle")}</h1>
      <p class="muted" id="new-password-note">
        {t("login.newNote")}
      </p>
      <label for="new-pass">{t("login.newPassword")}</label>
      <input
        id="new-pass"
        name="new-password"
        type="password"
        autocomplete="new-password"
        required
        value={next}
        onInput={(e) => setNext(e.currentTarget.value)}
      />
      <label for="new-pass-repeat">{t("login.repeatPassword")}</label>
      <input
        id="new-pass-repeat"
        name="new-password-repeat"
        type="password"
        autocomplete="new-password"
        required
        value={repeat}
        onInput={(e) => setRepeat(e.currentTarget.value)}
      />
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {busy ? t("login.busy") : t("login.newSubmit")}
      </button>
      {problem ? (
        <p class="error-note" role="alert" id="new-password-error">
          {t(problem)}
        </p>
      ) : (
        <ErrorNote code={error} id="new-password-error" />
      )}
    </form>
  );
}
