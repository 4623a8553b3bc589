// What "Nowa placówka" starts from: every value the API requires, the schema's defaults written out (the
// page carries no schema), open Monday to Friday 8:00-16:00; departments, matters and desks are added
// by the manager. The id, city, name and address are left for the manager to give.
import type { SiteConfig } from "../../../protocol/config.ts";
import { DEFAULT_PRIVACY } from "../../../protocol/default-privacy.ts";
import { DEFAULT_PRIORITY_GROUPS } from "../../../protocol/priority-groups.ts";

const workday: [string, string][] = [["08:00", "16:00"]];

export function newSiteConfig(): SiteConfig {
  return {
    id: "",
    city: "",
    name: "",
    address: "",
    timeZone: "Europe/Warsaw",
    voice: true,
    openingHours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] },
    specialDays: [],
    screenLanguages: ["pl"],
    closure: null,
    priority: { enabled: false, mode: "first", groups: DEFAULT_PRIORITY_GROUPS.map((g) => ({ ...g })) },
    departments: [],
    desks: [],
    devices: [],
    booking: {
      horizonDays: 14,
      checkIn: "kiosk",
      checkInEarlyMinutes: 10,
      checkInLateMinutes: 15,
      minNoticeMinutes: 60,
      daysOff: [],
      maxActivePerContact: 2,
      reminderDayBeforeHour: 18,
      reminderMinutesBefore: 60,
      retentionDays: 14,
    },
    privacy: { ...DEFAULT_PRIVACY },
    smsCountries: ["PL"],
    closedOnPublicHolidays: true,
    noShowRecallSeconds: 120,
    statisticsRetentionYears: 5,
  };
}
