// The closing cut-off through the real Worker and site object: a walk-in ticket whose service could not
// end before closing is refused at the right minute, a matter's last-ticket time refuses from its minute
// on, a manager's override lets tickets through for the rest of the day (audited, kept over a restart)
// and is gone once the day ends. The clock is the real one: each site's time zone is chosen so that it is
// now between 10:00 and 10:59 there, and its hours and last-ticket times are set relative to that.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addDays } from "../../objects/booking/dates.ts";
import type { CutOffOverrideResponse, IssuedTicket } from "../../protocol/api.ts";
import type { AuditEntry } from "../../protocol/audit.ts";
import type { DayHours, SiteConfigInput } from "../../protocol/config.ts";
import type { DisplayView, ServerMessage } from "../../protocol/live.ts";
import { zoneAtTen } from "../site-config.ts";
import {
  accountFor,
  api,
  expectError,
  freshSite,
  isView,
  LiveSocket,
  queueOf,
  siteObject,
  siteSql,
  TEST_ORG,
  takeTicket,
  testSiteConfig,
} from "./helpers.ts";

const displayOf = (m: ServerMessage): DisplayView | null => (isView(m) && m.role === "display" ? (m.view as DisplayView) : null);

/**
 * Waits, when the minute is nearly over, for the next one: a ticket meant to be given "this minute" must be
 * taken before the minute ends (one refused is refused in the next minute too).
 */
async function earlyInMinute(): Promise<void> {
  const s = new Date().getUTCSeconds();
  if (s >= 50) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
}

/** "HH:MM" of the local minute now plus `plus` minutes, in a zone where it is 10:xx (no day boundary near). */
function localPlus(plus: number): string {
  const now = new Date();
  const minutes = 10 * 60 + now.getUTCMinutes() + plus;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The same hours every day (the test never needs to know the local date). */
const everyDay = (hours: DayHours): SiteConfigInput["openingHours"] => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
  sat: hours,
  sun: hours,
});

/** A site at 10:xx closing at `closes` (local "HH:MM"), with "rej" (10 minutes a client) given `rej`'s settings. */
async function siteClosingAt(closes: string, rej: { lastTicketAt?: string } = {}, more: Partial<SiteConfigInput> = {}) {
  const zone = zoneAtTen();
  const base = testSiteConfig("x");
  const department = base.departments[0]!;
  return freshSite({
    ...more,
    timeZone: zone,
    openingHours: everyDay([["00:00", closes]]),
    departments: [{ ...department, matters: department.matters.map((m) => (m.id === "rej" ? { ...m, ...rej } : m)) }],
  });
}

function override(siteId: string, matterId: string, token: string, key?: string): Promise<Response> {
  return api(`/api/v1/sites/${siteId}/matters/${matterId}/cut-off-override`, {
    method: "POST",
    token,
    json: {},
    ...(key ? { headers: { "Idempotency-Key": key } } : {}),
  });
}

// The first test of the file starts the runtime; each may wait for the next minute.
describe("the closing cut-off", { timeout: 60_000 }, () => {
  it("refuses a walk-in whose 10-minute service could not end before closing, and takes it a minute earlier", async () => {
    // Nobody waiting: the earliest call is now. Closing 10 minutes after this minute began leaves less than 10 minutes.
    const late = await siteClosingAt(localPlus(10));
    const display = await LiveSocket.open(`/api/v1/sites/${late.siteId}/live?role=display&access_token=${late.admin}`);
    const res = await takeTicket(late.siteId, late.admin, "rej");
    await expectError(res.clone(), 409, "MATTER_CLOSED_FOR_TODAY");
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /could not be served before the office closes at \d\d:\d\d/,
    );
    // Prawo jazdy takes 6 minutes: it still fits.
    expect((await takeTicket(late.siteId, late.admin, "pj")).status).toBe(201);
    // The kiosks and hall screens know before anyone taps.
    const view = displayOf(await display.waitFor((m) => displayOf(m) !== null))!;
    expect(view.waiting.find((w) => w.matterId === "rej")?.closedForToday).toBe(true);
    expect(view.waiting.find((w) => w.matterId === "pj")?.closedForToday).toBeUndefined();
    display.close();

    // Closing one minute later leaves a whole service: the ticket is given.
    await earlyInMinute();
    const inTime = await siteClosingAt(localPlus(11));
    expect((await takeTicket(inTime.siteId, inTime.admin, "rej")).status).toBe(201);
    // The next one would wait behind it: the earliest it could be called leaves no service before closing.
    await expectError(await takeTicket(inTime.siteId, inTime.admin, "rej"), 409, "MATTER_CLOSED_FOR_TODAY");
  });

  it("forecasts a priority ticket from its own place in the line: near closing it is given while a normal one is refused", async () => {
    const priority = { priority: { enabled: true, mode: "first" as const } };
    // One normal ticket waits for "rej" (10 minutes), closing 11 minutes after this minute began: a second
    // normal ticket would wait behind it, a priority one would be called first, before closing.
    await earlyInMinute();
    const near = await siteClosingAt(localPlus(11), {}, priority);
    const display = await LiveSocket.open(`/api/v1/sites/${near.siteId}/live?role=display&access_token=${near.admin}`);
    expect((await takeTicket(near.siteId, near.admin, "rej")).status).toBe(201);
    await expectError(await takeTicket(near.siteId, near.admin, "rej"), 409, "MATTER_CLOSED_FOR_TODAY");
    // The kiosks know: closed for today, yet open to a priority ticket.
    await display.waitFor((m) => {
      const w = displayOf(m)?.waiting.find((x) => x.matterId === "rej");
      return w?.closedForToday === true && w.priorityOpen === true;
    });
    display.close();
    const res = await api(`/api/v1/sites/${near.siteId}/tickets`, {
      method: "POST",
      token: near.admin,
      json: { matterId: "rej", priority: true },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as IssuedTicket).waitingAhead).toBe(0);

    // The last-ticket time holds for everyone: no priority ticket either, and the kiosks are not told otherwise.
    const last = await siteClosingAt("23:00", { lastTicketAt: localPlus(0) }, priority);
    const prio = await api(`/api/v1/sites/${last.siteId}/tickets`, {
      method: "POST",
      token: last.admin,
      json: { matterId: "rej", priority: true },
    });
    await expectError(prio, 409, "MATTER_CLOSED_FOR_TODAY");
    const lastDisplay = await LiveSocket.open(`/api/v1/sites/${last.siteId}/live?role=display&access_token=${last.admin}`);
    const view = displayOf(await lastDisplay.waitFor((m) => displayOf(m) !== null))!;
    expect(view.waiting.find((w) => w.matterId === "rej")).toMatchObject({ closedForToday: true });
    expect(view.waiting.find((w) => w.matterId === "rej")?.priorityOpen).toBeUndefined();
    lastDisplay.close();
  });

  it("refuses from the matter's last-ticket time on, not a minute before; other matters go on", async () => {
    await earlyInMinute();
    const before = await siteClosingAt("23:00", { lastTicketAt: localPlus(1) });
    expect((await takeTicket(before.siteId, before.admin, "rej")).status).toBe(201);

    const last = localPlus(0);
    const from = await siteClosingAt("23:00", { lastTicketAt: last });
    const res = await takeTicket(from.siteId, from.admin, "rej");
    await expectError(res.clone(), 409, "MATTER_CLOSED_FOR_TODAY");
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(`given before ${last}`);
    expect((await takeTicket(from.siteId, from.admin, "pj")).status).toBe(201);
    const queue = await queueOf(from.siteId, from.admin);
    expect(queue.cutOffs).toEqual([
      { matterId: "rej", reason: "last-ticket", overridden: false, lastTicketAt: last },
      { matterId: "pj", reason: null, overridden: false, lastTicketAt: null },
    ]);
  });

  it("tells the kiosks and hall screens at the minute the last-ticket time comes, though nothing else happens", {
    timeout: 100_000,
  }, async () => {
    await earlyInMinute();
    const last = localPlus(1);
    const { siteId, admin } = await siteClosingAt("23:00", { lastTicketAt: last });
    // The alarm is set for that very minute.
    const nextMinute = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
    const timers = (await siteSql(siteId, "SELECT due_at FROM timers WHERE kind = 'cut-off'")) as { due_at: number }[];
    expect(timers.map((t) => t.due_at)).toEqual([nextMinute]);

    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const first = displayOf(await display.waitFor((m) => displayOf(m) !== null))!;
    expect(first.waiting.find((w) => w.matterId === "rej")?.closedForToday).toBeUndefined();
    // No ticket is taken, no desk moves: the frame comes with the minute.
    const closed = await display.waitFor(
      (m) => displayOf(m)?.waiting.find((w) => w.matterId === "rej")?.closedForToday === true,
      nextMinute - Date.now() + 15_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(nextMinute);
    expect(displayOf(closed)?.waiting.find((w) => w.matterId === "pj")?.closedForToday).toBeUndefined();
    display.close();
    await expectError(await takeTicket(siteId, admin, "rej"), 409, "MATTER_CLOSED_FOR_TODAY");
  });

  it("refuses a last-ticket time that is not a time of the day", async () => {
    const { siteId, admin } = await freshSite();
    const base = testSiteConfig(siteId);
    const department = base.departments[0]!;
    const bad = { ...base, departments: [{ ...department, matters: department.matters.map((m) => ({ ...m, lastTicketAt: "24:00" })) }] };
    const res = await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin, json: bad });
    await expectError(res, 400, "VALIDATION_FAILED");
  });

  it("a manager's override lets tickets through for the rest of the day, audited, kept over a restart; gone the next day", async () => {
    const last = localPlus(0);
    const { siteId, admin } = await siteClosingAt("23:00", { lastTicketAt: last });
    const manager = await accountFor("manager", [siteId]);
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    await expectError(await takeTicket(siteId, admin, "rej"), 409, "MATTER_CLOSED_FOR_TODAY");
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await display.waitFor((m) => displayOf(m)?.waiting.find((w) => w.matterId === "rej")?.closedForToday === true);

    // Only a manager lifts it.
    await expectError(await override(siteId, "rej", clerk), 403, "FORBIDDEN");
    await expectError(await override(siteId, "nope", manager), 404, "UNKNOWN_MATTER");
    const res = await override(siteId, "rej", manager, "override-rej-1");
    expect(res.status).toBe(200);
    const lifted = (await res.json()) as CutOffOverrideResponse;
    expect(lifted.matterId).toBe("rej");
    // Until the end of the local day: midnight of the next date, in the site's zone.
    expect(lifted.until).toMatch(/T00:00:00[+-]\d\d:\d\d$/);
    // A retry with the same key answers the same.
    expect(await (await override(siteId, "rej", manager, "override-rej-1")).json()).toEqual(lifted);

    // The kiosks see the matter open again; tickets are given.
    await display.waitFor((m) => {
      const w = displayOf(m)?.waiting.find((x) => x.matterId === "rej");
      return w !== undefined && w.closedForToday === undefined;
    });
    display.close();
    expect((await takeTicket(siteId, admin, "rej")).status).toBe(201);
    expect((await queueOf(siteId, manager)).cutOffs?.find((c) => c.matterId === "rej")).toEqual({
      matterId: "rej",
      reason: "last-ticket",
      overridden: true,
      lastTicketAt: last,
    });

    // The audit log names who lifted which matter.
    const log = (await (
      await api(`/api/v1/audit?org=${TEST_ORG}&action=cut-off.overridden&target=${siteId}/rej`, { token: admin })
    ).json()) as {
      entries: AuditEntry[];
    };
    // Once: the retry answered from the first answer lifted nothing new.
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ action: "cut-off.overridden", target: `${siteId}/rej` });
    expect(log.entries[0]!.actor).toMatch(/^t-manager-/);

    // A restart keeps it.
    await evictDurableObject(siteObject(siteId));
    expect(((await (await takeTicket(siteId, admin, "rej")).json()) as IssuedTicket).number).toBe("R002");

    // The day ends (the site's day moved back, the way time would have): the override is gone with it.
    const [{ value: day }] = (await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'")) as [{ value: string }];
    const yesterday = addDays(day, -1);
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
    await siteSql(siteId, "UPDATE meta SET value = json_set(value, '$.day', ?) WHERE key = 'cut-off-overrides'", yesterday);
    await evictDurableObject(siteObject(siteId));
    await expectError(await takeTicket(siteId, admin, "rej"), 409, "MATTER_CLOSED_FOR_TODAY");
    expect((await queueOf(siteId, manager)).cutOffs?.find((c) => c.matterId === "rej")?.overridden).toBe(false);
  });
});
