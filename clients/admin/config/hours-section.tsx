// Opening hours: per weekday a list of intervals (a break is two), public holidays closed or not, and
// extra days off; then the booking rules and reminders.
import { useState } from "preact/hooks";
import type { Weekday } from "../../../protocol/config.ts";
import { useI18n } from "../../shared/i18n.tsx";
import { useEditor } from "./editor-context.ts";
import { addDayOff, addInterval, MAX_INTERVALS, removeDayOff, removeInterval } from "./edits.ts";
import { BOOKING_FIELDS, HOURS_FIELDS } from "./field-specs.ts";
import { Fields, ProblemText, TextField } from "./fields.tsx";
import { ListButton } from "./list-button.tsx";
import { fieldId, pathKey } from "./paths.ts";

/** The weekdays in the office's order (the schema's Weekday.options, without bundling the schema). */
const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function Day(props: { day: Weekday }) {
  const { t } = useI18n();
  const { draft, change, announce } = useEditor();
  const { day } = props;
  const hours = draft.openingHours[day];
  const dayName = t(`adm.cfg.day.${day}`);
  return (
    <fieldset class="cfg-day" data-day={day}>
      <legend>{dayName}</legend>
      {hours.length === 0 && <p class="muted">{t("adm.cfg.closedDay")}</p>}
      {hours.map(([from, to], i) => {
        const name = t("adm.cfg.intervalN", { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place in the day.
          <fieldset key={i} class="cfg-interval">
            <legend class="visually-hidden">{`${dayName}, ${name}`}</legend>
            <TextField path={["openingHours", day, i, 0]} label={t("adm.cfg.from")} value={from} size={5} />
            <TextField path={["openingHours", day, i, 1]} label={t("adm.cfg.to")} value={to} size={5} />
            <button
              type="button"
              class="btn btn-danger"
              aria-label={`${t("adm.cfg.removeInterval")} – ${dayName}, ${name}`}
              onClick={() => {
                change((s) => removeInterval(s, day, i), fieldId(["openingHours", day]));
                announce(t("adm.cfg.intervalRemoved", { day: dayName, from, to }));
              }}
            >
              {t("adm.cfg.removeInterval")}
            </button>
          </fieldset>
        );
      })}
      <ListButton
        path={["openingHours", day]}
        label={`${t("adm.cfg.addInterval")} – ${dayName}`}
        disabled={hours.length >= MAX_INTERVALS}
        onClick={() => change((s) => addInterval(s, day), fieldId(["openingHours", day, hours.length, 0]))}
      >
        {t("adm.cfg.addInterval")}
      </ListButton>
    </fieldset>
  );
}

function DaysOff() {
  const { t, lang } = useI18n();
  const { draft, change, problems } = useEditor();
  const [date, setDate] = useState("");
  const path = ["booking", "daysOff"];
  const key = pathKey(path);
  const id = fieldId(path);
  const problem = problems[key];
  const long = (d: string) =>
    new Date(`${d}T12:00:00Z`).toLocaleDateString(lang, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  return (
    <fieldset class="cfg-group">
      <legend>{t("adm.cfg.daysOff")}</legend>
      {draft.booking.daysOff.length === 0 ? (
        <p class="muted">{t("adm.cfg.noDaysOff")}</p>
      ) : (
        <ul class="cfg-days-off">
          {draft.booking.daysOff.map((d, i) => (
            <li key={d} data-day-off={d}>
              <span>{Number.isNaN(Date.parse(d)) ? d : long(d)}</span>
              <button
                type="button"
                class="btn btn-danger"
                aria-label={`${t("adm.cfg.removeDayOff")}: ${d}`}
                onClick={() => change((s) => removeDayOff(s, i), id)}
              >
                {t("adm.cfg.removeDayOff")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="cfg-add-served">
        <div class="cfg-field">
          <label for={id}>{t("adm.cfg.dayOff")}</label>
          <input
            id={id}
            type="date"
            value={date}
            data-path={key}
            data-error={problem ? "true" : undefined}
            aria-invalid={problem ? "true" : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
          <ProblemText id={`${id}-error`} problem={problem} />
        </div>
        <button
          type="button"
          class="btn"
          disabled={!date}
          onClick={() => {
            change((s) => addDayOff(s, date), id);
            setDate("");
          }}
        >
          {t("adm.cfg.addDayOff")}
        </button>
      </div>
    </fieldset>
  );
}

export function HoursSection() {
  const { t } = useI18n();
  return (
    <fieldset class="cfg-section">
      <legend>
        <h3 class="cfg-title">{t("adm.cfg.hoursTitle")}</h3>
      </legend>
      <p class="muted">{t("adm.cfg.hoursNote")}</p>
      <div class="cfg-days">
        {WEEKDAYS.map((day) => (
          <Day key={day} day={day} />
        ))}
      </div>
      <Fields specs={HOURS_FIELDS} at={[]} />
      <DaysOff />
    </fieldset>
  );
}

export function BookingSection() {
  const { t } = useI18n();
  return (
    <fieldset class="cfg-section">
      <legend>
        <h3 class="cfg-title">{t("adm.cfg.bookingTitle")}</h3>
      </legend>
      <Fields specs={BOOKING_FIELDS} at={["booking"]} />
    </fieldset>
  );
}
