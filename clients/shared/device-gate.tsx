// Device screens (kiosk, group screen, desk screen) sign in once: the token is kept in
// localStorage per site and kind, and the sign-in form shows until there is one.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Role } from "../../protocol/api.ts";
import { useI18n } from "./i18n.tsx";
import { LoginForm } from "./login-form.tsx";
import { type Session, sessionStore } from "./session.ts";

export function deviceStore(kind: "kiosk" | "screen", siteId: string) {
  return sessionStore(`numerek.device.${kind}.${siteId}`, "local");
}

/** Renders its children with a session once the device is signed in for `siteId`. */
export function DeviceGate(props: {
  kind: "kiosk" | "screen";
  siteId: string | null;
  roles: readonly Role[];
  children: (session: Session, signOut: () => void) => ComponentChildren;
}) {
  const { t } = useI18n();
  const store = props.siteId ? deviceStore(props.kind, props.siteId) : null;
  const [session, setSession] = useState<Session | null>(() => store?.load() ?? null);
  if (!props.siteId || !store) {
    return (
      <main class="login">
        <p role="alert">{t("common.missingSite")}</p>
      </main>
    );
  }
  if (!session) {
    return (
      <LoginForm
        title="login.deviceTitle"
        note="login.deviceNote"
        roles={props.roles}
        siteId={props.siteId}
        onSession={(s) => {
          store.save(s);
          setSession(s);
        }}
      />
    );
  }
  return (
    <>
      {props.children(session, () => {
        store.clear();
        setSession(null);
      })}
    </>
  );
}
