// Entry of the clerk console (/clerk): staff sign in, pick a site and desk, then work the queue.
import { render } from "preact";
import "../shared/base.css";
import "./clerk.css";
import { I18nProvider } from "../shared/i18n.tsx";
import { ClerkApp } from "./app.tsx";

render(
  <I18nProvider persist>
    <ClerkApp />
  </I18nProvider>,
  document.getElementById("app")!,
);
