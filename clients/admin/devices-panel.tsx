// Printers and desks of the site, live: each kiosk printer's state as the print agent last reported
// it (anything but "ready" is marked), and each desk open or on a break, its client and its queue.
import type { PrinterStatus } from "../../protocol/live.ts";
import { ErrorNote } from "../shared/components.tsx";
import { officeDateTime } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";
import { type DeskRow, deskRows, totalWaiting } from "./desk-rows.ts";
import type { SiteState } from "./use-site-state.ts";

function Printers(props: { printers: PrinterStatus[] }) {
  const { t, lang } = useI18n();
  if (props.printers.length === 0) return <p data-testid="no-printers">{t("adm.noPrinters")}</p>;
  return (
    <table class="adm-table" data-testid="printers">
      <caption class="visually-hidden">{t("adm.printers")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("adm.colKiosk")}</th>
          <th scope="col">{t("adm.colPrinter")}</th>
          <th scope="col">{t("adm.colSince")}</th>
        </tr>
      </thead>
      <tbody>
        {props.printers.map((p) => (
          <tr key={p.kioskId} data-kiosk={p.kioskId} data-state={p.state}>
            <th scope="row">{p.kioskId}</th>
            <td>
              <span class={`adm-status ${p.state === "ready" ? "adm-status-sent" : "adm-status-failed"}`}>
                {t(`adm.printer.${p.state}`)}
              </span>
            </td>
            <td>{officeDateTime(lang, p.at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Desks(props: { rows: DeskRow[] }) {
  const { t } = useI18n();
  return (
    <table class="adm-table" data-testid="desks">
      <caption class="visually-hidden">{t("adm.desks")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("adm.colDesk")}</th>
          <th scope="col">{t("adm.colDeskState")}</th>
          <th scope="col">{t("adm.colClient")}</th>
          <th scope="col">{t("adm.colWaiting")}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((d) => (
          <tr key={d.id} data-desk={d.id} data-state={d.status}>
            <th scope="row">{d.name}</th>
            <td>{t(d.status === "open" ? "adm.deskOpen" : "adm.deskPaused")}</td>
            <td>{d.client ?? t("adm.noClient")}</td>
            <td class="adm-num">{t("count.people", { n: d.waiting })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DevicesPanel(props: { state: SiteState }) {
  const { t } = useI18n();
  const { view, queue, error } = props.state;
  return (
    <section class="adm-card" aria-labelledby="adm-dev-title">
      <h2 id="adm-dev-title">{t("adm.devTitle")}</h2>
      <h3 class="adm-h3">{t("adm.printers")}</h3>
      {view ? <Printers printers={view.printers} /> : <p class="muted">{t("common.loading")}</p>}
      <h3 class="adm-h3">{t("adm.desks")}</h3>
      <ErrorNote code={error} />
      {queue ? (
        <>
          <p data-testid="total-waiting">{t("adm.totalWaiting", { people: t("count.people", { n: totalWaiting(queue) }) })}</p>
          <Desks rows={deskRows(queue)} />
        </>
      ) : (
        <p class="muted">{t("common.loading")}</p>
      )}
    </section>
  );
}
