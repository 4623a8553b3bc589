// Tickets the site's print agent could not print (too old by the time a printer could take them, or no
// printer for their kiosk). They are never forgotten: each stays listed until a manager, having dealt with it
// (the citizen has the ticket's QR code on the kiosk's screen, or was helped at the desk), sets it aside.
import type { UnprintedTicket } from "../../protocol/live.ts";
import { officeDateTime } from "../shared/format.ts";
import { useI18n } from "../shared/i18n.tsx";

interface Props {
  unprinted: readonly UnprintedTicket[];
  onSetAside: (u: UnprintedTicket) => void;
}

export function UnprintedList(props: Props) {
  const { t, lang } = useI18n();
  if (props.unprinted.length === 0) return null;
  return (
    <section aria-labelledby="adm-unprinted-title" data-testid="unprinted">
      <h3 id="adm-unprinted-title">{t("adm.unprinted.title")}</h3>
      <p>{t("adm.unprinted.explain")}</p>
      <ul class="adm-list">
        {props.unprinted.map((u) => (
          <li key={u.jobId} data-job={u.jobId}>
            <strong>{u.number}</strong> · {officeDateTime(lang, u.createdAt)} · {u.kioskId ?? "–"} · {t(`adm.unprinted.${u.reason}`)}{" "}
            <button type="button" class="btn" onClick={() => props.onSetAside(u)}>
              {t("adm.unprinted.setAside")}
              <span class="visually-hidden"> {u.number}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
