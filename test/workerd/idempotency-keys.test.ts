// A site object keeps the keys of its idempotency records in memory (objects/site/store.ts), so that a new
// command is not looked up in SQLite. A retry must still get its first answer whenever it comes: before the
// keys are loaded, after, for a key recorded since, and after the object was evicted and started afresh.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SITE_MIGRATIONS } from "../../objects/site/schema.ts";
import { KEYS_LOAD_DELAY_MS } from "../../objects/site/store.ts";
import type { IssuedTicket } from "../../protocol/api.ts";
import { expectError, freshSite, queueOf, siteObject, siteSql, takeTicket } from "./helpers.ts";

/** Until the keys are loaded (they load a while after the first keyed command). */
const settle = () => new Promise((r) => setTimeout(r, KEYS_LOAD_DELAY_MS + 100));

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

describe("idempotency records of a store made before the index by age was dropped", () => {
  it("still answer their retries after the upgrade, and the day's housekeeping still drops the old ones", async () => {
    const { siteId, admin } = await freshSite();
    const take = (key: string, matterId = "rej") => takeTicket(siteId, admin, matterId, key);
    const first = await numberOf(await take("upgrade-first-0001"));
    await expectError(await take("upgrade-first-0001", "pj"), 422, "IDEMPOTENCY_KEY_REUSED");
    // The table as version 17 left it, with its index by age.
    await siteSql(siteId, "CREATE INDEX idempotency_age ON idempotency(created_at)");
    await siteSql(siteId, "UPDATE _schema SET version = 17");

    await evictDurableObject(siteObject(siteId));
    expect(await numberOf(await take("upgrade-first-0001"))).toBe(first);
    await expectError(await take("upgrade-first-0001", "pj"), 422, "IDEMPOTENCY_KEY_REUSED");
    const second = await numberOf(await take("upgrade-second-0002"));
    expect(await numberOf(await take("upgrade-second-0002"))).toBe(second);
    const schema = await siteSql(siteId, "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'idempotency' ORDER BY name");
    expect(schema.map((r) => r.name)).toEqual(["idempotency", "idempotency_refused", "sqlite_autoindex_idempotency_1"]);
    expect((await siteSql(siteId, "SELECT version FROM _schema"))[0]?.version).toBe(SITE_MIGRATIONS.length);

    // The new day's housekeeping still drops the records older than two days, without an index by age.
    await siteSql(siteId, "UPDATE idempotency SET created_at = ? WHERE key LIKE '%|upgrade-first-0001'", Date.now() - 3 * 86_400_000);
    const [{ value: day }] = (await siteSql(siteId, "SELECT value FROM meta WHERE key = 'day'")) as [{ value: string }];
    const yesterday = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await siteSql(siteId, "UPDATE meta SET value = ? WHERE key = 'day'", yesterday);
    await siteSql(siteId, "UPDATE tickets SET day = ?", yesterday);
    await evictDurableObject(siteObject(siteId));
    await numberOf(await take("upgrade-next-day-0003"));
    const keys = (await siteSql(siteId, "SELECT key FROM idempotency ORDER BY key")).map((r) => String(r.key).split("|").pop());
    expect(keys).toEqual(["upgrade-next-day-0003", "upgrade-second-0002"]);
  });
});
