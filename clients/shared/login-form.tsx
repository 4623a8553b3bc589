// The sign-in form of devices (kiosk, screens) and staff (clerk console): labelled fields,
// the API's error in the current language, and a check that the account fits this screen.
import { useState } from "preact/hooks";
import type { Role } from "../../protocol/api.ts";
import { errorCode } from "./api.ts";
import { ErrorNote, LangSwitch } from "./components.tsx";
import { useI18n } from "./i18n.tsx";
import type { ClientErrorCode, MessageKey } from "./messages.ts";
import { NewPasswordForm } from "./new-password-form.tsx";
import { login, type Session, sessionFits } from "./session.ts";

export interface LoginProps {
  title: MessageKey;
  note?: MessageKey;
  roles: readonly Role[];
  siteId: string | null;
  /** What to say to an account of another role (default: the generic "may not do this"). */
  refusal?: MessageKey;
  onSession: (s: Session) => void;
}

/** The sign-in page: the language switch and the form. */
export function LoginForm(props: LoginProps) {
  return (
    <main class="login">
      <div class="login-top">
        <LangSwitch />
      </div>
      <LoginFields {...props} />
    </main>
  );
}

/**
 * The sign-in form alone, its title a heading of `level` (a page that shows something above it, such as
 * a device's pairing code, makes it a sub-heading); a temporary password is replaced before the session is given.
 */
export function LoginFields(props: LoginProps & { level?: 1 | 2 }) {
  const { t } = useI18n();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [refused, setRefused] = useState(false);
  // Signed in with a temporary password: a new one is asked for before anything else.
  const [marked, setMarked] = useState<Session | null>(null);

  const proceed = (s: Session) => {
    setMarked(null);
    const fit = sessionFits(s, props.roles, props.siteId);
    if (fit === "ok") props.onSession(s);
    else if (fit === "wrongRole" && props.refusal) setRefused(true);
    else setError(fit === "wrongSite" ? "SITE_FORBIDDEN" : "FORBIDDEN");
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setRefused(false);
    try {
      const s = await login(username.trim(), password);
      if (s.passwordChangeRequired) setMarked(s);
      else proceed(s);
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };

  if (marked) return <NewPasswordForm marked={marked} current={password} onSession={proceed} />;

  const Heading = props.level === 2 ? "h2" : "h1";
  return (
    <form class="login-form" onSubmit={submit} aria-describedby="login-error">
      <Heading>{t(props.title)}</Heading>
      {props.note && <p class="muted">{t(props.note)}</p>}
      <label for="login-user">{t("login.username")}</label>
      <input
        id="login-user"
        name="username"
        autocomplete="username"
        required
        value={username}
        onInput={(e) => setUsername(e.currentTarget.value)}
      />
      <label for="login-pass">{t("login.password")}</label>
      <input
        id="login-pass"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {busy ? t("login.busy") : t("login.submit")}
      </button>
      {refused && props.refusal ? (
        <p class="error-note" role="alert" id="login-error">
          {t(props.refusal)}
        </p>
      ) : (
        <ErrorNote code={error} id="login-error" />
      )}
    </form>
  );
}
