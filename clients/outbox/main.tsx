// Entry of the demo outbox page (/dev/outbox): every SMS and e-mail the demo would have sent.
import { render } from "preact";
import "../shared/base.css";
import "./outbox.css";
import { I18nProvider } from "../shared/i18n.tsx";
import { OutboxApp } from "./app.tsx";

render(
  <I18nProvider persist>
    <OutboxApp />
  </I18nProvider>,
  document.getElementById("app")!,
);
