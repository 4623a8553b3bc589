// Entry of the public booking site: /booking (the five steps) and /booking/manage/{bookingId}?token=…
// (cancel a visit). Phone-first; Polish by default, English or Ukrainian on request (remembered).
import { render } from "preact";
import "../shared/base.css";
import "./booking.css";
import { LangSwitch } from "../shared/components.tsx";
import { pathParts } from "../shared/format.ts";
import { I18nProvider, PUBLIC_LANGS, useI18n } from "../shared/i18n.tsx";
import { BookingApp } from "./app.tsx";
import { ManagePage } from "./manage.tsx";

const [section, bookingId] = pathParts("/booking/");

function Page() {
  const { t } = useI18n();
  return (
    <>
      <header class="bk-head">
        <a class="bk-brand" href="/booking">
          {t("bk.brand")}
        </a>
        <LangSwitch />
      </header>
      <main class="bk">
        <h1 class="bk-title">{t("bk.title")}</h1>
        {section === "manage" ? (
          <ManagePage bookingId={bookingId ?? ""} token={new URLSearchParams(location.search).get("token") ?? ""} />
        ) : (
          <BookingApp />
        )}
      </main>
    </>
  );
}

render(
  <I18nProvider persist langs={PUBLIC_LANGS}>
    <Page />
  </I18nProvider>,
  document.getElementById("app")!,
);
