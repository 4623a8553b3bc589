// The fields of each part of a site's configuration, as data: a new field is one line here (and its
// label in messages.ts). Paths, labels, errors and focus come from the field components in fields.tsx.
import type { DepartmentConfig, DeskConfig, MatterConfig, PriorityGroup, PrioritySettings, SiteConfig } from "../../../protocol/config.ts";
import type { MessageKey } from "../../shared/messages.ts";

/** The keys of T whose values are of type V (optional ones included). */
type KeysOf<T, V> = { [K in keyof T]-?: Exclude<T[K], undefined> extends V ? K : never }[keyof T] & string;

export type FieldSpec<T> =
  /** One line of text; `upper`: typed letters become capitals (ticket prefixes). */
  | {
      kind: "text";
      key: KeysOf<T, string>;
      label: MessageKey;
      hint?: MessageKey;
      size?: number;
      upper?: boolean;
      long?: boolean;
      /** Left empty, the value is removed. */
      optional?: boolean;
      /** The most characters the schema takes: typing stops there, so the server never refuses the length. */
      max?: number;
      /** A paragraph rather than a line: a text box this many lines high. */
      lines?: number;
    }
  /** A whole number typed as text (what is typed stays on screen until it is a number); `optional`: empty removes it. */
  | { kind: "int"; key: KeysOf<T, number>; label: MessageKey; hint?: MessageKey; min: number; max: number; optional?: boolean }
  | { kind: "bool"; key: KeysOf<T, boolean>; label: MessageKey; hint?: MessageKey }
  /** One of a few values, as radio buttons in a fieldset. */
  | { kind: "choice"; key: KeysOf<T, string>; label: MessageKey; options: readonly { value: string; label: MessageKey }[] }
  /** An IANA time zone from the browser's list. */
  | { kind: "timeZone"; key: KeysOf<T, string>; label: MessageKey; hint?: MessageKey };

export const SITE_FIELDS: readonly FieldSpec<SiteConfig>[] = [
  { kind: "text", key: "name", label: "adm.cfg.name", long: true },
  { kind: "text", key: "city", label: "adm.cfg.city" },
  { kind: "text", key: "address", label: "adm.cfg.address", long: true },
  { kind: "timeZone", key: "timeZone", label: "adm.cfg.timeZone" },
  { kind: "bool", key: "voice", label: "adm.cfg.voice", hint: "adm.cfg.voiceHint" },
  { kind: "int", key: "noShowRecallSeconds", label: "adm.cfg.recall", hint: "adm.cfg.recallHint", min: 10, max: 3600 },
  {
    kind: "int",
    key: "statisticsRetentionYears",
    label: "adm.cfg.statsYears",
    hint: "adm.cfg.statsYearsHint",
    min: 1,
    max: 20,
  },
  { kind: "text", key: "ticker", label: "adm.cfg.ticker", hint: "adm.cfg.tickerHint", long: true, optional: true, max: 200 },
];

/** Fields of the site kept under "booking" that belong with the site's own settings. */
export const SITE_BOOKING_FIELDS: readonly FieldSpec<SiteConfig["booking"]>[] = [
  { kind: "int", key: "retentionDays", label: "adm.cfg.retention", hint: "adm.cfg.retentionHint", min: 1, max: 365 },
];

/** The data-protection notice shown with the booking form's consent, kept under "privacy". */
export const PRIVACY_FIELDS: readonly FieldSpec<SiteConfig["privacy"]>[] = [
  { kind: "text", key: "controller", label: "adm.cfg.privacyController", long: true, max: 300 },
  { kind: "text", key: "notice", label: "adm.cfg.privacyNotice", hint: "adm.cfg.privacyNoticeHint", long: true, max: 2000, lines: 4 },
  {
    kind: "text",
    key: "noticeEn",
    label: "adm.cfg.privacyNoticeEn",
    hint: "adm.cfg.privacyNoticeOtherHint",
    long: true,
    optional: true,
    max: 2000,
    lines: 4,
  },
  {
    kind: "text",
    key: "noticeUk",
    label: "adm.cfg.privacyNoticeUk",
    hint: "adm.cfg.privacyNoticeOtherHint",
    long: true,
    optional: true,
    max: 2000,
    lines: 4,
  },
];

export const DEPARTMENT_FIELDS: readonly FieldSpec<DepartmentConfig>[] = [
  { kind: "text", key: "name", label: "adm.cfg.departmentName", long: true },
  { kind: "text", key: "nameEn", label: "adm.cfg.departmentNameEn", hint: "adm.cfg.departmentNameEnHint", long: true, optional: true },
  { kind: "text", key: "nameUk", label: "adm.cfg.departmentNameUk", hint: "adm.cfg.departmentNameUkHint", long: true, optional: true },
];

export const MATTER_FIELDS: readonly FieldSpec<MatterConfig>[] = [
  { kind: "text", key: "name", label: "adm.cfg.matterName", long: true },
  { kind: "text", key: "nameEn", label: "adm.cfg.matterNameEn", hint: "adm.cfg.matterNameEnHint", long: true, optional: true },
  { kind: "text", key: "nameUk", label: "adm.cfg.matterNameUk", hint: "adm.cfg.matterNameUkHint", long: true, optional: true },
  { kind: "text", key: "prefix", label: "adm.cfg.prefix", hint: "adm.cfg.prefixHint", size: 3, upper: true },
  { kind: "text", key: "hint", label: "adm.cfg.matterHint", hint: "adm.cfg.matterHintHint", long: true, optional: true },
  { kind: "int", key: "dailyCap", label: "adm.cfg.dailyCap", hint: "adm.cfg.dailyCapHint", min: 1, max: 9999, optional: true },
  { kind: "int", key: "serviceMinutes", label: "adm.cfg.serviceMinutes", min: 1, max: 240 },
  { kind: "text", key: "lastTicketAt", label: "adm.cfg.lastTicketAt", hint: "adm.cfg.lastTicketAtHint", size: 5, optional: true },
  {
    kind: "int",
    key: "targetWaitMinutes",
    label: "adm.cfg.targetWait",
    hint: "adm.cfg.targetWaitHint",
    min: 1,
    max: 480,
    optional: true,
  },
  { kind: "bool", key: "bookable", label: "adm.cfg.bookable" },
  { kind: "int", key: "slotMinutes", label: "adm.cfg.slotMinutes", hint: "adm.cfg.slotMinutesHint", min: 5, max: 240, optional: true },
  { kind: "int", key: "bookingDesks", label: "adm.cfg.bookingDesks", hint: "adm.cfg.bookingDesksHint", min: 0, max: 50 },
];

export const DESK_FIELDS: readonly FieldSpec<DeskConfig>[] = [
  { kind: "text", key: "name", label: "adm.cfg.deskName" },
  { kind: "int", key: "number", label: "adm.cfg.deskNumber", hint: "adm.cfg.deskNumberHint", min: 1, max: 99 },
];

/** Site-wide fields shown with the opening hours. */
export const HOURS_FIELDS: readonly FieldSpec<SiteConfig>[] = [
  { kind: "bool", key: "closedOnPublicHolidays", label: "adm.cfg.publicHolidays", hint: "adm.cfg.publicHolidaysHint" },
];

export const BOOKING_FIELDS: readonly FieldSpec<SiteConfig["booking"]>[] = [
  { kind: "int", key: "horizonDays", label: "adm.cfg.horizon", hint: "adm.cfg.horizonHint", min: 0, max: 366 },
  { kind: "int", key: "minNoticeMinutes", label: "adm.cfg.minNotice", hint: "adm.cfg.minNoticeHint", min: 0, max: 10080 },
  {
    kind: "choice",
    key: "checkIn",
    label: "adm.cfg.checkIn",
    options: [
      { value: "kiosk", label: "adm.cfg.checkIn.kiosk" },
      { value: "auto", label: "adm.cfg.checkIn.auto" },
    ],
  },
  { kind: "int", key: "checkInEarlyMinutes", label: "adm.cfg.checkInEarly", min: 0, max: 120 },
  { kind: "int", key: "checkInLateMinutes", label: "adm.cfg.checkInLate", min: 0, max: 120 },
  { kind: "int", key: "reminderDayBeforeHour", label: "adm.cfg.reminderHour", hint: "adm.cfg.reminderHourHint", min: 0, max: 23 },
  { kind: "int", key: "reminderMinutesBefore", label: "adm.cfg.reminderMinutes", hint: "adm.cfg.reminderMinutesHint", min: 0, max: 1440 },
  { kind: "int", key: "maxActivePerContact", label: "adm.cfg.maxPerContact", min: 1, max: 20 },
];

/** Priority service: on or off, and how its tickets are called. */
export const PRIORITY_FIELDS: readonly FieldSpec<PrioritySettings>[] = [
  { kind: "bool", key: "enabled", label: "adm.cfg.priorityEnabled", hint: "adm.cfg.priorityEnabledHint" },
  {
    kind: "choice",
    key: "mode",
    label: "adm.cfg.priorityMode",
    options: [
      { value: "first", label: "adm.cfg.priorityMode.first" },
      { value: "alternate", label: "adm.cfg.priorityMode.alternate" },
    ],
  },
];

/** One group the kiosk lists under "Pierwszeństwo obsługi", in the kiosk's languages. */
export const PRIORITY_GROUP_FIELDS: readonly FieldSpec<PriorityGroup>[] = [
  { kind: "text", key: "name", label: "adm.cfg.priorityGroupName", long: true },
  { kind: "text", key: "nameEn", label: "adm.cfg.priorityGroupNameEn", long: true, optional: true },
  { kind: "text", key: "nameUk", label: "adm.cfg.priorityGroupNameUk", long: true, optional: true },
];

/** The site's remote PJM interpreter link. */
export const INTERPRETER_FIELDS: readonly FieldSpec<SiteConfig>[] = [
  { kind: "text", key: "interpreterUrl", label: "adm.cfg.interpreterUrl", hint: "adm.cfg.interpreterUrlHint", long: true, optional: true },
];
