// The citizens who follow their ticket on the phone: each reads the e-ticket once, opens its live socket
// and keeps it until the ticket is served. Per phone it times the call: from the moment the desk sent
// call-next to the moment the phone's socket has a frame saying "called" or later (a phone whose socket opened
// after the call is not timed). A socket the server closes, or that never shows the call, is an error.
import { clientFrame, openCountingSocket, phoneAddress, sleep, timed } from "../clients.mjs";

/** How long after the finish a phone may still be waiting for its "called" frame before that counts as lost. */
const LATE_FRAME_MS = 3000;
/** The e-ticket's own status once called (a later frame may already say serving, when the views were merged). */
const CALLED = /"status":"(called|serving|served)"/;
const CLOSE_NORMAL = Buffer.from([0x03, 0xe8]);

export function createPhones({ base, tally }) {
  const ws = base.replace(/^http/, "ws");
  /** ticket id → its phone: { socket, openedAt, sentAt, calledAt, done } */
  const byTicket = new Map();
  const counts = { phones: 0, frames: 0, untimed: 0 };

  const settle = (phone) => {
    if (phone.timed || phone.sentAt === undefined || phone.calledAt === undefined) return;
    phone.timed = true;
    if (phone.openedAt !== undefined && phone.openedAt < phone.sentAt) tally.ok("eticket-frame", phone.calledAt - phone.sentAt);
    else counts.untimed++;
  };
  const hangUp = (phone) => {
    phone.done = true;
    phone.socket?.end(clientFrame(8, CLOSE_NORMAL));
  };

  return {
    counts,
    /** A citizen with a fresh walk-in ticket takes out the phone. */
    async watch(ticket) {
      const i = counts.phones++;
      const token = ticket.eticketUrl.split("/t/")[1];
      const headers = { "CF-Connecting-IP": phoneAddress(i) };
      const phone = { socket: null, openedAt: undefined, sentAt: undefined, calledAt: undefined, done: false, timed: false };
      byTicket.set(ticket.id, phone);
      const r = await timed(base, `/api/v1/etickets/${token}`, { headers });
      if (r.status === 200) tally.ok("eticket-read", r.ms);
      else tally.fail("eticket-read", `${r.status} ${r.body?.error?.code ?? ""}`);
      try {
        const socket = await openCountingSocket(
          `${ws}/api/v1/etickets/${token}/live`,
          (payload) => {
            counts.frames++;
            phone.openedAt ??= performance.now();
            if (phone.calledAt === undefined && CALLED.test(payload.toString("latin1"))) {
              phone.calledAt = performance.now();
              settle(phone);
            }
          },
          {
            headers,
            onClose: (code, reason) => {
              if (!phone.done) tally.fail("eticket-frame", `socket closed by the server: ${code} ${reason}`);
              phone.done = true;
            },
          },
        );
        phone.socket = socket;
        socket.on("close", () => {
          if (!phone.done) tally.fail("eticket-frame", "socket connection lost");
          phone.done = true;
        });
        if (phone.done) hangUp(phone); // served while the socket was opening
      } catch (e) {
        phone.done = true;
        tally.fail("eticket-frame", `socket did not open: ${e.message}`);
      }
    },
    /** A desk sent call-next at `sentAt` (performance.now()) and got this ticket. */
    called(ticketId, sentAt) {
      const phone = byTicket.get(ticketId);
      if (!phone) return;
      phone.sentAt = sentAt;
      settle(phone);
    },
    /** The desk finished this ticket: its phone hangs up (after the "called" frame, which must have come). */
    async served(ticketId) {
      const phone = byTicket.get(ticketId);
      if (!phone) return;
      byTicket.delete(ticketId);
      if (phone.calledAt === undefined && phone.openedAt !== undefined) await sleep(LATE_FRAME_MS);
      if (phone.calledAt === undefined && phone.openedAt !== undefined && !phone.done)
        tally.fail("eticket-frame", "ticket served, its socket never showed the call");
      hangUp(phone);
    },
    /** The office closed: the phones of tickets never served hang up; how many there were. */
    hangUpAll() {
      const left = byTicket.size;
      for (const phone of byTicket.values()) hangUp(phone);
      byTicket.clear();
      return left;
    },
  };
}
