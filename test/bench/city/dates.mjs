// Calendar dates as the booking API names them (YYYY-MM-DD, the office's local date).

/** Today's date in a time zone. */
export const localToday = (timeZone = "Europe/Warsaw") =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** The date `days` after `date`. */
export const addDays = (date, days) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
