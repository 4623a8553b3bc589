// Site configuration: what a manager sets up and what the demo data seeds (R1, R10).
import { isSupportedCountry } from "libphonenumber-js/max";
import { z } from "zod";
import { DEFAULT_PRIVACY } from "./default-privacy.ts";
import type { ErrorCode } from "./errors.ts";
import { DEFAULT_PRIORITY_GROUPS } from "./priority-groups.ts";

/** Identifiers used in URLs: lower-case letters, digits and dashes. */
export const Id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "HH:MM");

/** Opening hours of one weekday: intervals [from, to) in local time. Empty: closed. */
export const DayHours = z.array(z.tuple([HHMM, HHMM])).max(4);
export type DayHours = z.infer<typeof DayHours>;

/** A date of the local calendar, YYYY-MM-DD. */
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
/** A date of the calendar in a query, "YYYY-MM-DD" (2026-02-30 is refused). */
export const CalendarDate = DateText.refine((d) => isCalendarDate(d), "not a date of the calendar");

/** A date with hours of its own: a Saturday opening, shorter hours before a holiday, or closed (no hours). */
export const SpecialDay = z.object({
  date: DateText,
  /** The hours of that date instead of its weekday's (empty: closed all day). */
  hours: DayHours,
});
export type SpecialDay = z.infer<typeof SpecialDay>;

export const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export type Weekday = z.infer<typeof Weekday>;

export const OpeningHours = z.object({
  mon: DayHours,
  tue: DayHours,
  wed: DayHours,
  thu: DayHours,
  fri: DayHours,
  sat: DayHours,
  sun: DayHours,
});
export type OpeningHours = z.infer<typeof OpeningHours>;

export const MatterConfig = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  /** The name in English, shown when the kiosk or the e-ticket is in English (the Polish name otherwise). */
  nameEn: z.string().min(1).max(120).optional(),
  /** The name in Ukrainian, shown on the citizens' pages and hall screens in Ukrainian (the Polish name otherwise). */
  nameUk: z.string().min(1).max(120).optional(),
  /** A short note shown on the kiosk under the matter ("zabierz dowód osobisty"). */
  hint: z.string().min(1).max(140).optional(),
  /** Walk-in tickets of this matter per local day; past it the kiosk shows the matter as unavailable until tomorrow. None: no cap. */
  dailyCap: z.number().int().min(1).max(9999).optional(),
  /**
   * The last-ticket time ("HH:MM", local): from this minute on no walk-in ticket of the matter is given
   * today (the kiosk says it is closed for today and offers a booking). None: tickets until the forecast's cut-off.
   */
  lastTicketAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM between 00:00 and 23:59")
    .optional(),
  /** Letter(s) that start the ticket number: "A" gives A001. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  /** Expected minutes one client of this matter takes at a desk. */
  serviceMinutes: z.number().int().min(1).max(240),
  /** The service-level target: a citizen should wait at most this long (statistics: share served within it). None: 15 minutes. */
  targetWaitMinutes: z.number().int().min(1).max(480).optional(),
  /** Whether citizens may book this matter online. */
  bookable: z.boolean().default(true),
  /** Length of one booked visit; by default the expected service time, rounded up to 5 minutes. */
  slotMinutes: z.number().int().min(5).max(240).optional(),
  /** How many desks' time goes to bookings of this matter (visits per slot); the rest stays for walk-ins. */
  bookingDesks: z.number().int().min(0).max(50).default(1),
});
export type MatterConfig = z.infer<typeof MatterConfig>;

export const DepartmentConfig = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  /** The name in English, shown when the kiosk or the booking site is in English (the Polish name otherwise). */
  nameEn: z.string().min(1).max(120).optional(),
  /** The name in Ukrainian, on the pages in Ukrainian (the Polish name otherwise). */
  nameUk: z.string().min(1).max(120).optional(),
  matters: z.array(MatterConfig).min(1).max(60),
});
export type DepartmentConfig = z.infer<typeof DepartmentConfig>;

export const DeskConfig = z.object({
  id: Id,
  /** What the hall hears and sees: "Stanowisko 5". */
  name: z.string().min(1).max(60),
  /** Number spoken by the voice module ("stanowisko 5"). */
  number: z.number().int().min(1).max(99),
  /** Matters served, in the desk's order of preference ("call next" takes the first that has someone waiting). */
  matterIds: z.array(Id).max(60),
});
export type DeskConfig = z.infer<typeof DeskConfig>;

export const DeviceConfig = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  kind: z.enum(["kiosk", "group-screen", "desk-screen", "agent"]),
  /** For a desk screen: the desk it belongs to. */
  deskId: Id.optional(),
  /** For a group screen: shows only the calls and queues of these departments (with deskIds: of either). None: the whole site. */
  departmentIds: z.array(Id).max(30).optional(),
  /** For a group screen: shows only the calls to these desks and the queues they serve. */
  deskIds: z.array(Id).max(200).optional(),
});
export type DeviceConfig = z.infer<typeof DeviceConfig>;

/** A group of people the site serves first ("kobiety w ciąży"), as the kiosk explains it. */
export const PriorityGroup = z.object({
  /** The group in Polish, as the kiosk lists it. */
  name: z.string().trim().min(1).max(120),
  /** The group in English (the Polish name otherwise). */
  nameEn: z.string().trim().min(1).max(120).optional(),
  /** The group in Ukrainian, on the kiosk in Ukrainian (the English or Polish name otherwise). */
  nameUk: z.string().trim().min(1).max(120).optional(),
});
export type PriorityGroup = z.infer<typeof PriorityGroup>;
export { DEFAULT_PRIORITY_GROUPS };

/**
 * How priority tickets are called: "first", before every normal walk-in of their matter; "alternate",
 * every second walk-in call of the matter is a priority ticket when one waits (objects/queue/order.ts).
 */
export const PRIORITY_MODES = ["first", "alternate"] as const;
export const PriorityMode = z.enum(PRIORITY_MODES);
export type PriorityMode = z.infer<typeof PriorityMode>;

/** Priority service (issue 14): whether the kiosk offers it, how its tickets are called, and for whom. */
export const PrioritySettings = z.object({
  enabled: z.boolean().default(false),
  mode: PriorityMode.default("first"),
  groups: z
    .array(PriorityGroup)
    .min(1)
    .max(12)
    .default(() => DEFAULT_PRIORITY_GROUPS.map((g) => ({ ...g }))),
});
export type PrioritySettings = z.infer<typeof PrioritySettings>;

/** A remote Polish Sign Language (PJM) interpreter: a video call link the clerk opens, https only. */
export const InterpreterUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => u.startsWith("https://"), "an https:// address");

/** Longest ticker line: about one line of a hall screen at a size read from afar. */
export const TICKER_MAX = 200;
/** Control characters, and the format characters that turn text's direction around (spoofing). */
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export const SiteConfig = z.object({
  id: Id,
  city: z.string().min(1).max(80),
  name: z.string().min(1).max(120),
  address: z.string().min(1).max(200),
  timeZone: z.string().default("Europe/Warsaw"),
  /** Voice announcements in the hall (off at the shopping-mall points in Toruń). */
  voice: z.boolean(),
  openingHours: OpeningHours,
  /** Dates with hours of their own, before days off, public holidays and the weekday's hours. */
  specialDays: z.array(SpecialDay).max(400).default([]),
  /** Languages of the hall screens' texts, the first the main one: ["pl"], ["pl", "en"], ["pl", "uk"], ["pl", "en", "uk"]… */
  screenLanguages: z
    .array(z.enum(["pl", "en", "uk"]))
    .min(1)
    .max(3)
    .refine((l) => new Set(l).size === l.length, "a language is listed twice")
    .default(["pl"]),
  /** Closed for a while (a breakdown, a move): the kiosks show the message, walk-ins and bookings are refused. Null: open as usual. */
  closure: z
    .object({ message: z.string().trim().min(1).max(300) })
    .nullable()
    .default(null),
  /** A line of text the hall screens show at their bottom ("W piątek urząd czynny do 13:00"). None: no line. */
  ticker: z
    .string()
    .trim()
    .min(1)
    .max(TICKER_MAX)
    .refine((text) => !CONTROL.test(text), "no control characters (line breaks, tabs, direction overrides)")
    .optional(),
  /** Priority service: off unless the site turns it on; the groups default to the four most offices list. */
  priority: PrioritySettings.default(() => ({
    enabled: false,
    mode: "first" as const,
    groups: DEFAULT_PRIORITY_GROUPS.map((g) => ({ ...g })),
  })),
  /** The site's remote PJM interpreter (a video call link); none: the kiosk does not offer one. */
  interpreterUrl: InterpreterUrl.optional(),
  /** Departments and their matters, each list in its order on the kiosk. */
  departments: z.array(DepartmentConfig).min(1).max(30),
  desks: z.array(DeskConfig).min(1).max(200),
  devices: z.array(DeviceConfig).max(200),
  booking: z.object({
    /** How many days ahead citizens may book (Toruń 30, Koszalin 14). */
    horizonDays: z.number().int().min(0).max(366),
    /** "auto": a booking joins the queue at its time; "kiosk": the citizen checks in with a code. */
    checkIn: z.enum(["auto", "kiosk"]),
    /** Kiosk check-in opens this many minutes before the slot. */
    checkInEarlyMinutes: z.number().int().min(0).max(120).default(10),
    /** Kiosk check-in still accepted this many minutes after the slot starts. */
    checkInLateMinutes: z.number().int().min(0).max(120).default(15),
    /** A slot must start at least this long after the booking is made. */
    minNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(60),
    /** Extra closed dates (YYYY-MM-DD), for walk-ins and bookings; Polish public holidays are closed without being listed. */
    daysOff: z.array(DateText).max(400).default([]),
    /** Bookings one phone number or e-mail may hold at a site at once. */
    maxActivePerContact: z.number().int().min(1).max(20).default(2),
    /** Reminder the day before the visit, at this local hour. */
    reminderDayBeforeHour: z.number().int().min(0).max(23).default(18),
    /** Reminder this many minutes before the visit (0: none). */
    reminderMinutesBefore: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(60),
    /** Contact data is deleted this many days after the visit. */
    retentionDays: z.number().int().min(1).max(365).default(14),
  }),
  /**
   * Shown with the consent checkbox of the booking form: who controls the data and why it is kept, in
   * Polish and, for the English and Ukrainian booking pages, in their languages (the Polish notice,
   * marked as Polish, where one is not given).
   */
  privacy: z
    .object({
      controller: z.string().trim().min(1).max(300),
      notice: z.string().trim().min(1).max(2000),
      noticeEn: z.string().trim().min(1).max(2000).optional(),
      noticeUk: z.string().trim().min(1).max(2000).optional(),
    })
    .default(DEFAULT_PRIVACY),
  /**
   * Countries (ISO 3166 codes) whose mobile numbers may get SMS: booking codes and e-ticket notices. Poland
   * only by default; each country added is a country an SMS bill can be pumped through.
   */
  smsCountries: z
    .array(z.string().regex(/^[A-Z]{2}$/, "an ISO 3166 country code such as PL"))
    .min(1)
    .max(60)
    .default(["PL"]),
  /** Closed to walk-ins and bookings on Polish public holidays without listing them (off for a point open every day). */
  closedOnPublicHolidays: z.boolean().default(true),
  /** Seconds before a missed ticket is called again when its desk has nobody else (R5). */
  noShowRecallSeconds: z.number().int().min(10).max(3600).default(120),
  /** Years the statistics (visits without personal data, desk spans, daily roll-ups) are kept; older days are deleted. */
  statisticsRetentionYears: z.number().int().min(1).max(20).default(5),
});
export type SiteConfig = z.infer<typeof SiteConfig>;
export type SiteConfigInput = z.input<typeof SiteConfig>;

/** Length of a booked visit of a matter. */
export function slotMinutes(m: MatterConfig): number {
  return m.slotMinutes ?? Math.ceil(m.serviceMinutes / 5) * 5;
}

export function allMatters(site: SiteConfig): MatterConfig[] {
  return site.departments.flatMap((d) => d.matters);
}

/**
 * Why a configuration is refused, beyond its shape: each a stable code of protocol/errors.ts, so the
 * manager page can point at the field and say what to change.
 */
export const CONFIG_PROBLEM_CODES = [
  "TIME_ZONE_UNKNOWN",
  "HOURS_INVALID",
  "DATE_INVALID",
  "DUPLICATE_ID",
  "DUPLICATE_PREFIX",
  "PREFIX_AMBIGUOUS",
  "DUPLICATE_DESK_NUMBER",
  "DUPLICATE_DATE",
  "DESK_WITHOUT_MATTERS",
  "UNKNOWN_REFERENCE",
] as const satisfies readonly ErrorCode[];
export type ConfigProblemCode = (typeof CONFIG_PROBLEM_CODES)[number];

/** One invalid value of a configuration: where it is (as a request's field path), what is wrong, and its code. */
export interface ConfigProblem {
  /** VALIDATION_FAILED: a value no specific code describes better (an SMS country, say). */
  code: ConfigProblemCode | "VALIDATION_FAILED";
  path: (string | number)[];
  message: string;
}

/** "desks.1.id: …": a problem as the API's error message names it. */
export function describeProblem(p: Pick<ConfigProblem, "path" | "message">): string {
  return `${p.path.length ? p.path.join(".") : "body"}: ${p.message}`;
}

/**
 * Whether a name is an IANA time zone ("Europe/Warsaw", "UTC", "Etc/GMT-2") this runtime knows.
 * An offset ("+01:00") is refused: it has no summer time, so local hours would drift half the year.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Whether "YYYY-MM-DD" is a date of the calendar (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/**
 * Letters that read as digits on a ticket, a screen or in a voice call: "I012" as 1012, "O07" as 007.
 * A prefix with either is refused, so every number a citizen holds reads one way.
 */
const AMBIGUOUS_IN_PREFIX = /[IO]/;

/** The paths of the values that repeat an earlier one, with the repeated value. */
function repeats<T>(
  code: ConfigProblem["code"],
  items: readonly T[],
  key: (item: T) => string,
  path: (i: number) => (string | number)[],
  what: string,
): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) problems.push({ code, path: path(i), message: `${what} ${JSON.stringify(k)} is used twice` });
    seen.add(k);
  });
  return problems;
}

/** Hours of one day that start before they end, in order, without overlapping. */
function hoursProblems(hours: readonly (readonly [string, string])[], path: (string | number)[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  hours.forEach(([from, to], i) => {
    if (from >= to)
      problems.push({ code: "HOURS_INVALID", path: [...path, i], message: `opens at ${from} but closes at ${to}: the end must be later` });
    const prev = hours[i - 1];
    if (prev && from < prev[1])
      problems.push({
        code: "HOURS_INVALID",
        path: [...path, i],
        message: `starts at ${from}, before the previous hours end (${prev[1]})`,
      });
  });
  return problems;
}

/** The calendar: weekly hours, special days (real dates, once each, not also a day off) and days off. */
function calendarProblems(site: SiteConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const day of Weekday.options) problems.push(...hoursProblems(site.openingHours[day], ["openingHours", day]));
  site.specialDays.forEach((special, i) => {
    if (!isCalendarDate(special.date))
      problems.push({ code: "DATE_INVALID", path: ["specialDays", i, "date"], message: `${special.date} is not a date of the calendar` });
    problems.push(...hoursProblems(special.hours, ["specialDays", i, "hours"]));
  });
  problems.push(
    ...repeats(
      "DUPLICATE_DATE",
      site.specialDays,
      (d) => d.date,
      (i) => ["specialDays", i, "date"],
      "special day",
    ),
  );
  site.booking.daysOff.forEach((date, i) => {
    if (!isCalendarDate(date))
      problems.push({ code: "DATE_INVALID", path: ["booking", "daysOff", i], message: `${date} is not a date of the calendar` });
  });
  const special = new Set(site.specialDays.map((d) => d.date));
  site.booking.daysOff.forEach((date, i) => {
    if (special.has(date))
      problems.push({
        code: "DUPLICATE_DATE",
        path: ["booking", "daysOff", i],
        message: `${date} is also a special day with its own hours: keep one of the two`,
      });
  });
  return problems;
}

/** A group screen's binding names departments and desks of the site. */
function screenBindingProblems(site: SiteConfig, deskIds: ReadonlySet<string>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const departmentIds = new Set(site.departments.map((d) => d.id));
  site.devices.forEach((dev, i) => {
    dev.departmentIds?.forEach((id, j) => {
      if (!departmentIds.has(id))
        problems.push({
          code: "UNKNOWN_REFERENCE",
          path: ["devices", i, "departmentIds", j],
          message: `no department ${JSON.stringify(id)} at this site`,
        });
    });
    dev.deskIds?.forEach((id, j) => {
      if (!deskIds.has(id))
        problems.push({
          code: "UNKNOWN_REFERENCE",
          path: ["devices", i, "deskIds", j],
          message: `no desk ${JSON.stringify(id)} at this site`,
        });
    });
  });
  return problems;
}

/**
 * Checks a schema alone cannot express: a known time zone, opening hours that start before they end
 * and do not overlap, unique ids and prefixes (none that reads as digits), desks that serve something, references to known
 * matters and desks, real calendar dates. Each problem carries its code and its field's path.
 */
export function siteConfigProblems(site: SiteConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!isTimeZone(site.timeZone))
    problems.push({ code: "TIME_ZONE_UNKNOWN", path: ["timeZone"], message: "must be an IANA time zone such as Europe/Warsaw" });
  site.smsCountries.forEach((code, i) => {
    if (!isSupportedCountry(code))
      problems.push({ code: "VALIDATION_FAILED", path: ["smsCountries", i], message: `${code} is not a country with a numbering plan` });
  });
  problems.push(
    ...repeats(
      "VALIDATION_FAILED",
      site.smsCountries,
      (c) => c,
      (i) => ["smsCountries", i],
      "country",
    ),
  );
  problems.push(...calendarProblems(site));
  problems.push(
    ...repeats(
      "DUPLICATE_ID",
      site.departments,
      (d) => d.id,
      (i) => ["departments", i, "id"],
      "department id",
    ),
  );
  const matters = site.departments.flatMap((d, di) => d.matters.map((m, mi) => ({ m, path: ["departments", di, "matters", mi] })));
  problems.push(
    ...repeats(
      "DUPLICATE_ID",
      matters,
      (x) => x.m.id,
      (i) => [...matters[i]!.path, "id"],
      "matter id",
    ),
  );
  problems.push(
    ...repeats(
      "DUPLICATE_PREFIX",
      matters,
      (x) => x.m.prefix,
      (i) => [...matters[i]!.path, "prefix"],
      "ticket prefix",
    ),
  );
  matters.forEach(({ m, path }) => {
    if (AMBIGUOUS_IN_PREFIX.test(m.prefix))
      problems.push({
        code: "PREFIX_AMBIGUOUS",
        path: [...path, "prefix"],
        message: `ticket prefix ${JSON.stringify(m.prefix)} has I or O, which read as the digits 1 and 0 beside the number`,
      });
  });
  const matterIds = new Set(matters.map((x) => x.m.id));
  problems.push(
    ...repeats(
      "DUPLICATE_ID",
      site.desks,
      (d) => d.id,
      (i) => ["desks", i, "id"],
      "desk id",
    ),
  );
  problems.push(
    ...repeats(
      "DUPLICATE_DESK_NUMBER",
      site.desks,
      (d) => String(d.number),
      (i) => ["desks", i, "number"],
      "desk number",
    ),
  );
  site.desks.forEach((desk, di) => {
    if (desk.matterIds.length === 0)
      problems.push({
        code: "DESK_WITHOUT_MATTERS",
        path: ["desks", di, "matterIds"],
        message: `desk ${JSON.stringify(desk.id)} serves no matter`,
      });
    problems.push(
      ...repeats(
        "DUPLICATE_ID",
        desk.matterIds,
        (m) => m,
        (i) => ["desks", di, "matterIds", i],
        "matter",
      ),
    );
    desk.matterIds.forEach((m, i) => {
      if (!matterIds.has(m))
        problems.push({
          code: "UNKNOWN_REFERENCE",
          path: ["desks", di, "matterIds", i],
          message: `no matter ${JSON.stringify(m)} at this site`,
        });
    });
  });
  const deskIds = new Set(site.desks.map((d) => d.id));
  problems.push(
    ...repeats(
      "DUPLICATE_ID",
      site.devices,
      (d) => d.id,
      (i) => ["devices", i, "id"],
      "device id",
    ),
  );
  site.devices.forEach((dev, i) => {
    if (dev.deskId !== undefined && !deskIds.has(dev.deskId)) {
      problems.push({
        code: "UNKNOWN_REFERENCE",
        path: ["devices", i, "deskId"],
        message: `no desk ${JSON.stringify(dev.deskId)} at this site`,
      });
    }
  });
  problems.push(...screenBindingProblems(site, deskIds));
  return problems;
}

/**
 * A configuration as a manager sends it: the schema, then the checks across its fields, each problem
 * an issue at its field's path carrying its code (the API answers the first: 400 with that code and
 * "path: message"; a plain schema error is VALIDATION_FAILED). Stored configurations are read with
 * SiteConfig alone: they were checked when they were sent.
 */
export const CheckedSiteConfig = SiteConfig.superRefine((site, ctx) => {
  for (const p of siteConfigProblems(site)) ctx.addIssue({ code: "custom", path: p.path, message: p.message, params: { code: p.code } });
});

/** The stable code a schema issue names in its params (a check of siteConfigProblems), if any. */
export function issueCode(issue: z.core.$ZodIssue | undefined): ConfigProblemCode | null {
  if (issue?.code !== "custom") return null;
  const code: unknown = issue.params?.code;
  return CONFIG_PROBLEM_CODES.find((c) => c === code) ?? null;
}

/** The first problem of a configuration that does not pass CheckedSiteConfig, as "path: message". */
export function configRefusal(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue
    ? describeProblem({ path: issue.path.map((k) => (typeof k === "number" ? k : String(k))), message: issue.message })
    : "invalid configuration";
}

/** The first problem of a refused configuration as the API answers it: its code (VALIDATION_FAILED for the schema's own) and message. */
export function configFailure(error: z.ZodError): { code: ConfigProblemCode | "VALIDATION_FAILED"; message: string } {
  return { code: issueCode(error.issues[0]) ?? "VALIDATION_FAILED", message: configRefusal(error) };
}
