// A citizen booking a visit through the public booking API, as the booking page does: the human check
// (a fresh token from the loopback Turnstile stand-in, as if the widget was ticked), the hold (the code
// goes by SMS), the confirmation with the code read from the demo outbox; at a site that checks bookings
// in at the kiosk, a citizen who booked a slot of the coming minutes checks in there on arrival.
// Each citizen has a phone number and a client address of their own (the send limits count per both).
import { phoneAddress, timed } from "../clients.mjs";

/** Citizens' numbers and addresses start here, clear of the e-ticket phones' addresses. */
const FIRST = 1 << 20;
const refusal = (r) => `${r.status} ${r.body?.error?.code ?? ""}`.trim();

export function createCitizens({ base, turnstile, outbox, tally }) {
  let next = 0;
  const counts = { refused: 0, confirmed: 0, checkedIn: 0 };
  /** Counts a failed step; the citizen gives up (null). */
  const failed = (op, message) => {
    tally.fail(op, message);
    return null;
  };

  /** Free slots of `matterId` from `from` to `to` (local dates): [{ start, free }]. */
  async function freeSlots(siteId, matterId, from, to) {
    const r = await timed(base, `/api/v1/sites/${siteId}/availability?matterId=${matterId}&from=${from}&to=${to}`);
    if (r.status !== 200) throw new Error(`availability ${siteId}/${matterId}: ${refusal(r)}`);
    return r.body.days.flatMap((d) => d.slots).filter((s) => s.free > 0);
  }

  /**
   * Holds `start` and confirms it; `op` names the hold in the tally ("hold" or "storm-hold"). Resolves with
   * the confirmation, or null when the slot was taken meanwhile (409 SLOT_UNAVAILABLE, not an error).
   */
  async function book({ siteId, matterId, start, op = "hold" }) {
    const i = FIRST + next++;
    const phone = String(600_000_000 + (i % 100_000_000));
    const turnstileToken = turnstile.mint({ hostname: "127.0.0.1", action: "booking" });
    const hold = await timed(base, "/api/v1/bookings", {
      method: "POST",
      headers: { "CF-Connecting-IP": phoneAddress(i) },
      json: { siteId, matterId, start, name: `Obywatel ${i}`, phone, consent: true, turnstileToken: await turnstileToken },
    });
    if (hold.status === 409 && hold.body?.error?.code === "SLOT_UNAVAILABLE") {
      counts.refused++;
      return null;
    }
    if (hold.status !== 202) return (tally.fail(op, refusal(hold)), null);
    tally.ok(op, hold.ms);
    let code;
    try {
      code = await outbox.codeFor(siteId, `+48${phone}`);
    } catch (e) {
      return (tally.fail("confirm", e.message), null);
    }
    const confirm = await timed(base, `/api/v1/bookings/${hold.body.bookingId}/confirm`, { method: "POST", json: { code } });
    if (confirm.status !== 200) return (tally.fail("confirm", refusal(confirm)), null);
    tally.ok("confirm", confirm.ms);
    counts.confirmed++;
    return confirm.body;
  }

  /** At the kiosk with the booking's code; resolves with the ticket, or null. */
  async function checkIn(site, checkInCode) {
    const r = await timed(base, `/api/v1/sites/${site.id}/check-in`, {
      method: "POST",
      headers: { Authorization: `Bearer ${site.kioskToken}` },
      json: { code: checkInCode },
    });
    if (r.status !== 201) return (tally.fail("check-in", refusal(r)), null);
    tally.ok("check-in", r.ms);
    counts.checkedIn++;
    return r.body;
  }

  return { counts, freeSlots, book, checkIn };
}
