// Personal data of online bookings in staff views and in storage: the manager's message list never shows a
// manage link's token or a check-in code, and holds that were cancelled or ran out lose their contact data
// at the end of their day, not at the slot's date.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addDays } from "../../objects/booking/dates.ts";
import type { SiteMessage } from "../../protocol/api.ts";
import { api, freshSite, issue, siteObject, siteSql } from "./helpers.ts";
import { book, bookAndConfirm, codeFor, dateIn, freeSlots, outboxOf } from "./sms-helpers.ts";

const kiosk = { booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 } };

interface Confirmation {
  ticketNumber: string;
  checkInCode: string;
  manageUrl: string;
}

async function bookWithLink(siteId: string, start: string, phone: string): Promise<Confirmation & { bookingId: string }> {
  const created = await book(siteId, start, phone);
  expect(created.status, await created.clone().text()).toBe(202);
  const { bookingId } = (await created.json()) as { bookingId: string };
  const code = await codeFor(siteId, `+48${phone}`);
  const res = await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } });
  expect(res.status, await res.clone().text()).toBe(200);
  return { bookingId, ...((await res.json()) as Confirmation) };
}

/** Makes the site's stored day yesterday's, so the next command closes it and runs its housekeeping. */
async function endTheDay(siteId: string, admin: string): Promise<void> {
  const [{ value: day }] = (await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'")) as [{ value: string }];
  const yesterday = addDays(day, -1);
  await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
  await siteSql(siteId, "UPDATE tickets SET day = ?", yesterday);
  await evictDurableObject(siteObject(siteId));
  await issue(siteId, admin, "pj");
}

describe("the manager's message list", () => {
  it("shows a confirmation without the manage link's token and without the check-in code", async () => {
    const { siteId, admin } = await freshSite(kiosk);
    const slot = (await freeSlots(siteId, "rej", dateIn(2), dateIn(8)))[0]!;
    const conf = await bookWithLink(siteId, slot.start, "600700960");
    const token = new URL(conf.manageUrl).searchParams.get("token")!;
    // The citizen's own text carries both.
    const sent = (await outboxOf(siteId)).find((m) => m.kind === "confirmation")!;
    expect(sent.body).toContain(token);
    expect(sent.body).toContain(conf.checkInCode);

    const res = await api(`/api/v1/sites/${siteId}/messages`, { token: admin });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(conf.checkInCode);
    expect(text).not.toContain("/booking/manage/");
    const seen = ((JSON.parse(text) as { messages: SiteMessage[] }).messages ?? []).find((m) => m.kind === "confirmation")!;
    // The rest stays readable for the manager: the ticket number is there.
    expect(seen.body).toContain(conf.ticketNumber);
  });
});

describe("contact data of holds that came to nothing", () => {
  it("is deleted at the end of the day for cancelled, expired and run-out holds; a confirmed visit keeps its own", async () => {
    const { siteId, admin } = await freshSite(kiosk);
    const [a, b, c, d] = await freeSlots(siteId, "rej", dateIn(2), dateIn(8));
    const kept = await bookAndConfirm(siteId, a!.start, "600700961");
    const cancelled = await bookWithLink(siteId, b!.start, "600700962");
    const token = new URL(cancelled.manageUrl).searchParams.get("token")!;
    const res = await api(`/api/v1/bookings/${cancelled.bookingId}/cancel`, { method: "POST", json: { token } });
    expect(res.status).toBe(200);
    // A hold nobody confirmed, whose time has run out (still stored as pending).
    const runOut = (await (await book(siteId, c!.start, "600700963")).json()) as { bookingId: string };
    await siteSql(siteId, "UPDATE bookings SET hold_until = ? WHERE id = ?", Date.now() - 60_000, runOut.bookingId);
    // A hold ended by five wrong codes (stored as expired).
    const guessed = (await (await book(siteId, d!.start, "600700964")).json()) as { bookingId: string };
    const right = await codeFor(siteId, "+48600700964");
    const wrong = right === "000000" ? "000001" : "000000";
    for (let i = 0; i < 5; i++) await api(`/api/v1/bookings/${guessed.bookingId}/confirm`, { method: "POST", json: { code: wrong } });

    const contact = async (id: string) =>
      (await siteSql(siteId, "SELECT name, phone, email, contact_key, client, purged_at FROM bookings WHERE id = ?", id))[0];
    // Before the day ends nothing is deleted yet.
    expect(await contact(cancelled.bookingId)).toMatchObject({ name: "Jan Kowalski", phone: "+48600700962" });

    await endTheDay(siteId, admin);

    const gone = { name: null, phone: null, email: null, contact_key: null, client: null, purged_at: expect.any(Number) };
    expect(await contact(cancelled.bookingId)).toEqual(gone);
    expect(await contact(runOut.bookingId)).toEqual(gone);
    expect(await contact(guessed.bookingId)).toEqual(gone);
    expect(await contact(kept.bookingId)).toMatchObject({ name: "Jan Kowalski", phone: "+48600700961", purged_at: null });
    // The texts sent to them keep only a masked number.
    const stored = JSON.stringify(await siteSql(siteId, "SELECT * FROM outbox"));
    for (const n of ["600700962", "600700963", "600700964"]) expect(stored).not.toContain(n);
    expect(stored).toContain("600700961");
  });
});
