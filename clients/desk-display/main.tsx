// Entry of the desk screen (/desk-display/{siteId}/{deskId}): the small screen above a desk.
import { render } from "preact";
import "../shared/base.css";
import "./desk-display.css";
import { DeviceGate } from "../shared/device-gate.tsx";
import { pathParts } from "../shared/format.ts";
import { I18nProvider } from "../shared/i18n.tsx";
import { DeskScreenApp } from "./app.tsx";

const [siteId = null, deskId = null] = pathParts("/desk-display/");

render(
  <I18nProvider persist>
    <DeviceGate pairAs="desk-screen" kind="screen" siteId={siteId && deskId ? siteId : null} roles={["display", "manager", "clerk"]}>
      {(session) => <DeskScreenApp siteId={siteId!} deskId={deskId!} token={session.token} />}
    </DeviceGate>
  </I18nProvider>,
  document.getElementById("app")!,
);
