// "Dodaj do kalendarza": a booked visit as an iCalendar file (RFC 5545) with one event. The times are
// written in UTC ("…Z"), converted from the office's own time the API sends with its offset, so every
// calendar shows the visit at the office's hour whatever its own zone (a TZID would need a VTIMEZONE
// block of its rules). The event says what the visit is, where and with which ticket number, and
// nothing of the citizen: no name, phone, e-mail, kiosk code or manage link (calendars are often shared).

export interface CalendarVisit {
  /** Stable across downloads of the same visit, so a calendar updates the event instead of adding one. */
  uid: string;
  /** The office's local time with its offset: "2026-11-24T09:30:00+01:00". */
  start: string;
  minutes: number;
  summary: string;
  /** The office's address. */
  location: string;
  description: string;
  /** When the file is made. */
  now: number;
}

/** An instant as an iCalendar UTC date-time: "20261124T083000Z". */
export function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as "\n". */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** A content line folded at 75 octets (RFC 5545 3.1): CRLF and a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line takes 75 octets; each continuation starts with a space, so 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** The whole file: CRLF line ends, every line folded. */
export function visitIcs(v: CalendarVisit): string {
  const start = Date.parse(v.start);
  if (!Number.isFinite(start)) throw new RangeError(`not a date-time: ${JSON.stringify(v.start)}`);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//numerek//Rezerwacja wizyty//PL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${icsText(v.uid)}`,
    `DTSTAMP:${icsTime(v.now)}`,
    `DTSTART:${icsTime(start)}`,
    `DTEND:${icsTime(start + v.minutes * 60_000)}`,
    `SUMMARY:${icsText(v.summary)}`,
    `LOCATION:${icsText(v.location)}`,
    `DESCRIPTION:${icsText(v.description)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
