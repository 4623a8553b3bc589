// Entry of the public page of every office's live queues (/kolejki, /kolejki?org=…): phone-first.
import { render } from "preact";
import "../shared/base.css";
import "./queues.css";
import { I18nProvider, PUBLIC_LANGS } from "../shared/i18n.tsx";
import { QueuesApp } from "./app.tsx";

render(
  <I18nProvider persist langs={PUBLIC_LANGS}>
    <QueuesApp />
  </I18nProvider>,
  document.getElementById("app")!,
);
