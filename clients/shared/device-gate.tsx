// Device screens (kiosk, group screen, desk screen) are set up once: they show a pairing code for a
// manager to type into the manager page, or take a device account's sign-in. The token is kept in
// localStorage per site and kind. A token the server stops accepting (the device revoked: its socket
// closes with 4401, or a request answers 401) takes the screen back to its pairing code.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Role } from "../../protocol/api.ts";
import type { DeviceKind } from "../../protocol/devices.ts";
import { LangSwitch } from "./components.tsx";
import { useI18n } from "./i18n.tsx";
import { LoginFields } from "./login-form.tsx";
import { PairingPanel } from "./pairing-panel.tsx";
import { type Session, sessionStore } from "./session.ts";
import { useAuthLost } from "./use-auth-lost.ts";

export function deviceStore(kind: "kiosk" | "screen", siteId: string) {
  return sessionStore(`numerek.device.${kind}.${siteId}`, "local");
}

/** Renders its children with a session once the device is paired or signed in for `siteId`. */
export function DeviceGate(props: {
  kind: "kiosk" | "screen";
  /** What the device is paired as. */
  pairAs: DeviceKind;
  siteId: string | null;
  roles: readonly Role[];
  children: (session: Session, signOut: () => void) => ComponentChildren;
}) {
  const { t } = useI18n();
  const store = props.siteId ? deviceStore(props.kind, props.siteId) : null;
  const [session, setSession] = useState<Session | null>(() => store?.load() ?? null);
  const signOut = () => {
    store?.clear();
    setSession(null);
  };
  useAuthLost(signOut);
  if (!props.siteId || !store) {
    return (
      <main class="login">
        <p role="alert">{t("common.missingSite")}</p>
      </main>
    );
  }
  const save = (s: Session) => {
    store.save(s);
    setSession(s);
  };
  if (!session) {
    return (
      <main class="login login-device">
        <div class="login-top">
          <LangSwitch />
        </div>
        <PairingPanel kind={props.pairAs} siteId={props.siteId} onSession={save} />
        <LoginFields
          title="login.deviceAccount"
          note="login.deviceNote"
          level={2}
          roles={props.roles}
          siteId={props.siteId}
          onSession={save}
        />
      </main>
    );
  }
  return <>{props.children(session, signOut)}</>;
}
