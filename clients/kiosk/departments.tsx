// The kiosk's start screen: the site, a note when the office is closed at this hour (with its hours) or
// when the printer is down, one big button per department, and "Mam rezerwację" (then, where the site
// offers them, priority service and the PJM interpreter).
import type { ComponentChildren } from "preact";
import type { HallSite } from "../../protocol/live.ts";
import { LangSwitch, LocalName } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import { type Box, pageBox } from "./clear-of.ts";

export function Departments(props: {
  siteName: string;
  departments: HallSite["departments"];
  printerNote: ComponentChildren;
  /** Outside the office's hours: said before the choices. */
  hoursNote: ComponentChildren;
  /** The department chosen, and where its button was. */
  onDepartment: (id: string, from: Box) => void;
  onBooking: () => void;
  /** Priority service and the PJM interpreter, where the site offers them (issue 14). */
  needs?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <main class="kiosk-screen">
      <header class="kiosk-head">
        <div>
          <p class="kiosk-site">{props.siteName}</p>
          <h1 class="kiosk-title">{t("kiosk.title")}</h1>
        </div>
        <LangSwitch class="kiosk-lang" />
      </header>
      {props.hoursNote}
      {props.printerNote}
      <h2 class="kiosk-sub">{t("kiosk.chooseDepartment")}</h2>
      <ul class="kiosk-choices">
        {props.departments.map((d) => (
          <li key={d.id}>
            <button type="button" class="kiosk-choice" onClick={(e) => props.onDepartment(d.id, pageBox(e.currentTarget))}>
              <LocalName named={d} />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="kiosk-choice kiosk-booking" onClick={props.onBooking}>
        {t("kiosk.haveBooking")}
      </button>
      {props.needs}
    </main>
  );
}
