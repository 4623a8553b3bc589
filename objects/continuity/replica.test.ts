import { describe, expect, it } from "vitest";
import { SiteConfig } from "../../protocol/config.ts";
import { ContinuityReplica } from "../../protocol/continuity.ts";
import { newLocalSecret } from "../../protocol/continuity-token.ts";
import { DAY, desk, MIN, T0, ticket } from "../queue/test-fixtures.ts";
import { buildReplica } from "./replica.ts";

const allDay = [["00:00", "24:00"]];
const config = SiteConfig.parse({
  id: "demo",
  city: "Toruń",
  name: "USC Toruń",
  address: "ul. Łazienna 8",
  voice: false,
  openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  departments: [
    {
      id: "usc",
      name: "USC",
      matters: [
        { id: "m1", name: "Odpis aktu", prefix: "A", serviceMinutes: 5 },
        { id: "m2", name: "Ślub", prefix: "B", serviceMinutes: 30 },
      ],
    },
  ],
  desks: [
    { id: "d1", name: "Stanowisko 1", number: 1, matterIds: ["m1"] },
    { id: "d2", name: "Stanowisko 2", number: 2, matterIds: ["m1", "m2"] },
  ],
  devices: [],
  booking: { horizonDays: 14, checkIn: "auto" },
});

describe("the agent's replica", () => {
  it("holds today's active tickets without their secret, the desks, calls, durations, walk-ins per prefix, blocks and seq", () => {
    const served = ticket("A001", "m1", T0, {
      status: "served",
      deskId: "d1",
      calledAt: T0 + MIN,
      startedAt: T0 + MIN,
      finishedAt: T0 + 5 * MIN,
    });
    const waiting = ticket("A002", "m1", T0 + MIN, { priority: true });
    const booked = ticket("B001", "m2", T0 + MIN, { source: "booking", reservedAt: T0 + 30 * MIN });
    const secret = newLocalSecret();
    const replica = buildReplica({
      config,
      day: DAY,
      publicUrl: "https://numerek.example",
      tickets: [served, waiting, booked],
      desks: [desk("d1"), desk("d2", { status: "paused", pause: { reason: "break", since: T0 } })],
      recentCalls: [{ ticketId: served.id, number: "A001", deskId: "d1", at: T0 + MIN, attempt: 1, reason: "call" }],
      durations: new Map([["m1", [4 * MIN]]]),
      blocks: [{ day: DAY, matterId: "m1", first: 500, last: 999 }],
      localSecret: secret,
      replayedThrough: 7,
    });
    expect(ContinuityReplica.parse(replica)).toEqual(replica);
    expect(replica.tickets.map((t) => t.number)).toEqual(["A002", "B001"]);
    expect(replica.tickets[0]).not.toHaveProperty("token");
    expect(replica.tickets[0]).toMatchObject({ priority: true });
    expect(replica.walkInsTaken).toEqual({ A: 2 });
    expect(replica.durations).toEqual({ m1: [4 * MIN] });
    expect(replica.desks[1]).toEqual({ id: "d2", status: "paused", ticketId: null, pause: { reason: "break", since: T0 } });
    expect(replica).toMatchObject({ siteId: "demo", day: DAY, localSecret: secret, replayedThrough: 7 });
  });
});
