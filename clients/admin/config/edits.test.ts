import { describe, expect, it } from "vitest";
import { SiteConfig, siteConfigProblems } from "../../../protocol/config.ts";
import { testSiteConfig } from "../../../test/site-config.ts";
import {
  addDayOff,
  addDepartment,
  addDesk,
  addDeskMatter,
  addInterval,
  addMatter,
  freshId,
  moveDeskMatter,
  removeDayOff,
  removeDepartment,
  removeDesk,
  removeDeskMatter,
  removeInterval,
  removeMatter,
} from "./edits.ts";
import { newSiteConfig } from "./new-site.ts";

const site = () => SiteConfig.parse(testSiteConfig("s1"));

describe("editing a site's lists", () => {
  it("gives new departments, matters and desks ids and prefixes nothing else has", () => {
    expect(freshId("m", ["m1", "m3"])).toBe("m2");
    let s = addDepartment(site());
    expect(s.departments[1]).toEqual({ id: "w1", name: "", matters: [] });
    s = addMatter(s, 1);
    s = addMatter(s, 1);
    expect(s.departments[1]!.matters.map((m) => [m.id, m.prefix])).toEqual([
      ["m1", "A"],
      ["m2", "B"],
    ]);
    s = addDesk(s, (n) => `Stanowisko ${n}`);
    expect(s.desks[2]).toEqual({ id: "d3", name: "Stanowisko 3", number: 3, matterIds: [] });
    // Desk 1 renumbered to 5: the next desk is number 1, and d1 is taken, so its id is the first free one.
    s = addDesk({ ...s, desks: s.desks.map((d) => (d.id === "d1" ? { ...d, number: 5 } : d)) }, (n) => `Stanowisko ${n}`);
    expect(s.desks[3]).toMatchObject({ id: "d4", number: 1 });
  });

  it("takes a removed matter, or a removed department's matters, off every desk", () => {
    expect(removeMatter(site(), 0, 0).desks.map((d) => d.matterIds)).toEqual([["pj"], ["pj"]]);
    expect(removeDepartment(site(), 0).desks.map((d) => d.matterIds)).toEqual([[], []]);
    expect(removeDesk(site(), 0).desks.map((d) => d.id)).toEqual(["d2"]);
  });

  it("orders a desk's matters: added at the end once, moved up and down within the list, removed", () => {
    let s = addDeskMatter(site(), 1, "rej");
    expect(s.desks[1]!.matterIds).toEqual(["pj", "rej"]);
    expect(addDeskMatter(s, 1, "rej").desks[1]!.matterIds).toEqual(["pj", "rej"]);
    s = moveDeskMatter(s, 1, 1, -1);
    expect(s.desks[1]!.matterIds).toEqual(["rej", "pj"]);
    expect(moveDeskMatter(s, 1, 0, -1).desks[1]!.matterIds).toEqual(["rej", "pj"]);
    expect(moveDeskMatter(s, 1, 0, 1).desks[1]!.matterIds).toEqual(["pj", "rej"]);
    expect(removeDeskMatter(s, 1, 0).desks[1]!.matterIds).toEqual(["pj"]);
  });

  it("adds an interval after the day's last (a break is two intervals), removes one, keeps days off sorted", () => {
    let s = { ...site(), openingHours: { ...site().openingHours, mon: [["08:00", "12:00"]] as [string, string][] } };
    s = addInterval(s, "mon");
    expect(s.openingHours.mon).toEqual([
      ["08:00", "12:00"],
      ["12:00", "13:00"],
    ]);
    expect(removeInterval(s, "mon", 0).openingHours.mon).toEqual([["12:00", "13:00"]]);
    expect(addInterval({ ...s, openingHours: { ...s.openingHours, sun: [] } }, "sun").openingHours.sun).toEqual([["08:00", "09:00"]]);
    s = addDayOff(addDayOff(addDayOff(s, "2026-12-31"), "2026-12-24"), "2026-12-31");
    expect(s.booking.daysOff).toEqual(["2026-12-24", "2026-12-31"]);
    expect(removeDayOff(s, 0).booking.daysOff).toEqual(["2026-12-31"]);
  });
});

describe("a new site", () => {
  it("is written out with the schema's own defaults, so that the page shows what the server would store", () => {
    const draft = newSiteConfig();
    const { booking, privacy, smsCountries, closedOnPublicHolidays, noShowRecallSeconds, timeZone } = SiteConfig.parse({
      ...draft,
      booking: { horizonDays: draft.booking.horizonDays, checkIn: draft.booking.checkIn },
      privacy: undefined,
      smsCountries: undefined,
      closedOnPublicHolidays: undefined,
      noShowRecallSeconds: undefined,
      timeZone: undefined,
      id: "nowa",
      city: "Toruń",
      name: "Urząd",
      address: "ul. Wały gen. Sikorskiego 8",
      departments: [{ id: "w1", name: "Wydział", matters: [{ id: "m1", name: "Sprawa", prefix: "A", serviceMinutes: 10 }] }],
      desks: [{ id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["m1"] }],
    });
    expect({ booking, privacy, smsCountries, closedOnPublicHolidays, noShowRecallSeconds, timeZone }).toEqual({
      booking: draft.booking,
      privacy: draft.privacy,
      smsCountries: draft.smsCountries,
      closedOnPublicHolidays: draft.closedOnPublicHolidays,
      noShowRecallSeconds: draft.noShowRecallSeconds,
      timeZone: draft.timeZone,
    });
  });

  it("with a department, a matter and a desk added by the editor, passes the checks across fields and lacks only what the manager types", () => {
    let s = addMatter(addDepartment({ ...newSiteConfig(), id: "nowa" }), 0);
    s = addDeskMatter(
      addDesk(s, (n) => `Stanowisko ${n}`),
      0,
      "m1",
    );
    expect(siteConfigProblems(s)).toEqual([]);
    const parsed = SiteConfig.safeParse(s);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "address",
      "city",
      "departments.0.matters.0.name",
      "departments.0.name",
      "name",
    ]);
  });
});
