// The public status of a site, built from its memory: open or closed per matter (hours, a closure, the daily
// cap, an open desk), people waiting, the numbers called and given out last, minutes of service per person,
// the wait range only while a matter is open; and nothing of any person.
import { describe, expect, it } from "vitest";
import { SiteConfig } from "../../protocol/config.ts";
import { PublicSiteStatus } from "../../protocol/public-status.ts";
import { DAY, desk, MIN, stateOf, T0, ticket } from "../queue/test-fixtures.ts";
import { publicStatus, serviceMinutesOf } from "./public-status.ts";
import { indexSite } from "./site-index.ts";

const weekday = [["08:00", "16:00"]];
function config(over: Record<string, unknown> = {}) {
  return SiteConfig.parse({
    id: "bemowo",
    city: "Warszawa",
    name: "Urząd Dzielnicy Bemowo",
    address: "ul. Powstańców Śląskich 70",
    voice: false,
    openingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    departments: [
      {
        id: "so",
        name: "Sprawy obywatelskie",
        matters: [
          { id: "dowod", name: "Dowód osobisty", nameEn: "Identity card", prefix: "D", serviceMinutes: 12 },
          { id: "meld", name: "Meldunek", prefix: "M", serviceMinutes: 8, dailyCap: 2 },
          { id: "paszport", name: "Paszport", prefix: "P", serviceMinutes: 15 },
        ],
      },
    ],
    desks: [
      { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["dowod", "meld"] },
      { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["dowod"] },
      { id: "d3", name: "Stanowisko 3", number: 3, matterIds: ["paszport"] },
    ],
    devices: [],
    closedOnPublicHolidays: false,
    booking: { horizonDays: 14, checkIn: "kiosk" },
    ...over,
  });
}

// Monday 09:00 in Warsaw: D001 served, D002 called to d1, D003 and D004 waiting; two "Meldunek" tickets (its
// cap) with M001 waiting; "Paszport" has nobody and its only desk on a break.
const tickets = [
  ticket("D001", "dowod", T0 - 40 * MIN, {
    status: "served",
    deskId: "d2",
    calledAt: T0 - 30 * MIN,
    startedAt: T0 - 29 * MIN,
    finishedAt: T0 - 20 * MIN,
  }),
  ticket("D002", "dowod", T0 - 30 * MIN, { status: "called", deskId: "d1", calledAt: T0 - 2 * MIN }),
  ticket("D003", "dowod", T0 - 20 * MIN),
  ticket("D004", "dowod", T0 - 10 * MIN),
  ticket("M001", "meld", T0 - 15 * MIN),
  ticket("M002", "meld", T0 - 5 * MIN, {
    status: "served",
    deskId: "d1",
    calledAt: T0 - 4 * MIN,
    startedAt: T0 - 4 * MIN,
    finishedAt: T0 - 3 * MIN,
  }),
];
const desks = [desk("d1", { ticketId: "D002" }), desk("d2"), desk("d3", { status: "paused" })];

/** A site where no manager lifted a cut-off today. */

function statusAt(now: number, over: Record<string, unknown> = {}) {
  const index = indexSite(config(over));
  return publicStatus({
    now,
    day: DAY,
    index,
    queue: stateOf(tickets, desks),
    durations: new Map([["dowod", [9 * MIN]]]),
    bookingsDue: new Map(),
    cutOffOverrides: null,
  });
}

describe("a site's public status", () => {
  it("tells each matter's state, counts and numbers, in the configuration's order", () => {
    const s = statusAt(T0);
    expect(PublicSiteStatus.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({ siteId: "bemowo", date: DAY, time: "09:00", generatedAt: T0, timeZone: "Europe/Warsaw" });
    const [dowod, meld, paszport] = s?.matters ?? [];
    expect(dowod).toMatchObject({
      id: "dowod",
      nameEn: "Identity card",
      open: true,
      openDesks: 2,
      waiting: 2,
      lastCalled: "D002",
      lastIssued: "D004",
      serviceMinutes: 12,
    });
    expect(dowod?.waitRange?.high).toBeGreaterThanOrEqual(dowod?.waitRange?.low ?? 0);
    // Its daily cap reached: closed for walk-ins, though one still waits and its desk is open.
    expect(meld).toMatchObject({
      id: "meld",
      open: false,
      openDesks: 1,
      waiting: 1,
      lastCalled: "M002",
      lastIssued: "M002",
      waitRange: null,
    });
    // Its only desk on a break: closed, nobody called or given a ticket yet today.
    expect(paszport).toMatchObject({
      id: "paszport",
      open: false,
      openDesks: 0,
      waiting: 0,
      lastCalled: null,
      lastIssued: null,
      waitRange: null,
    });
  });

  it("closes every matter outside the hours and while the office is closed for a while", () => {
    for (const m of statusAt(T0 + 8 * 60 * MIN)?.matters ?? []) expect(m.open).toBe(false);
    const closed = statusAt(T0, { closure: { message: "Awaria systemu" } });
    for (const m of closed?.matters ?? []) expect(m).toMatchObject({ open: false, waitRange: null });
  });

  it("closes a matter cut off for today (its last ticket given), as the kiosk does", () => {
    const departments = [
      {
        id: "so",
        name: "Sprawy obywatelskie",
        matters: [
          { id: "dowod", name: "Dowód osobisty", prefix: "D", serviceMinutes: 12, lastTicketAt: "08:30" },
          { id: "meld", name: "Meldunek", prefix: "M", serviceMinutes: 8, dailyCap: 2 },
          { id: "paszport", name: "Paszport", prefix: "P", serviceMinutes: 15 },
        ],
      },
    ];
    const dowod = statusAt(T0, { departments })?.matters.find((m) => m.id === "dowod");
    expect(dowod).toMatchObject({ open: false, waitRange: null });
  });

  it("holds no token, no desk's client and no name of a person", () => {
    const text = JSON.stringify(statusAt(T0));
    expect(text).not.toMatch(/token|Stanowisko|clerk/);
  });

  it("is null before the site is configured", () => {
    expect(
      publicStatus({
        now: T0,
        day: DAY,
        index: null,
        queue: stateOf([], []),
        durations: new Map(),
        bookingsDue: new Map(),
        cutOffOverrides: null,
      }),
    ).toBeNull();
  });
});

describe("minutes of service per person", () => {
  it("is the configured figure until three are served, then today's median in whole minutes", () => {
    expect(serviceMinutesOf(12, [])).toBe(12);
    expect(serviceMinutesOf(12, [5 * MIN, 7 * MIN])).toBe(12);
    expect(serviceMinutesOf(12, [5 * MIN, 7 * MIN, 30 * MIN])).toBe(7);
    expect(serviceMinutesOf(12, [4 * MIN, 5 * MIN, 7 * MIN, 30 * MIN])).toBe(6);
    expect(serviceMinutesOf(12, [1_000, 2_000, 3_000])).toBe(1);
  });
});
