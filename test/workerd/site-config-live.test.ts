// What the configuration's new fields do in the site object, and how a change reaches the hall:
// the display stream carries names, hints, the closure notice and the screens' languages, and a change
// arrives as the next frame with today's queue intact; a closure refuses walk-ins, bookings and
// check-ins with its notice; a daily cap refuses the ticket past it and says so to the kiosks; special
// days and days off set the day's hours; a desk's new order of preference takes effect at once; a
// matter or desk whose removal strands nobody goes.
import { describe, expect, it } from "vitest";
import { localDate } from "../../objects/queue/time.ts";
import type { PublicSite } from "../../protocol/api.ts";
import type { SiteConfigInput } from "../../protocol/config.ts";
import type { DisplayView, ServerMessage } from "../../protocol/live.ts";
import {
  accountFor,
  act,
  api,
  eticketTokenOf,
  expectError,
  freshSite,
  issue,
  isView,
  LiveSocket,
  queueOf,
  takeTicket,
  testSiteConfig,
} from "./helpers.ts";

const displayOf = (m: ServerMessage): DisplayView | null => (isView(m) && m.role === "display" ? (m.view as DisplayView) : null);

async function put(siteId: string, token: string, config: SiteConfigInput): Promise<void> {
  const res = await api(`/api/v1/sites/${siteId}`, { method: "PUT", token, json: config });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** The test site with its "rej" matter changed. */
function withRej(siteId: string, change: Record<string, unknown>, over: Partial<SiteConfigInput> = {}): SiteConfigInput {
  const base = testSiteConfig(siteId, over);
  const dept = base.departments[0]!;
  return { ...base, departments: [{ ...dept, matters: [{ ...dept.matters[0]!, ...change }, dept.matters[1]!] }] };
}

const today = () => localDate(Date.now(), "Europe/Warsaw");

describe("the configuration, live", () => {
  it("the hall's view carries names, hints, the closure and languages, and follows a change in the next frame with the queue intact", async () => {
    const { siteId, admin } = await freshSite();
    await issue(siteId, admin, "rej");
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const first = displayOf(await display.waitFor((m) => displayOf(m) !== null))!;
    expect(first.site).toEqual({
      closure: null,
      languages: ["pl"],
      openings: expect.any(Array),
      screens: expect.any(Array),
      desks: expect.any(Array),
      departments: [
        {
          id: "wk",
          name: "Wydział Komunikacji",
          nameEn: null,
          nameUk: null,
          matters: [
            { id: "rej", name: "Rejestracja pojazdu", nameEn: null, nameUk: null, prefix: "R", hint: null },
            { id: "pj", name: "Prawo jazdy", nameEn: null, nameUk: null, prefix: "P", hint: null },
          ],
        },
      ],
    });
    const queueBefore = await queueOf(siteId, admin);

    await put(
      siteId,
      admin,
      withRej(
        siteId,
        { name: "Rejestracja", nameEn: "Vehicle registration", nameUk: "Реєстрація", hint: "zabierz dowód rejestracyjny" },
        { screenLanguages: ["pl", "en"] },
      ),
    );
    const changed = displayOf(await display.waitFor((m) => displayOf(m)?.site.departments[0]?.matters[0]?.name === "Rejestracja", 1_000))!;
    expect(changed.site.languages).toEqual(["pl", "en"]);
    expect(changed.site.departments[0]!.matters[0]).toEqual({
      id: "rej",
      name: "Rejestracja",
      nameEn: "Vehicle registration",
      nameUk: "Реєстрація",
      prefix: "R",
      hint: "zabierz dowód rejestracyjny",
    });
    // The e-ticket offers the English name for its English page.
    const r001 = queueBefore.tickets[0]!;
    expect(r001.number).toBe("R001");
    const token = eticketTokenOf(await issue(siteId, admin, "rej"));
    const et = (await (await api(`/api/v1/etickets/${token}`)).json()) as { matterName: string; matterNameEn?: string };
    expect(et).toMatchObject({ matterName: "Rejestracja", matterNameEn: "Vehicle registration", matterNameUk: "Реєстрація" });
    // And the public site list, for the booking site's English page.
    const { sites } = (await (await api("/api/v1/sites")).json()) as { sites: PublicSite[] };
    expect(sites.find((s) => s.id === siteId)?.departments[0]?.matters[0]).toMatchObject({
      name: "Rejestracja",
      nameEn: "Vehicle registration",
      nameUk: "Реєстрація",
    });
    // Nothing of today's queue was lost: the tickets as they were (and the new one), and R001 is still the one to call.
    expect((await queueOf(siteId, admin)).tickets.slice(0, 1)).toEqual(queueBefore.tickets);
    expect(changed.waiting.find((w) => w.matterId === "rej")?.count).toBe(1);

    await put(siteId, admin, testSiteConfig(siteId, { closure: { message: "Awaria zasilania. Zapraszamy jutro." } }));
    await display.waitFor((m) => displayOf(m)?.site.closure === "Awaria zasilania. Zapraszamy jutro.", 1_000);
    expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R001");
    display.close();
  });

  it("a closure refuses walk-ins, new bookings and check-ins with its notice, offers no slot, and lifting it opens again", async () => {
    const booking = { horizonDays: 14, checkIn: "kiosk" as const, minNoticeMinutes: 0 };
    const { siteId, admin } = await freshSite({ booking });
    const kiosk = await accountFor("kiosk", [siteId], { deviceId: "k1" });
    const slots = async () => {
      const to = localDate(Date.now() + 2 * 86_400_000, "Europe/Warsaw");
      const res = await api(`/api/v1/sites/${siteId}/availability?matterId=rej&from=${today()}&to=${to}`);
      const body = (await res.json()) as { days: { slots: { start: string; free: number }[] }[] };
      return body.days.flatMap((d) => d.slots).filter((s) => s.free > 0);
    };
    const free = await slots();
    const book = (start: string, phone: string) =>
      api("/api/v1/bookings", { method: "POST", json: { siteId, matterId: "rej", start, name: "Jan Kowalski", phone, consent: true } });
    // A booking made before the closure, confirmed.
    const { bookingId } = (await (await book(free.at(-1)!.start, "600 700 901")).json()) as { bookingId: string };
    const { messages } = (await (await api("/api/v1/dev/outbox")).json()) as { messages: { to: string; kind: string; body: string }[] };
    const code = messages.find((m) => m.to === "+48600700901" && m.kind === "code")?.body.match(/\b(\d{6})\b/)?.[1];
    const confirmed = await api(`/api/v1/bookings/${bookingId}/confirm`, { method: "POST", json: { code } });
    const { checkInCode } = (await confirmed.json()) as { checkInCode: string };

    const notice = "Urząd nieczynny do odwołania z powodu awarii.";
    await put(siteId, admin, testSiteConfig(siteId, { booking, closure: { message: notice } }));
    const walkIn = await takeTicket(siteId, kiosk, "rej");
    await expectError(walkIn.clone(), 409, "SITE_CLOSED_TEMPORARILY");
    expect(((await walkIn.json()) as { error: { message: string } }).error.message).toBe(notice);
    await expectError(await book(free[0]!.start, "600 700 902"), 409, "SITE_CLOSED_TEMPORARILY");
    await expectError(
      await api(`/api/v1/sites/${siteId}/check-in`, { method: "POST", token: kiosk, json: { code: checkInCode } }),
      409,
      "SITE_CLOSED_TEMPORARILY",
    );
    expect(await slots()).toEqual([]);

    await put(siteId, admin, testSiteConfig(siteId, { booking }));
    expect((await takeTicket(siteId, kiosk, "rej")).status).toBe(201);
    expect((await slots()).length).toBeGreaterThan(0);
  });

  it("a daily cap refuses the walk-in past it and tells the kiosks; raising it gives tickets again", async () => {
    const { siteId, admin } = await freshSite();
    await put(siteId, admin, withRej(siteId, { dailyCap: 2 }));
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await issue(siteId, admin, "rej");
    // Served or not, a taken ticket counts.
    await act(siteId, "d1", "call-next", admin);
    await act(siteId, "d1", "finish", admin);
    await issue(siteId, admin, "rej");
    await expectError(await takeTicket(siteId, admin, "rej"), 409, "MATTER_CAP_REACHED");
    expect((await takeTicket(siteId, admin, "pj")).status).toBe(201);
    const full = await display.waitFor((m) => displayOf(m)?.waiting.find((w) => w.matterId === "rej")?.capReached === true);
    expect(displayOf(full)!.waiting.find((w) => w.matterId === "pj")?.capReached).toBeUndefined();

    await put(siteId, admin, withRej(siteId, { dailyCap: 3 }));
    await display.waitFor((m) => displayOf(m)?.waiting.find((w) => w.matterId === "rej")?.capReached === undefined, 1_000);
    expect(((await (await takeTicket(siteId, admin, "rej")).json()) as { number: string }).number).toBe("R003");
    display.close();
  });

  it("special days and days off set today's hours for walk-ins", async () => {
    const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const { siteId, admin } = await freshSite({ openingHours: closedWeek });
    await expectError(await takeTicket(siteId, admin, "rej"), 409, "SITE_CLOSED");
    // An exceptional opening today, around the clock.
    await put(
      siteId,
      admin,
      testSiteConfig(siteId, { openingHours: closedWeek, specialDays: [{ date: today(), hours: [["00:00", "24:00"]] }] }),
    );
    expect((await takeTicket(siteId, admin, "rej")).status).toBe(201);
    // Open every day, but today is a day off: closed; a special day with no hours closes it too.
    await put(siteId, admin, testSiteConfig(siteId, { booking: { horizonDays: 14, checkIn: "kiosk", daysOff: [today()] } }));
    await expectError(await takeTicket(siteId, admin, "rej"), 409, "SITE_CLOSED");
    await put(siteId, admin, testSiteConfig(siteId, { specialDays: [{ date: today(), hours: [] }] }));
    await expectError(await takeTicket(siteId, admin, "rej"), 409, "SITE_CLOSED");
  });

  it("a desk's new order of preference decides its next call at once", async () => {
    const { siteId, admin } = await freshSite();
    await issue(siteId, admin, "rej");
    await issue(siteId, admin, "pj");
    const base = testSiteConfig(siteId);
    await put(siteId, admin, { ...base, desks: [{ ...base.desks[0]!, matterIds: ["pj", "rej"] }, base.desks[1]!] });
    expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("P001");
  });

  it("removing a matter or a desk that strands nobody is accepted", async () => {
    const { siteId, admin } = await freshSite();
    await issue(siteId, admin, "rej");
    await act(siteId, "d1", "call-next", admin);
    await act(siteId, "d1", "finish", admin);
    const base = testSiteConfig(siteId);
    const dept = base.departments[0]!;
    // "rej" was served and closed; desk 2 is idle: both may go.
    await put(siteId, admin, {
      ...base,
      departments: [{ ...dept, matters: [dept.matters[1]!] }],
      desks: [{ ...base.desks[0]!, matterIds: ["pj"] }],
    });
    const queue = await queueOf(siteId, admin);
    expect(queue.desks.map((d) => d.id)).toEqual(["d1"]);
    expect((await issue(siteId, admin, "pj")).number).toBe("P001");
    await expectError(await takeTicket(siteId, admin, "rej"), 404, "UNKNOWN_MATTER");
  });
});
