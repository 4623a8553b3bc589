// Entry of the manager's page (/admin): a site's SMS and e-mail messages, printers and desks, and its settings.
import { render } from "preact";
import "../shared/base.css";
import "./admin.css";
import "./config/editor.css";
import { I18nProvider } from "../shared/i18n.tsx";
import { AdminApp } from "./app.tsx";

render(
  <I18nProvider persist>
    <AdminApp />
  </I18nProvider>,
  document.getElementById("app")!,
);
