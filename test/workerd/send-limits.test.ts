// SMS pumping and bombing through the real Worker, site objects and SendLimits objects: codes per number
// and per mailbox counted over every hold and site, ended or not; codes per client address counted over
// every site; e-ticket "SMS me" requests per number; numbers of countries not allowed; refusals that cost
// no allowance; a retried request that is not counted twice.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CLIENT_CODES, CONTACT_CODES, DAY_MS, NOTICE_NUMBER } from "../../objects/limits/allowance.ts";
import type { IssuedTicket } from "../../protocol/api.ts";
import { api, eticketTokenOf, expectError, freshSite, issue, siteSql, testEnv, testSiteConfig } from "./helpers.ts";
import { codeFor, dateIn, freeAt, freeSlots, outboxOf } from "./sms-helpers.ts";

const kiosk = { booking: { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 } };
let address = 0;
/** A client address of its own, so that only the limit under test applies. */
const freshAddress = () => `198.51.100.${++address}`;

function hold(siteId: string, start: string, contact: { phone: string } | { email: string }, headers: Record<string, string> = {}) {
  return api("/api/v1/bookings", {
    method: "POST",
    headers: { "CF-Connecting-IP": freshAddress(), ...headers },
    json: { siteId, matterId: "rej", start, name: "Jan Kowalski", consent: true, ...contact },
  });
}

async function slots(siteId: string, n: number): Promise<string[]> {
  const all = await freeSlots(siteId, "rej", dateIn(1), dateIn(10));
  expect(all.length).toBeGreaterThanOrEqual(n);
  return all.slice(0, n).map((s) => s.start);
}

const codes = async (siteId: string, to: string) => (await outboxOf(siteId)).filter((m) => m.kind === "code" && m.to === to);

describe("codes per number and per mailbox, over the whole deployment", () => {
  it(`a number gets at most ${CONTACT_CODES.perHour} codes an hour over every site and hold, ended or not; another number is not held back`, async () => {
    const a = await freshSite(kiosk);
    const b = await freshSite(kiosk);
    const [a1, a2, a3] = await slots(a.siteId, 3);
    const [b1, b2] = await slots(b.siteId, 2);
    const phone = { phone: "600 701 001" };
    for (const [siteId, start] of [
      [a.siteId, a1],
      [a.siteId, a2],
      [b.siteId, b1],
      [b.siteId, b2],
    ] as const) {
      expect((await hold(siteId, start!, phone)).status).toBe(202);
    }
    // The first hold at A ends: five wrong codes release its slot. Site A alone would now take the number again.
    const first = (await outboxOf(a.siteId)).find((m) => m.kind === "code")!;
    expect(first.to).toBe("+48600701001");
    const bookingId = await heldBookingId(a.siteId, a1!);
    const right = await codeFor(a.siteId, "+48600701001");
    for (let i = 1; i <= 5; i++) {
      const wrong = String((Number(right) + i * 7) % 1_000_000).padStart(6, "0");
      await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code: wrong } });
    }
    expect(await freeAt(a.siteId, "rej", a1!)).toBeGreaterThan(0);

    const refused = await hold(a.siteId, a3!, phone);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(3000);
    await expectError(refused, 429, "CONTACT_RATE_LIMITED");
    // Nothing held, nothing sent.
    expect(await codes(a.siteId, "+48600701001")).toHaveLength(2);
    const freeA3 = await freeAt(a.siteId, "rej", a3!);
    expect((await hold(a.siteId, a3!, { phone: "600 701 002" })).status).toBe(202);
    expect(await freeAt(a.siteId, "rej", a3!)).toBe(freeA3 - 1);
  });

  it("a code sent again counts like a new hold's: the resend past the number's allowance is refused and sends nothing", async () => {
    const { siteId } = await freshSite(kiosk);
    const [start] = await slots(siteId, 1);
    const created = await hold(siteId, start!, { phone: "600 701 020" });
    const { bookingId } = (await created.json()) as { bookingId: string };
    const resend = async () => {
      // A new code no sooner than 60 s after the last: the last one is made older.
      await siteSql(
        siteId,
        "UPDATE bookings SET verification = json_set(verification, '$.sentAt', ?) WHERE id = ?",
        Date.now() - 61_000,
        bookingId,
      );
      return api(`/api/v1/bookings/${bookingId}/resend`, { method: "POST", headers: { "CF-Connecting-IP": freshAddress() }, json: {} });
    };
    for (let i = 1; i < CONTACT_CODES.perHour; i++) expect((await resend()).status).toBe(200);
    // The booking alone would allow a fifth code; the number's allowance does not.
    await expectError(await resend(), 429, "CONTACT_RATE_LIMITED");
    expect(await codes(siteId, "+48600701020")).toHaveLength(CONTACT_CODES.perHour);
  });

  it("counts one mailbox however it is written: +tags, letter case, Gmail's dots and googlemail.com", async () => {
    const a = await freshSite(kiosk);
    const b = await freshSite(kiosk);
    const c = await freshSite(kiosk);
    const [a1, a2] = await slots(a.siteId, 2);
    const [b1, b2] = await slots(b.siteId, 2);
    const [c1] = await slots(c.siteId, 1);
    const spellings = ["jan.nowak@gmail.com", "Jan.Nowak+urzad@gmail.com", "jannowak@googlemail.com", "j.a.n.nowak+2@gmail.com"];
    const places = [
      [a.siteId, a1],
      [a.siteId, a2],
      [b.siteId, b1],
      [b.siteId, b2],
    ] as const;
    for (const [i, [siteId, start]] of places.entries()) {
      const res = await hold(siteId, start!, { email: spellings[i]! });
      expect(res.status, await res.clone().text()).toBe(202);
    }
    await expectError(await hold(c.siteId, c1!, { email: "JANNOWAK+5@GMAIL.COM" }), 429, "CONTACT_RATE_LIMITED");
    // Another mailbox of the same domain is its own.
    expect((await hold(c.siteId, c1!, { email: "jan.nowak2@gmail.com" })).status).toBe(202);
  });

  it("a refused hold costs no allowance, and a retried request is counted once", async () => {
    const { siteId } = await freshSite(kiosk);
    const starts = await slots(siteId, 2);
    const phone = { phone: "600 701 010" };
    // Many refusals for the number (a time that is no slot): none of them counts.
    for (let i = 0; i < CONTACT_CODES.perHour + 2; i++) {
      await expectError(await hold(siteId, `${dateIn(1)}T03:07:00+01:00`, phone), 409, "SLOT_UNAVAILABLE");
    }
    // The same request three times under one Idempotency-Key: one hold, one code, one count.
    const key = crypto.randomUUID();
    const from = freshAddress();
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await (await hold(siteId, starts[0]!, phone, { "Idempotency-Key": key, "CF-Connecting-IP": from })).json());
    expect(new Set(answers.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(await codes(siteId, "+48600701010")).toHaveLength(1);
    expect((await hold(siteId, starts[1]!, phone)).status).toBe(202);
  });

  it("a taken slot is refused as such before anything is counted; the number past its allowance is still held back at a free one", async () => {
    const a = await freshSite(kiosk);
    const b = await freshSite(kiosk);
    const [a1, a2, a3] = await slots(a.siteId, 3);
    const [b1, b2] = await slots(b.siteId, 2);
    const phone = { phone: "600 709 020" };
    for (const [siteId, start] of [
      [a.siteId, a1],
      [a.siteId, a2],
      [b.siteId, b1],
      [b.siteId, b2],
    ] as const) {
      const res = await hold(siteId, start!, phone);
      expect(res.status, await res.text()).toBe(202);
    }
    // a3 goes to another number and is then full.
    const other = await hold(a.siteId, a3!, { phone: "600 709 021" });
    expect(other.status, await other.text()).toBe(202);
    expect(await freeAt(a.siteId, "rej", a3!)).toBe(0);
    const kept = await sendsKept();
    await expectError(await hold(a.siteId, a3!, phone), 409, "SLOT_UNAVAILABLE");
    for (let i = 0; i < 5; i++) await expectError(await hold(a.siteId, a3!, { phone: `600 709 1${i}0` }), 409, "SLOT_UNAVAILABLE");
    expect(await sendsKept()).toBe(kept);
    // At a free slot the number's allowance answers.
    const [free] = (await slots(a.siteId, 4)).slice(3);
    await expectError(await hold(a.siteId, free!, phone), 429, "CONTACT_RATE_LIMITED");
    expect(await codes(a.siteId, "+48600709020")).toHaveLength(2);
  });

  it(`one client address gets at most ${CLIENT_CODES.perHour} codes an hour over all sites`, async () => {
    const from = { "CF-Connecting-IP": "203.0.113.77" };
    const sites = [await freshSite(kiosk), await freshSite(kiosk), await freshSite(kiosk)];
    // Each site takes 10 an hour from one address itself; the deployment's count stops the 21st.
    let n = 0;
    for (const { siteId } of sites.slice(0, 2)) {
      for (const start of await slots(siteId, CLIENT_CODES.perHour / 2)) {
        const res = await hold(siteId, start, { phone: `600 702 ${String(n++).padStart(3, "0")}` }, from);
        expect(res.status, await res.clone().text()).toBe(202);
      }
    }
    const [last] = await slots(sites[2]!.siteId, 1);
    await expectError(await hold(sites[2]!.siteId, last!, { phone: "600 702 999" }, from), 429, "BOOKING_RATE_LIMITED");
    expect((await outboxOf(sites[2]!.siteId)).filter((m) => m.kind === "code")).toHaveLength(0);
    // Another address books there at once.
    expect((await hold(sites[2]!.siteId, last!, { phone: "600 702 999" })).status).toBe(202);
  });
});

describe("countries SMS may go to", () => {
  it("refuses a foreign mobile number by default, at booking and on the e-ticket, and takes it once its country is allowed", async () => {
    const pl = await freshSite(kiosk);
    const [start] = await slots(pl.siteId, 1);
    await expectError(await hold(pl.siteId, start!, { phone: "+49 1512 3456789" }), 400, "PHONE_COUNTRY_NOT_ALLOWED");
    await expectError(await hold(pl.siteId, start!, { phone: "+44 7400 123456" }), 400, "PHONE_COUNTRY_NOT_ALLOWED");
    const t = await issue(pl.siteId, pl.admin, "rej");
    await expectError(await notifyMe(t, "+49 1512 3456789"), 400, "PHONE_COUNTRY_NOT_ALLOWED");
    expect(await outboxOf(pl.siteId)).toHaveLength(0);

    const wide = await freshSite({ ...kiosk, smsCountries: ["PL", "DE"] });
    const [w] = await slots(wide.siteId, 1);
    expect((await hold(wide.siteId, w!, { phone: "+49 1512 3456789" })).status).toBe(202);
    expect(await codes(wide.siteId, "+4915123456789")).toHaveLength(1);
    await expectError(await hold(wide.siteId, w!, { phone: "+44 7400 123456" }), 400, "PHONE_COUNTRY_NOT_ALLOWED");
  });

  it("refuses a configuration naming a country that has no numbering plan, with the field's path", async () => {
    const { siteId, admin } = await freshSite();
    const res = await api(`/api/v1/sites/${siteId}`, {
      method: "PUT",
      token: admin,
      json: testSiteConfig(siteId, { smsCountries: ["PL", "XX"] }),
    });
    const text = await res.clone().text();
    await expectError(res, 400, "VALIDATION_FAILED");
    expect(text).toContain("smsCountries.1");
  });
});

function notifyMe(ticket: IssuedTicket, phone: string): Promise<Response> {
  return api(`/api/v1/etickets/${eticketTokenOf(ticket)}/notify`, { method: "POST", json: { phone, ahead: 2 } });
}

describe("e-ticket SMS requests per number", () => {
  it(`one number may be named by at most ${NOTICE_NUMBER.perHour} e-ticket requests an hour, whatever the tickets`, async () => {
    const a = await freshSite();
    const b = await freshSite();
    const tickets = [
      await issue(a.siteId, a.admin, "rej"),
      await issue(a.siteId, a.admin, "rej"),
      await issue(b.siteId, b.admin, "rej"),
      await issue(b.siteId, b.admin, "rej"),
    ];
    for (const t of tickets.slice(0, NOTICE_NUMBER.perHour)) expect((await notifyMe(t, "600 703 001")).status).toBe(202);
    await expectError(await notifyMe(tickets[3]!, "600 703 001"), 429, "CONTACT_RATE_LIMITED");
    // The ticket itself may still ask for another number.
    expect((await notifyMe(tickets[3]!, "600 703 002")).status).toBe(202);
  });
});

/** The id of the pending hold on a slot (a citizen has it from the booking form's answer). */
async function heldBookingId(siteId: string, start: string): Promise<string> {
  const rows = await siteSql(siteId, "SELECT id FROM bookings WHERE start_at = ? AND status = 'pending'", Date.parse(start));
  expect(rows).toHaveLength(1);
  return String(rows[0]?.id);
}

/** Every send counted now, over all the SendLimits objects. */
async function sendsKept(): Promise<number> {
  let n = 0;
  for (let i = 0; i < 16; i++) n += await testEnv.SEND_LIMITS.get(testEnv.SEND_LIMITS.idFromName(`send-limits-${i}`)).size();
  return n;
}

describe("what the counts keep", () => {
  it("keeps a send no longer than a day, and only as a hash: no number, address or IP is stored", async () => {
    const { siteId } = await freshSite(kiosk);
    const [start] = await slots(siteId, 1);
    expect((await hold(siteId, start!, { phone: "600 704 001" }, { "CF-Connecting-IP": "192.0.2.44" })).status).toBe(202);
    const shards = Array.from({ length: 16 }, (_, i) => testEnv.SEND_LIMITS.get(testEnv.SEND_LIMITS.idFromName(`send-limits-${i}`)));
    const rows: string[] = [];
    for (const stub of shards) rows.push(...(await stub.keys()));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const key of rows) expect(key).toMatch(/^[0-9a-f]{64}$/);

    const stub = shards[0]!;
    const before = await stub.size();
    await stub.take("old", CONTACT_CODES, Date.now() - DAY_MS - 1000);
    expect(await stub.size()).toBe(before + 1);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.size()).toBe(before);
  });

  it("an object whose sends all ran out sets its alarm again with the next send", async () => {
    const stub = testEnv.SEND_LIMITS.get(testEnv.SEND_LIMITS.idFromName("send-limits-alarm-again"));
    // Its alarm a minute ahead; the send given back, so the alarm finds nothing left.
    const first = await stub.take("first", CONTACT_CODES, Date.now() - DAY_MS + 60_000);
    if (!first.ok) throw new Error("the first send should fit");
    await stub.giveBack(first.id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.size()).toBe(0);
    expect(await runInDurableObject(stub, (_, state) => state.storage.getAlarm())).toBeNull();
    await stub.take("second", CONTACT_CODES);
    const alarm = await runInDurableObject(stub, (_, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThan(Date.now() + DAY_MS - 60_000);
  });
});
