// Entry of the group screen (/display/{siteId}): the hall's big screen.
import { render } from "preact";
import "../shared/base.css";
import "./display.css";
import { DeviceGate } from "../shared/device-gate.tsx";
import { pathParts } from "../shared/format.ts";
import { I18nProvider, PUBLIC_LANGS } from "../shared/i18n.tsx";
import { DisplayApp } from "./app.tsx";

const siteId = pathParts("/display/")[0] ?? null;

render(
  <I18nProvider persist langs={PUBLIC_LANGS}>
    <DeviceGate pairAs="group-screen" kind="screen" siteId={siteId} roles={["display", "manager", "clerk"]}>
      {(session) => <DisplayApp siteId={siteId!} token={session.token} deviceId={session.deviceId} />}
    </DeviceGate>
  </I18nProvider>,
  document.getElementById("app")!,
);
