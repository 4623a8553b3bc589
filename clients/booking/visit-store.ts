// What this browser remembers of the visits it booked (office, matter, time, ticket, check-in code;
// never the name or phone), so the manage page opened here can show the visit. Forgotten on cancel.
export interface SavedVisit {
  siteId: string;
  matterName: string;
  start: string;
  ticketNumber: string;
  checkInCode?: string;
}

const keyOf = (bookingId: string) => `numerek.booking.${bookingId}`;

export function saveVisit(bookingId: string, v: SavedVisit): void {
  try {
    localStorage.setItem(keyOf(bookingId), JSON.stringify(v));
  } catch {
    /* private mode: the SMS has the details */
  }
}

export function loadVisit(bookingId: string): SavedVisit | null {
  try {
    const v = JSON.parse(localStorage.getItem(keyOf(bookingId)) ?? "null") as SavedVisit | null;
    return v && typeof v.start === "string" && typeof v.ticketNumber === "string" ? v : null;
  } catch {
    return null;
  }
}

export function forgetVisit(bookingId: string): void {
  try {
    localStorage.removeItem(keyOf(bookingId));
  } catch {
    /* nothing kept */
  }
}
