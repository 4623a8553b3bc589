// The site configuration's checks: every invalid value is refused at its field's path, before it can
// reach a site (a time zone the runtime does not know would fail every clock reading there).
import { describe, expect, it } from "vitest";
import { DEMO_SITES } from "../objects/directory/demo-data.ts";
import { testSiteConfig } from "../test/site-config.ts";
import {
  CheckedSiteConfig,
  configFailure,
  configRefusal,
  isTimeZone,
  SiteConfig,
  type SiteConfigInput,
  siteConfigProblems,
} from "./config.ts";

const site = (overrides: Partial<SiteConfigInput> = {}): SiteConfigInput => testSiteConfig("testowo", overrides);

/** The API's message for a configuration: null when it is accepted. */
function refusal(config: unknown): string | null {
  const parsed = CheckedSiteConfig.safeParse(config);
  return parsed.success ? null : configRefusal(parsed.error);
}

describe("site configuration checks", () => {
  it("accepts a valid configuration and every demo site", () => {
    expect(refusal(site())).toBeNull();
    for (const demo of DEMO_SITES) expect(refusal(demo), demo.id).toBeNull();
  });

  it("refuses a ticket prefix with I or O (read as 1 and 0 beside the number), at the matter's prefix; no demo site has one", () => {
    const dept = site().departments[0]!;
    const [rej, pj] = [dept.matters[0]!, dept.matters[1]!];
    for (const prefix of ["I", "O", "AI", "OK", "IO"]) {
      const config = site({ departments: [{ ...dept, matters: [rej, { ...pj, prefix }] }] });
      expect(failure(config), prefix).toEqual({
        code: "PREFIX_AMBIGUOUS",
        message: expect.stringMatching(/^departments\.0\.matters\.1\.prefix: ticket prefix "[A-Z]+" has I or O/),
      });
    }
    for (const prefix of ["A", "N", "B", "PJ"]) {
      expect(failure(site({ departments: [{ ...dept, matters: [rej, { ...pj, prefix }] }] })), prefix).toBeNull();
    }
    for (const demo of DEMO_SITES) {
      for (const d of demo.departments) for (const m of d.matters) expect(m.prefix, `${demo.id}: ${m.id}`).not.toMatch(/[IO]/);
    }
  });

  it("refuses a time zone that is not an IANA zone, at timeZone", () => {
    for (const tz of ["Mars/Olympus_Mons", "Europe/Warszawa", "+01:00", "CET+1", "", "Europe/../Warsaw"]) {
      expect(refusal(site({ timeZone: tz })), tz).toMatch(/^timeZone: /);
    }
    for (const tz of ["Europe/Warsaw", "UTC", "Etc/GMT-2", "America/Argentina/Buenos_Aires"]) {
      expect(isTimeZone(tz), tz).toBe(true);
      expect(refusal(site({ timeZone: tz })), tz).toBeNull();
    }
  });

  it("refuses opening hours that are no time of day, end before they start, or overlap", () => {
    const hours = (mon: [string, string][]) => site({ openingHours: { ...site().openingHours, mon } });
    expect(refusal(hours([["25:00", "26:00"]]))).toMatch(/^openingHours\.mon\.0\.0: /);
    expect(refusal(hours([["08:00", "24:30"]]))).toMatch(/^openingHours\.mon\.0\.1: /);
    expect(refusal(hours([["16:00", "08:00"]]))).toBe("openingHours.mon.0: opens at 16:00 but closes at 08:00: the end must be later");
    expect(refusal(hours([["08:00", "08:00"]]))).toMatch(/^openingHours\.mon\.0: /);
    expect(
      refusal(
        hours([
          ["08:00", "12:00"],
          ["11:00", "16:00"],
        ]),
      ),
    ).toMatch(/^openingHours\.mon\.1: starts at 11:00/);
    expect(
      refusal(
        hours([
          ["12:00", "16:00"],
          ["08:00", "10:00"],
        ]),
      ),
    ).toMatch(/^openingHours\.mon\.1: /);
    expect(
      refusal(
        hours([
          ["08:00", "12:00"],
          ["12:00", "16:00"],
        ]),
      ),
    ).toBeNull();
  });

  it("refuses duplicate ids, prefixes and desk numbers at the repeated value", () => {
    const base = site();
    const [d1, d2] = [base.desks[0]!, base.desks[1]!];
    expect(refusal(site({ desks: [d1, { ...d2, id: "d1" }] }))).toBe('desks.1.id: desk id "d1" is used twice');
    expect(refusal(site({ desks: [d1, { ...d2, number: 1 }] }))).toBe('desks.1.number: desk number "1" is used twice');
    expect(refusal(site({ desks: [{ ...d1, matterIds: ["rej", "rej"] }, d2] }))).toBe('desks.0.matterIds.1: matter "rej" is used twice');
    const dept = base.departments[0]!;
    const [rej, pj] = [dept.matters[0]!, dept.matters[1]!];
    expect(refusal(site({ departments: [{ ...dept, matters: [rej, { ...pj, id: "rej" }] }] }))).toBe(
      'departments.0.matters.1.id: matter id "rej" is used twice',
    );
    expect(refusal(site({ departments: [dept, { ...dept, id: "wk2", matters: [{ ...rej, id: "rej2" }] }] }))).toBe(
      'departments.1.matters.0.prefix: ticket prefix "R" is used twice',
    );
    expect(refusal(site({ departments: [dept, { ...dept, matters: [{ ...rej, id: "rej2", prefix: "X" }] }] }))).toBe(
      'departments.1.id: department id "wk" is used twice',
    );
    const kiosk = base.devices[0]!;
    expect(refusal(site({ devices: [kiosk, { ...kiosk, name: "Drugi" }] }))).toBe('devices.1.id: device id "k1" is used twice');
  });

  it("refuses references to matters and desks the site does not have", () => {
    const [d1, d2] = [site().desks[0]!, site().desks[1]!];
    expect(refusal(site({ desks: [d1, { ...d2, matterIds: ["pj", "paszport"] }] }))).toBe(
      'desks.1.matterIds.1: no matter "paszport" at this site',
    );
    expect(refusal(site({ devices: [{ id: "e9", name: "Ekran", kind: "desk-screen", deskId: "d9" }] }))).toBe(
      'devices.0.deskId: no desk "d9" at this site',
    );
  });

  it("refuses negative or out-of-range minutes and days that are not in the calendar", () => {
    const booking = site().booking;
    expect(refusal(site({ booking: { ...booking, minNoticeMinutes: -5 } }))).toMatch(/^booking\.minNoticeMinutes: /);
    expect(refusal(site({ booking: { ...booking, checkInLateMinutes: -1 } }))).toMatch(/^booking\.checkInLateMinutes: /);
    expect(refusal(site({ noShowRecallSeconds: 0 }))).toMatch(/^noShowRecallSeconds: /);
    expect(refusal(site({ booking: { ...booking, daysOff: ["2026-12-24", "2026-02-30"] } }))).toBe(
      "booking.daysOff.1: 2026-02-30 is not a date of the calendar",
    );
  });

  it("lists every problem of a configuration, each at its path with its code", () => {
    const config = SiteConfig.parse(site({ timeZone: "Nowhere/Else", desks: [{ id: "d1", name: "S", number: 1, matterIds: ["x"] }] }));
    expect(siteConfigProblems(config).map((p) => p.path.join("."))).toEqual(["timeZone", "desks.0.matterIds.0"]);
    expect(siteConfigProblems(config).map((p) => p.code)).toEqual(["TIME_ZONE_UNKNOWN", "UNKNOWN_REFERENCE"]);
  });
});

/** The API's code and message for a configuration: null when it is accepted. */
function failure(config: unknown): { code: string; message: string } | null {
  const parsed = CheckedSiteConfig.safeParse(config);
  return parsed.success ? null : configFailure(parsed.error);
}

describe("configuration refusals carry a stable code", () => {
  const base = site();
  const [d1, d2] = [base.desks[0]!, base.desks[1]!];
  const dept = base.departments[0]!;
  const [rej, pj] = [dept.matters[0]!, dept.matters[1]!];

  it("names each kind of problem by its own code, the field path kept in the message", () => {
    const cases: [SiteConfigInput, string, string][] = [
      [site({ timeZone: "Mars/Base" }), "TIME_ZONE_UNKNOWN", "timeZone"],
      [site({ smsCountries: ["XX"] }), "VALIDATION_FAILED", "smsCountries.0"],
      [site({ openingHours: { ...base.openingHours, tue: [["16:00", "08:00"]] } }), "HOURS_INVALID", "openingHours.tue.0"],
      [site({ departments: [{ ...dept, matters: [rej, { ...pj, prefix: "R" }] }] }), "DUPLICATE_PREFIX", "departments.0.matters.1.prefix"],
      [site({ departments: [{ ...dept, matters: [rej, { ...pj, prefix: "O" }] }] }), "PREFIX_AMBIGUOUS", "departments.0.matters.1.prefix"],
      [site({ desks: [d1, { ...d2, matterIds: [] }] }), "DESK_WITHOUT_MATTERS", "desks.1.matterIds"],
      [site({ desks: [d1, { ...d2, id: "d1" }] }), "DUPLICATE_ID", "desks.1.id"],
      [site({ desks: [d1, { ...d2, number: 1 }] }), "DUPLICATE_DESK_NUMBER", "desks.1.number"],
      [site({ desks: [d1, { ...d2, matterIds: ["nic"] }] }), "UNKNOWN_REFERENCE", "desks.1.matterIds.0"],
      [site({ specialDays: [{ date: "2026-02-30", hours: [] }] }), "DATE_INVALID", "specialDays.0.date"],
      [
        site({
          specialDays: [
            { date: "2026-12-05", hours: [["09:00", "13:00"]] },
            { date: "2026-12-05", hours: [] },
          ],
        }),
        "DUPLICATE_DATE",
        "specialDays.1.date",
      ],
      [
        site({
          specialDays: [
            {
              date: "2026-12-05",
              hours: [
                ["09:00", "13:00"],
                ["12:00", "14:00"],
              ],
            },
          ],
        }),
        "HOURS_INVALID",
        "specialDays.0.hours.1",
      ],
      [
        site({ specialDays: [{ date: "2026-12-24", hours: [] }], booking: { ...base.booking, daysOff: ["2026-12-24"] } }),
        "DUPLICATE_DATE",
        "booking.daysOff.0",
      ],
    ];
    for (const [config, code, path] of cases) {
      const f = failure(config);
      expect(f?.code, path).toBe(code);
      expect(f?.message.startsWith(`${path}: `), f?.message).toBe(true);
    }
  });

  it("keeps VALIDATION_FAILED for the schema's own errors", () => {
    expect(failure(site({ screenLanguages: ["pl", "pl"] }))?.code).toBe("VALIDATION_FAILED");
    expect(failure(site({ closure: { message: "  " } }))?.code).toBe("VALIDATION_FAILED");
    expect(failure(site({ departments: [{ ...dept, matters: [{ ...rej, dailyCap: 0 }, pj] }] }))?.code).toBe("VALIDATION_FAILED");
    expect(failure({ ...site(), voice: "yes" })?.code).toBe("VALIDATION_FAILED");
  });

  it("accepts the new fields, and gives a stored configuration without them their defaults", () => {
    const full = site({
      screenLanguages: ["pl", "en"],
      closure: { message: "Awaria zasilania – zapraszamy jutro." },
      specialDays: [{ date: "2026-12-05", hours: [["09:00", "13:00"]] }],
      departments: [
        { ...dept, matters: [{ ...rej, nameEn: "Vehicle registration", hint: "zabierz dowód rejestracyjny", dailyCap: 40 }, pj] },
      ],
    });
    expect(failure(full)).toBeNull();
    const old = SiteConfig.parse(base);
    expect(old.screenLanguages).toEqual(["pl"]);
    expect(old.closure).toBeNull();
    expect(old.specialDays).toEqual([]);
    expect(old.departments[0]!.matters[0]!.dailyCap).toBeUndefined();
  });
});

describe("the hall screens' ticker", () => {
  it("accepts one line of up to 200 characters, trimmed, and none at all", () => {
    expect(failure(site({ ticker: "W piątek 5 grudnia urząd czynny do 13:00." }))).toBeNull();
    expect(SiteConfig.parse(site({ ticker: "  Zapraszamy.  " })).ticker).toBe("Zapraszamy.");
    expect(failure(site({ ticker: "x".repeat(200) }))).toBeNull();
    expect(SiteConfig.parse(site()).ticker).toBeUndefined();
  });

  it("refuses a longer line, an empty one and control characters", () => {
    expect(failure(site({ ticker: "x".repeat(201) }))?.message).toMatch(/^ticker: /);
    expect(failure(site({ ticker: "   " }))?.code).toBe("VALIDATION_FAILED");
    for (const bad of ["pierwsza\ndruga", "tab\there", "bell\u0007", "odwrócony \u202Etekst"]) {
      expect(failure(site({ ticker: bad }))?.message, JSON.stringify(bad)).toMatch(/^ticker: /);
    }
  });
});

describe("a group screen bound to departments or desks", () => {
  const screen = (binding: { departmentIds?: string[]; deskIds?: string[] }) =>
    site({ devices: [{ id: "ekran-1", name: "Monitor zbiorczy – parter", kind: "group-screen", ...binding }] });

  it("accepts the site's own departments and desks", () => {
    const s = site();
    expect(failure(screen({ departmentIds: [s.departments[0]!.id], deskIds: [s.desks[0]!.id] }))).toBeNull();
  });

  it("refuses a department or a desk the site does not have, at its path", () => {
    expect(failure(screen({ departmentIds: ["nie-ma"] }))).toMatchObject({
      code: "UNKNOWN_REFERENCE",
      message: expect.stringMatching(/^devices\.0\.departmentIds\.0: /),
    });
    expect(failure(screen({ deskIds: ["nie-ma"] }))).toMatchObject({
      code: "UNKNOWN_REFERENCE",
      message: expect.stringMatching(/^devices\.0\.deskIds\.0: /),
    });
  });
});
