// A citizen's booking at the demo site today, confirmed with the code texted to them (read from the
// demo's outbox): its id, ticket number, check-in code and the manage link's token.
import { must, sleep, until } from "./http.mjs";
import { localDate } from "./site.mjs";

/** The `nth` free slot of `matterId` today (the site's zone). */
export async function slotToday(base, matterId, nth, timeZone = "Europe/Warsaw") {
  const day = localDate(timeZone);
  const { days } = await must(base, `/api/v1/sites/demo/availability?matterId=${matterId}&from=${day}&to=${day}`);
  const slots = days.flatMap((d) => d.slots).filter((s) => s.free > 0 && Date.parse(s.start) > Date.now());
  if (!slots[nth]) throw new Error(`no free slot today for ${matterId} (${slots.length} found)`);
  return slots[nth].start;
}

export async function confirmedBooking(base, { matterId, start, phone, ip }) {
  const headers = { "CF-Connecting-IP": ip };
  const hold = await must(
    base,
    "/api/v1/bookings",
    { method: "POST", headers, json: { siteId: "demo", matterId, start, name: "Obywatel Testowy", phone, consent: true } },
    202,
  );
  const code = await until(
    async () => {
      const { messages } = await must(base, "/api/v1/dev/outbox?siteId=demo&limit=50");
      const m = messages.find((x) => x.kind === "code" && x.to.endsWith(phone));
      return m ? /\b(\d{6})\b/.exec(m.body)?.[1] : undefined;
    },
    30_000,
    "the booking's code",
  );
  await sleep(100);
  const confirmed = await must(base, `/api/v1/bookings/${hold.bookingId}/confirm`, { method: "POST", headers, json: { code } });
  return {
    id: hold.bookingId,
    number: confirmed.ticketNumber,
    checkInCode: confirmed.checkInCode,
    manageToken: new URL(confirmed.manageUrl).searchParams.get("token"),
  };
}
