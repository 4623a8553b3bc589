// The console's flow: staff sign-in (token for the working day in sessionStorage), the
// choice of site and desk (remembered for the tab; skipped for an account with one desk), then
// the console of that desk.
import { useCallback, useEffect, useState } from "preact/hooks";
import { LoginForm } from "../shared/login-form.tsx";
import { type Session, sessionStore } from "../shared/session.ts";
import { useAuthLost } from "../shared/use-auth-lost.ts";
import { Console } from "./console.tsx";
import { type DeskChoice, DeskPicker } from "./desk-picker.tsx";

const sessions = sessionStore("numerek.staff", "session");
const CHOICE_KEY = "numerek.clerk.desk";

function loadChoice(s: Session | null): DeskChoice | null {
  if (!s) return null;
  try {
    const c = JSON.parse(sessionStorage.getItem(CHOICE_KEY) ?? "null") as DeskChoice | null;
    if (c && s.siteIds.includes(c.siteId) && (!s.deskIds || s.deskIds.includes(c.deskId))) return c;
  } catch {
    /* no choice yet */
  }
  return null;
}

/** An account of one site and one desk has nothing to choose: its console opens at once. */
function onlyDesk(s: Session | null): DeskChoice | null {
  const siteId = s?.siteIds.length === 1 ? s.siteIds[0] : undefined;
  const deskId = s?.deskIds?.length === 1 ? s.deskIds[0] : undefined;
  return siteId && deskId ? { siteId, deskId } : null;
}

export function ClerkApp() {
  const [session, setSession] = useState<Session | null>(() => sessions.load());
  const [choice, setChoice] = useState<DeskChoice | null>(() => loadChoice(session) ?? onlyDesk(session));
  // Why the console went back to the choice of desk (its desk was removed), shown there.
  const [notice, setNotice] = useState<"clerk.deskGone" | null>(null);

  const signOut = () => {
    sessions.clear();
    sessionStorage.removeItem(CHOICE_KEY);
    setChoice(null);
    setSession(null);
  };

  const leaveDesk = useCallback(() => {
    sessionStorage.removeItem(CHOICE_KEY);
    setChoice(null);
  }, []);
  const deskGone = useCallback(() => {
    setNotice("clerk.deskGone");
    leaveDesk();
  }, [leaveDesk]);

  // Disabled or signed out everywhere meanwhile: the console's socket closes (4401) and it signs out.
  useAuthLost(signOut);

  // A staff token lasts a working day: at its end the console asks to sign in again.
  useEffect(() => {
    if (!session) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(signOut, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session]);

  if (!session) {
    return (
      <LoginForm
        title="login.staffTitle"
        roles={["clerk", "manager"]}
        siteId={null}
        onSession={(s) => {
          sessions.save(s);
          setSession(s);
          setChoice(loadChoice(s) ?? onlyDesk(s));
        }}
      />
    );
  }
  if (!choice) {
    return (
      <DeskPicker
        session={session}
        notice={notice}
        onChoose={(c) => {
          sessionStorage.setItem(CHOICE_KEY, JSON.stringify(c));
          setNotice(null);
          setChoice(c);
        }}
        onSignOut={signOut}
      />
    );
  }
  return (
    <Console
      session={session}
      choice={choice}
      onChangeDesk={onlyDesk(session) ? null : leaveDesk}
      onDeskGone={deskGone}
      onSignOut={signOut}
    />
  );
}
