// "Przekieruj": send the current client to another matter's queue or to another desk.
import { useRef, useState } from "preact/hooks";
import type { TicketView } from "../../protocol/api.ts";
import type { ClerkSite } from "../../protocol/live.ts";
import { useFocusOnMount } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";

export function TransferPanel(props: {
  ticket: TicketView;
  /** The site's matters and desks as the console's live view names them. */
  site: ClerkSite;
  deskId: string;
  pending: boolean;
  onSubmit: (body: { ticketId: string; matterId: string } | { ticketId: string; deskId: string }) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const matters = props.site.matters.filter((m) => m.id !== props.ticket.matterId);
  const desks = props.site.desks.filter((d) => d.id !== props.deskId);
  const [kind, setKind] = useState<"matter" | "desk">("matter");
  const [matterId, setMatterId] = useState(matters[0]?.id ?? "");
  const [deskId, setDeskId] = useState(desks[0]?.id ?? "");
  const first = useRef<HTMLInputElement>(null);
  useFocusOnMount(first);

  return (
    <section class="transfer" aria-labelledby="transfer-title" onKeyDown={(e) => e.key === "Escape" && props.onClose()}>
      <h2 id="transfer-title" class="clerk-h2">
        {t("clerk.transferTitle", { number: props.ticket.number })}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(kind === "matter" ? { ticketId: props.ticket.id, matterId } : { ticketId: props.ticket.id, deskId });
        }}
      >
        <fieldset class="transfer-kind">
          <legend>{t("clerk.transferKind")}</legend>
          <label>
            <input ref={first} type="radio" name="kind" checked={kind === "matter"} onChange={() => setKind("matter")} />
            {t("clerk.toMatter")}
          </label>
          <label>
            <input type="radio" name="kind" checked={kind === "desk"} onChange={() => setKind("desk")} />
            {t("clerk.toDesk")}
          </label>
        </fieldset>
        {kind === "matter" ? (
          <>
            <label for="transfer-matter">{t("clerk.transferMatter")}</label>
            <select id="transfer-matter" value={matterId} onChange={(e) => setMatterId(e.currentTarget.value)}>
              {matters.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label for="transfer-desk">{t("clerk.transferDesk")}</label>
            <select id="transfer-desk" value={deskId} onChange={(e) => setDeskId(e.currentTarget.value)}>
              {desks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </>
        )}
        <div class="transfer-buttons">
          <button type="submit" class="btn btn-primary" disabled={props.pending}>
            {t("clerk.transferSubmit")}
          </button>
          <button type="button" class="btn" onClick={props.onClose}>
            {t("clerk.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
