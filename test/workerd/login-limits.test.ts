// Login limits that cannot lock a clerk out: guesses are limited per user name and client address
// together, per address, and per name with growing delays that spare the addresses the name signed
// in from; failed-login records are kept under keyed hashes and deleted a day after.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ADDRESS_LIMIT, FAILURE_RECORD_MS, NAME_BACKOFF, PAIR_LIMIT } from "../../objects/directory/login-limits.ts";
import { type LoginKeys, LoginRecords } from "../../objects/directory/login-records.ts";
import type { Directory } from "../../objects/directory.ts";
import { api, directoryOf, expectError, TEST_ORG, testEnv } from "./helpers.ts";

/** The test organisation's directory: its accounts and its login records. */
const dir = () => directoryOf(TEST_ORG);

/** A client address of this test alone (documentation range 2001:db8::/32). */
function ip(): string {
  const hex = crypto.randomUUID().replace(/-/g, "");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}:${hex.slice(16, 20)}:${hex.slice(20, 24)}`;
}

const attempt = (username: string, password: string, clientIp: string) =>
  api("/api/v1/auth/login", { method: "POST", headers: { "CF-Connecting-IP": clientIp }, json: { username, password } });

const PASSWORD = "the-clerks-own-password";

/** A clerk account of this test alone. */
async function clerk(): Promise<string> {
  const username = `t-clerk-${crypto.randomUUID().slice(0, 8)}`;
  const r = await dir().putAccount(TEST_ORG, { username, password: PASSWORD, role: "clerk", siteIds: ["demo"], deskIds: ["D1"] });
  if (!r.ok) throw new Error(r.code);
  return username;
}

/** A refusal by the login limits: 429 RATE_LIMITED with a Retry-After of whole seconds. */
async function expectLimited(res: Response): Promise<number> {
  const retryAfter = Number(res.headers.get("Retry-After"));
  await expectError(res, 429, "RATE_LIMITED");
  expect(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${retryAfter}`).toBe(true);
  return retryAfter;
}

/** The stored keys of a name and address (the same keyed hashes the directory makes). */
function keysOf(username: string, clientIp: string): Promise<LoginKeys> {
  return runInDurableObject(dir(), (_d: Directory, state: DurableObjectState) =>
    new LoginRecords(state.storage.sql, testEnv.AUTH_SECRET).keysFor(username, clientIp),
  );
}

/** Runs SQL in the directory's database. */
function dirSql(query: string, ...bindings: (string | number)[]): Promise<Record<string, unknown>[]> {
  return runInDurableObject(dir(), (_d: Directory, state: DurableObjectState) =>
    state.storage.sql
      .exec(query, ...bindings)
      .toArray()
      .map((r) => ({ ...r })),
  );
}

describe("guesses from one address", () => {
  it(`an attacker at one address is refused after ${PAIR_LIMIT.failures} wrong passwords while the clerk signs in from another`, async () => {
    const name = await clerk();
    const attacker = ip();
    for (let i = 0; i < PAIR_LIMIT.failures; i++) await expectError(await attempt(name, `guess-${i}`, attacker), 401, "BAD_CREDENTIALS");
    // The attacker keeps going: every further attempt is refused without a password check, even the right one.
    for (let i = 0; i < 10; i++) {
      const wait = await expectLimited(await attempt(name, `more-${i}`, attacker));
      expect(wait).toBeLessThanOrEqual(PAIR_LIMIT.windowMs / 1000);
    }
    await expectLimited(await attempt(name, PASSWORD, attacker));
    // The clerk, at their desk's address, is not held by any of it.
    expect((await attempt(name, PASSWORD, ip())).status).toBe(200);
    // Nor is another user at the attacker's address.
    expect((await attempt("kierownik", "demo", attacker)).status).toBe(200);
  });

  it(`one address failing for many names of an organisation is refused after ${ADDRESS_LIMIT.failures}, for every name`, async () => {
    const sprayer = ip();
    const names = await Promise.all(Array.from({ length: Math.ceil(ADDRESS_LIMIT.failures / (PAIR_LIMIT.failures - 1)) }, () => clerk()));
    let failures = 0;
    for (const name of names) {
      for (let i = 0; i < PAIR_LIMIT.failures - 1 && failures < ADDRESS_LIMIT.failures; i++, failures++) {
        await expectError(await attempt(name, `spray-${i}`, sprayer), 401, "BAD_CREDENTIALS");
      }
    }
    const name = await clerk();
    await expectLimited(await attempt(name, PASSWORD, sprayer));
    expect((await attempt(name, PASSWORD, ip())).status).toBe(200);
  });
});

describe("guesses at one user name from many addresses", () => {
  it("slow down attempts from new addresses, while the clerk's own address still gets in", async () => {
    const name = await clerk();
    const desk = ip();
    expect((await attempt(name, PASSWORD, desk)).status).toBe(200);

    // A flood from many addresses, one guess each: no pair or address limit is reached.
    for (let i = 0; i < NAME_BACKOFF.freeFailures; i++) await expectError(await attempt(name, `flood-${i}`, ip()), 401, "BAD_CREDENTIALS");
    // Now every new address waits, whatever it sends (the password is not even checked).
    const first = await expectLimited(await attempt(name, `flood-next`, ip()));
    expect(first).toBeLessThanOrEqual(NAME_BACKOFF.firstDelayMs / 1000);
    await expectLimited(await attempt(name, PASSWORD, ip()));

    // The clerk's desk signed in with this name before the flood: it is let in at once.
    expect((await attempt(name, PASSWORD, desk)).status).toBe(200);

    // Once the delay has passed, one more guess is checked, and the next wait is longer.
    const { name: nameKey } = await keysOf(name, desk);
    await dirSql("UPDATE login_counters SET last_at = last_at - ? WHERE key = ?", NAME_BACKOFF.firstDelayMs, nameKey);
    await expectError(await attempt(name, "flood-after-wait", ip()), 401, "BAD_CREDENTIALS");
    const second = await expectLimited(await attempt(name, "flood-again", ip()));
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual((2 * NAME_BACKOFF.firstDelayMs) / 1000);
    expect((await attempt(name, PASSWORD, desk)).status).toBe(200);
  });
});

describe("failed-login records", () => {
  it("hold no user name or address in clear, and are deleted a day after by the directory's alarm", async () => {
    const name = await clerk();
    const attacker = ip();
    for (let i = 0; i < PAIR_LIMIT.failures; i++) await expectError(await attempt(name, `guess-${i}`, attacker), 401, "BAD_CREDENTIALS");
    await expectLimited(await attempt(name, PASSWORD, attacker));
    const keys = await keysOf(name, attacker);
    const mine = [keys.pair, keys.address, keys.name];
    const stored = await dirSql(`SELECT * FROM login_counters WHERE key IN (?, ?, ?)`, ...mine);
    expect(stored).toHaveLength(3);
    const everything = JSON.stringify([...(await dirSql("SELECT * FROM login_counters")), ...(await dirSql("SELECT * FROM login_known"))]);
    expect(everything).not.toContain(name);
    expect(everything).not.toContain(attacker);

    // A day and a minute later (the rows aged the way time would have aged them), the alarm deletes them.
    const alarm = await runInDurableObject(dir(), (_d: Directory, state: DurableObjectState) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    const aged = FAILURE_RECORD_MS + 60_000;
    await dirSql(
      "UPDATE login_counters SET window_start = window_start - ?, last_at = last_at - ? WHERE key IN (?, ?, ?)",
      aged,
      aged,
      ...mine,
    );
    expect(await runDurableObjectAlarm(dir())).toBe(true);
    expect(await dirSql(`SELECT * FROM login_counters WHERE key IN (?, ?, ?)`, ...mine)).toEqual([]);
    // The pair is let in again.
    expect((await attempt(name, PASSWORD, attacker)).status).toBe(200);
  });

  it("a day old are deleted by the next sign-in too", async () => {
    const name = await clerk();
    const attacker = ip();
    await expectError(await attempt(name, "guess", attacker), 401, "BAD_CREDENTIALS");
    const keys = await keysOf(name, attacker);
    await dirSql("UPDATE login_counters SET last_at = last_at - ? WHERE key = ?", FAILURE_RECORD_MS + 60_000, keys.pair);
    expect((await attempt("kierownik", "demo", ip())).status).toBe(200);
    expect(await dirSql("SELECT key FROM login_counters WHERE key IN (?, ?, ?) ORDER BY key", keys.pair, keys.address, keys.name)).toEqual([
      { key: keys.address },
      { key: keys.name },
    ]);
  });

  it("the earlier table of names and addresses in clear is gone", async () => {
    expect(await dirSql("SELECT name FROM sqlite_master WHERE name = 'login_failures'")).toEqual([]);
  });
});
