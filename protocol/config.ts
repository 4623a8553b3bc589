// Site configuration: what a manager sets up and what the demo data seeds (R1, R10).
import { z } from "zod";

/** Identifiers used in URLs: lower-case letters, digits and dashes. */
export const Id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "HH:MM");

/** Opening hours of one weekday: intervals [from, to) in local time. Empty: closed. */
export const DayHours = z.array(z.tuple([HHMM, HHMM])).max(4);

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
  /** Letter(s) that start the ticket number: "A" gives A001. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  /** Expected minutes one client of this matter takes at a desk. */
  serviceMinutes: z.number().int().min(1).max(240),
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
  matters: z.array(MatterConfig).min(1).max(60),
});
export type DepartmentConfig = z.infer<typeof DepartmentConfig>;

export const DeskConfig = z.object({
  id: Id,
  /** What the hall hears and sees: "Stanowisko 5". */
  name: z.string().min(1).max(60),
  /** Number spoken by the voice module ("stanowisko 5"). */
  number: z.number().int().min(1).max(99),
  /** Matters served, in the desk's order of preference. */
  matterIds: z.array(Id).min(1).max(60),
});
export type DeskConfig = z.infer<typeof DeskConfig>;

export const DeviceConfig = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  kind: z.enum(["kiosk", "group-screen", "desk-screen", "agent"]),
  /** For a desk screen: the desk it belongs to. */
  deskId: Id.optional(),
});
export type DeviceConfig = z.infer<typeof DeviceConfig>;

export const SiteConfig = z.object({
  id: Id,
  city: z.string().min(1).max(80),
  name: z.string().min(1).max(120),
  address: z.string().min(1).max(200),
  timeZone: z.string().default("Europe/Warsaw"),
  /** Voice announcements in the hall (off at the shopping-mall points in Toruń). */
  voice: z.boolean(),
  openingHours: OpeningHours,
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
    /** Extra closed dates (YYYY-MM-DD); Polish public holidays are closed without being listed. */
    daysOff: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
      .max(400)
      .default([]),
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
  /** Shown with the consent checkbox of the booking form: who controls the data and why it is kept. */
  privacy: z.object({ controller: z.string().min(1).max(300), notice: z.string().min(1).max(2000) }).default({
    controller: "Urząd Miasta",
    notice:
      "Dane (imię i nazwisko lub nazwa firmy, telefon lub e-mail) są przetwarzane wyłącznie w celu obsługi rezerwacji wizyty i usuwane po jej terminie.",
  }),
  /** Closed to walk-ins and bookings on Polish public holidays without listing them (off for a point open every day). */
  closedOnPublicHolidays: z.boolean().default(true),
  /** Seconds before a missed ticket is called again when its desk has nobody else (R5). */
  noShowRecallSeconds: z.number().int().min(10).max(3600).default(120),
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

/** Cross-field checks a schema cannot express: unique ids and known references. */
export function siteConfigProblems(site: SiteConfig): string[] {
  const problems: string[] = [];
  const matters = allMatters(site);
  const matterIds = new Set(matters.map((m) => m.id));
  if (matterIds.size !== matters.length) problems.push("matter ids must be unique");
  const prefixes = new Set(matters.map((m) => m.prefix));
  if (prefixes.size !== matters.length) problems.push("matter prefixes must be unique within a site");
  const deskIds = new Set(site.desks.map((d) => d.id));
  if (deskIds.size !== site.desks.length) problems.push("desk ids must be unique");
  for (const desk of site.desks) {
    for (const m of desk.matterIds) {
      if (!matterIds.has(m)) problems.push(`desk ${desk.id} serves unknown matter ${m}`);
    }
  }
  for (const dev of site.devices) {
    if (dev.deskId && !deskIds.has(dev.deskId)) problems.push(`device ${dev.id} points at unknown desk ${dev.deskId}`);
  }
  return problems;
}
