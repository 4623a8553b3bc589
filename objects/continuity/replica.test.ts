import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SiteConfig } from "../../protocol/config.ts";
import { ContinuityReplica } from "../../protocol/continuity.ts";
import { newLocalSecret } from "../../protocol/continuity-token.ts";
import { registryOfficeConfig } from "../../test/site-config.ts";
import { DAY, desk, MIN, T0, ticket } from "../queue/test-fixtures.ts";
import { agentScreenLanguages, buildReplica } from "./replica.ts";

const config = SiteConfig.parse(registryOfficeConfig("demo"));

describe("the agent's replica", () => {
  it("holds today's active tickets without their secret, the desks, calls, durations, walk-ins per prefix, blocks and seq", () => {
    const served = ticket("A001", "akt", T0, {
      status: "served",
      deskId: "d1",
      calledAt: T0 + MIN,
      startedAt: T0 + MIN,
      finishedAt: T0 + 5 * MIN,
    });
    const waiting = ticket("A002", "akt", T0 + MIN, { priority: true });
    const booked = ticket("S001", "slub", T0 + MIN, { source: "booking", reservedAt: T0 + 30 * MIN });
    const secret = newLocalSecret();
    const replica = buildReplica({
      config,
      day: DAY,
      publicUrl: "https://numerek.example",
      tickets: [served, waiting, booked],
      desks: [desk("d1"), desk("d2", { status: "paused", pause: { reason: "break", since: T0 } })],
      recentCalls: [{ ticketId: served.id, number: "A001", deskId: "d1", at: T0 + MIN, attempt: 1, reason: "call" }],
      durations: new Map([["akt", [4 * MIN]]]),
      blocks: [{ day: DAY, matterId: "akt", first: 500, last: 999 }],
      localSecret: secret,
      replayedThrough: 7,
    });
    expect(ContinuityReplica.parse(replica)).toEqual(replica);
    expect(replica.tickets.map((t) => t.number)).toEqual(["A002", "S001"]);
    expect(replica.tickets[0]).not.toHaveProperty("token");
    expect(replica.tickets[0]).toMatchObject({ priority: true });
    expect(replica.walkInsTaken).toEqual({ A: 2 });
    expect(replica.durations).toEqual({ akt: [4 * MIN] });
    expect(replica.desks[1]).toEqual({ id: "d2", status: "paused", ticketId: null, pause: { reason: "break", since: T0 } });
    expect(replica).toMatchObject({ siteId: "demo", day: DAY, localSecret: secret, replayedThrough: 7 });
  });

  it("names only the hall languages every agent version reads: an older agent refuses a replica with Ukrainian", () => {
    const ukrainian = SiteConfig.parse({ ...registryOfficeConfig("demo"), screenLanguages: ["uk", "pl", "en"] });
    const replica = buildReplica({
      config: ukrainian,
      day: DAY,
      publicUrl: "https://numerek.example",
      tickets: [],
      desks: [],
      recentCalls: [],
      durations: new Map(),
      blocks: [],
      localSecret: newLocalSecret(),
      replayedThrough: 0,
    });
    expect(replica.config.screenLanguages).toEqual(["pl", "en"]);
    // The schema of the agents before Ukrainian hall screens, for this field.
    const before = z
      .array(z.enum(["pl", "en"]))
      .min(1)
      .max(2);
    expect(before.safeParse(replica.config.screenLanguages).success).toBe(true);
    expect(before.safeParse(ukrainian.screenLanguages).success).toBe(false);
    expect(agentScreenLanguages(["uk"])).toEqual(["pl"]);
  });
});
