// The link a confirmation, a reminder and the confirmation page give for changing or cancelling a visit.

/** `{publicUrl}/booking/manage/{bookingId}?token={token}`: the booking site's manage page. */
export function manageLink(publicUrl: string, bookingId: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/booking/manage/${bookingId}?token=${token}`;
}
