// Entry of the kiosk (/kiosk/{siteId}): the touch screen where walk-ins take a ticket. The stored
// session keeps the login's deviceId (which kiosk this is), so the kiosk knows its own printer.
import { render } from "preact";
import "../shared/base.css";
import "./kiosk.css";
import { DeviceGate } from "../shared/device-gate.tsx";
import { pathParts } from "../shared/format.ts";
import { I18nProvider, PUBLIC_LANGS } from "../shared/i18n.tsx";
import { KioskApp } from "./app.tsx";

const siteId = pathParts("/kiosk/")[0] ?? null;

render(
  // Not persisted: the next citizen starts in Polish.
  <I18nProvider persist={false} langs={PUBLIC_LANGS}>
    <DeviceGate pairAs="kiosk" kind="kiosk" siteId={siteId} roles={["kiosk", "manager", "clerk"]}>
      {(session, signOut) => <KioskApp siteId={siteId!} token={session.token} deviceId={session.deviceId} onAuthLost={signOut} />}
    </DeviceGate>
  </I18nProvider>,
  document.getElementById("app")!,
);
