// Bad configurations sent as a manager would, through PUT /api/v1/sites/{siteId}: each is refused with
// its stable code (VALIDATION_FAILED for the schema's own errors, a code of its own for the checks across
// fields, CONFIG_STRANDS_TICKETS for a change that would leave people in the hall without a desk), the
// message naming the field, and nothing is stored: the site object's configuration and today's queue,
// and the directory's copy, are exactly what they were.
import { runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteConfigInput } from "../../protocol/config.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import { act, api, expectError, freshSite, issue, queueOf, storedState, testEnv, testSiteConfig } from "./helpers.ts";

/** The directory's stored copy of a site's configuration. */
async function directoryCopy(siteId: string): Promise<string | null> {
  const dir = testEnv.DIRECTORY.get(testEnv.DIRECTORY.idFromName("directory"));
  return runInDurableObject(dir, (_i: unknown, state: DurableObjectState) => {
    const row = state.storage.sql.exec("SELECT config FROM sites WHERE id = ?", siteId).toArray()[0];
    return row ? String(row.config) : null;
  });
}

type Case = { name: string; code: ErrorCode; field: string | RegExp; config: (base: SiteConfigInput) => unknown };

const dept = (b: SiteConfigInput) => b.departments[0]!;
const rej = (b: SiteConfigInput) => dept(b).matters[0]!;
const pj = (b: SiteConfigInput) => dept(b).matters[1]!;
const [d1, d2] = [(b: SiteConfigInput) => b.desks[0]!, (b: SiteConfigInput) => b.desks[1]!];
const withMatters = (b: SiteConfigInput, matters: unknown[]) => ({ ...b, departments: [{ ...dept(b), matters }] });

const CASES: Case[] = [
  // ---- the schema's own: VALIDATION_FAILED at the field
  { name: "no name", code: "VALIDATION_FAILED", field: "name", config: ({ name: _n, ...rest }) => rest },
  { name: "voice as text", code: "VALIDATION_FAILED", field: "voice", config: (b) => ({ ...b, voice: "yes" }) },
  {
    name: "a lower-case prefix",
    code: "VALIDATION_FAILED",
    field: "departments.0.matters.0.prefix",
    config: (b) => withMatters(b, [{ ...rej(b), prefix: "r" }, pj(b)]),
  },
  {
    name: "no service minutes",
    code: "VALIDATION_FAILED",
    field: "departments.0.matters.0.serviceMinutes",
    config: (b) => withMatters(b, [{ ...rej(b), serviceMinutes: 0 }, pj(b)]),
  },
  {
    name: "a screen language the screens do not speak",
    code: "VALIDATION_FAILED",
    field: "screenLanguages.0",
    config: (b) => ({ ...b, screenLanguages: ["de"] }),
  },
  {
    name: "a screen language twice",
    code: "VALIDATION_FAILED",
    field: "screenLanguages",
    config: (b) => ({ ...b, screenLanguages: ["pl", "pl"] }),
  },
  {
    name: "a closure without a message",
    code: "VALIDATION_FAILED",
    field: "closure.message",
    config: (b) => ({ ...b, closure: { message: "   " } }),
  },
  {
    name: "a daily cap of 0",
    code: "VALIDATION_FAILED",
    field: "departments.0.matters.0.dailyCap",
    config: (b) => withMatters(b, [{ ...rej(b), dailyCap: 0 }, pj(b)]),
  },
  {
    name: "a fractional daily cap",
    code: "VALIDATION_FAILED",
    field: "departments.0.matters.0.dailyCap",
    config: (b) => withMatters(b, [{ ...rej(b), dailyCap: 1.5 }, pj(b)]),
  },
  {
    name: "a hint too long for the kiosk",
    code: "VALIDATION_FAILED",
    field: "departments.0.matters.1.hint",
    config: (b) => withMatters(b, [rej(b), { ...pj(b), hint: "x".repeat(141) }]),
  },
  {
    name: "an empty English name",
    code: "VALIDATION_FAILED",
    field: "departments.0.matters.0.nameEn",
    config: (b) => withMatters(b, [{ ...rej(b), nameEn: "" }, pj(b)]),
  },
  {
    name: "a special day written the Polish way",
    code: "VALIDATION_FAILED",
    field: "specialDays.0.date",
    config: (b) => ({ ...b, specialDays: [{ date: "5.12.2026", hours: [] }] }),
  },
  { name: "no departments", code: "VALIDATION_FAILED", field: "departments", config: (b) => ({ ...b, departments: [] }) },
  { name: "another site's id", code: "VALIDATION_FAILED", field: "id", config: (b) => ({ ...b, id: "demo" }) },
  // ---- checks across fields: a code of their own
  { name: "an unknown time zone", code: "TIME_ZONE_UNKNOWN", field: "timeZone", config: (b) => ({ ...b, timeZone: "Europe/Warszawa" }) },
  {
    name: "an SMS country with no numbering plan",
    code: "VALIDATION_FAILED",
    field: "smsCountries.1",
    config: (b) => ({ ...b, smsCountries: ["PL", "XX"] }),
  },
  {
    name: "hours that end before they start",
    code: "HOURS_INVALID",
    field: "openingHours.wed.0",
    config: (b) => ({ ...b, openingHours: { ...b.openingHours, wed: [["16:00", "08:00"]] } }),
  },
  {
    name: "hours that overlap",
    code: "HOURS_INVALID",
    field: "openingHours.thu.1",
    config: (b) => ({
      ...b,
      openingHours: {
        ...b.openingHours,
        thu: [
          ["08:00", "12:00"],
          ["11:30", "16:00"],
        ],
      },
    }),
  },
  {
    name: "a special day's hours that end before they start",
    code: "HOURS_INVALID",
    field: "specialDays.0.hours.0",
    config: (b) => ({ ...b, specialDays: [{ date: "2026-12-05", hours: [["13:00", "09:00"]] }] }),
  },
  {
    name: "a day off that is no date",
    code: "DATE_INVALID",
    field: "booking.daysOff.0",
    config: (b) => ({ ...b, booking: { ...b.booking, daysOff: ["2026-02-30"] } }),
  },
  {
    name: "a special day that is no date",
    code: "DATE_INVALID",
    field: "specialDays.0.date",
    config: (b) => ({ ...b, specialDays: [{ date: "2026-13-01", hours: [] }] }),
  },
  {
    name: "a special day listed twice",
    code: "DUPLICATE_DATE",
    field: "specialDays.1.date",
    config: (b) => ({
      ...b,
      specialDays: [
        { date: "2026-12-05", hours: [["09:00", "13:00"]] },
        { date: "2026-12-05", hours: [] },
      ],
    }),
  },
  {
    name: "a special day that is also a day off",
    code: "DUPLICATE_DATE",
    field: "booking.daysOff.0",
    config: (b) => ({
      ...b,
      specialDays: [{ date: "2026-12-05", hours: [["09:00", "13:00"]] }],
      booking: { ...b.booking, daysOff: ["2026-12-05"] },
    }),
  },
  { name: "a desk id twice", code: "DUPLICATE_ID", field: "desks.1.id", config: (b) => ({ ...b, desks: [d1(b), { ...d2(b), id: "d1" }] }) },
  {
    name: "a matter id in two departments",
    code: "DUPLICATE_ID",
    field: "departments.1.matters.0.id",
    config: (b) => ({ ...b, departments: [dept(b), { id: "wz", name: "Inny", matters: [{ ...rej(b), prefix: "Z" }] }] }),
  },
  {
    name: "a department id twice",
    code: "DUPLICATE_ID",
    field: "departments.1.id",
    config: (b) => ({ ...b, departments: [dept(b), { ...dept(b), matters: [{ ...rej(b), id: "x", prefix: "X" }] }] }),
  },
  {
    name: "a device id twice",
    code: "DUPLICATE_ID",
    field: "devices.1.id",
    config: (b) => ({ ...b, devices: [...b.devices, { id: "k1", name: "Drugi", kind: "kiosk" }] }),
  },
  {
    name: "a desk that lists a matter twice",
    code: "DUPLICATE_ID",
    field: "desks.0.matterIds.1",
    config: (b) => ({ ...b, desks: [{ ...d1(b), matterIds: ["rej", "rej", "pj"] }, d2(b)] }),
  },
  {
    name: "two matters with one prefix",
    code: "DUPLICATE_PREFIX",
    field: "departments.0.matters.1.prefix",
    config: (b) => withMatters(b, [rej(b), { ...pj(b), prefix: "R" }]),
  },
  {
    name: "a prefix that reads as a digit",
    code: "PREFIX_AMBIGUOUS",
    field: "departments.0.matters.1.prefix",
    config: (b) => withMatters(b, [rej(b), { ...pj(b), prefix: "O" }]),
  },
  {
    name: "two desks with one number",
    code: "DUPLICATE_DESK_NUMBER",
    field: "desks.1.number",
    config: (b) => ({ ...b, desks: [d1(b), { ...d2(b), number: 1 }] }),
  },
  {
    name: "a desk with no matters",
    code: "DESK_WITHOUT_MATTERS",
    field: "desks.1.matterIds",
    config: (b) => ({ ...b, desks: [d1(b), { ...d2(b), matterIds: [] }] }),
  },
  {
    name: "a desk serving a matter the site lacks",
    code: "UNKNOWN_REFERENCE",
    field: "desks.1.matterIds.1",
    config: (b) => ({ ...b, desks: [d1(b), { ...d2(b), matterIds: ["pj", "paszport"] }] }),
  },
  {
    name: "a desk screen of a desk the site lacks",
    code: "UNKNOWN_REFERENCE",
    field: "devices.1.deskId",
    config: (b) => ({ ...b, devices: [...b.devices, { id: "e9", name: "Ekran", kind: "desk-screen", deskId: "d9" }] }),
  },
  // ---- changes that would strand people in today's queue: 409, naming how many tickets and what
  {
    name: "removing a matter while its ticket waits",
    code: "CONFIG_STRANDS_TICKETS",
    field: /^matter "rej" \(Rejestracja pojazdu\) is removed while 1 ticket \(R001\) is open today$/,
    config: (b) => ({ ...withMatters(b, [pj(b)]), desks: [{ ...d1(b), matterIds: ["pj"] }, d2(b)] }),
  },
  {
    name: "removing the desk that has called someone",
    code: "CONFIG_STRANDS_TICKETS",
    field: /^desk "d2" \(Stanowisko 2\) is removed while 1 ticket \(P001\) is called to it/,
    config: (b) => ({ ...b, desks: [d1(b)] }),
  },
  {
    name: "leaving a waiting matter with no desk",
    code: "CONFIG_STRANDS_TICKETS",
    field: /^no desk would serve matter "rej" \(Rejestracja pojazdu\) while 1 ticket \(R001\) is waiting$/,
    config: (b) => ({ ...b, desks: [{ ...d1(b), matterIds: ["pj"] }, d2(b)] }),
  },
];

describe("PUT /api/v1/sites/{siteId}: bad configurations are refused with their code, and nothing is stored", () => {
  let siteId: string;
  let admin: string;
  let base: SiteConfigInput;

  beforeAll(async () => {
    ({ siteId, admin } = await freshSite());
    base = testSiteConfig(siteId);
    // Today's queue: R001 waits, P001 is called to desk 2.
    await issue(siteId, admin, "rej");
    await issue(siteId, admin, "pj");
    expect((await act(siteId, "d2", "call-next", admin)).ticket?.number).toBe("P001");
  });

  it(`tries ${CASES.length} bad configurations`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    const before = await storedState(siteId);
    const listed = await directoryCopy(siteId);
    const queue = await queueOf(siteId, admin);
    for (const c of CASES) {
      const res = await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin, json: c.config(base) });
      const status = c.code === "CONFIG_STRANDS_TICKETS" ? 409 : 400;
      await expectError(res.clone(), status, c.code);
      const { error } = (await res.json()) as { error: { message: string } };
      if (typeof c.field === "string") expect(error.message.startsWith(`${c.field}: `), `${c.name}: ${error.message}`).toBe(true);
      else expect(error.message, c.name).toMatch(c.field);
      // Nothing stored: the object's configuration, tickets, desks and seq; the directory's copy.
      const after = await storedState(siteId);
      expect(after.meta, c.name).toEqual(before.meta);
      expect(after.tickets, c.name).toEqual(before.tickets);
      expect(after.desks, c.name).toEqual(before.desks);
      expect(await directoryCopy(siteId), c.name).toBe(listed);
    }
    // The queue goes on as it was: the same tickets, and desk 1 calls R001.
    expect((await queueOf(siteId, admin)).tickets).toEqual(queue.tickets);
    expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R001");
  });

  it("a new site with a bad configuration is not created", async () => {
    const fresh = `t-bad-${Date.now().toString(36)}`;
    const config = testSiteConfig(fresh, { desks: [{ id: "d1", name: "S", number: 1, matterIds: [] }] });
    await expectError(await api(`/api/v1/sites/${fresh}`, { method: "PUT", token: admin, json: config }), 400, "DESK_WITHOUT_MATTERS");
    expect(await directoryCopy(fresh)).toBeNull();
  });
});
