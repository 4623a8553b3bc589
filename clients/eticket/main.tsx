// Entry of the e-ticket page (/t/{token}): public, phone-first.
import { render } from "preact";
import "../shared/base.css";
import "./eticket.css";
import { I18nProvider, PUBLIC_LANGS } from "../shared/i18n.tsx";
import { ETicketApp } from "./app.tsx";

render(
  <I18nProvider persist langs={PUBLIC_LANGS}>
    <ETicketApp />
  </I18nProvider>,
  document.getElementById("app")!,
);
