// A site object keeps the keys of its idempotency records in memory (objects/site/store.ts), so that a new
// command is not looked up in SQLite. A retry must still get its first answer whenever it comes: before the
// keys are loaded, after, for a key recorded since, and after the object was evicted and started afresh.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { IssuedTicket } from "../../protocol/api.ts";
import { expectError, freshSite, queueOf, siteObject, takeTicket } from "./helpers.ts";

const settle = () => new Promise((r) => setTimeout(r, 50));

async function numberOf(res: Response): Promise<string> {
  expect([200, 201]).toContain(res.status);
  return ((await res.json()) as IssuedTicket).number;
}

describe("retried walk-ins, with the keys kept in memory", () => {
  it("get their first answer before and after the keys load, for keys recorded since, and after an eviction", async () => {
    const { siteId, admin } = await freshSite();
    const take = (key: string, matterId = "rej") => takeTicket(siteId, admin, matterId, key);

    // The first keyed command: its key is looked up in SQLite, and the load follows it.
    const first = await numberOf(await take("keys-first-0001"));
    expect(await numberOf(await take("keys-first-0001"))).toBe(first);
    await settle();
    // Loaded: a key recorded before the load and one recorded after it both replay.
    const second = await numberOf(await take("keys-second-0002"));
    expect(second).not.toBe(first);
    expect(await numberOf(await take("keys-first-0001"))).toBe(first);
    expect(await numberOf(await take("keys-second-0002"))).toBe(second);
    // The same key with another request is refused, not run.
    await expectError(await take("keys-second-0002", "pj"), 422, "IDEMPOTENCY_KEY_REUSED");

    // Evicted: a fresh instance answers from SQLite until it has loaded, and from its keys after.
    await evictDurableObject(siteObject(siteId));
    expect(await numberOf(await take("keys-second-0002"))).toBe(second);
    await settle();
    expect(await numberOf(await take("keys-first-0001"))).toBe(first);
    const third = await numberOf(await take("keys-third-0003"));
    expect(await numberOf(await take("keys-third-0003"))).toBe(third);

    // Three tickets in all, however often they were asked for.
    const queue = await queueOf(siteId, admin);
    expect(queue.tickets.map((t) => t.number).sort()).toEqual([first, second, third].sort());
  });
});
