// How long an organisation's audit log keeps its entries: a year unless its administrator sets
// another period (30 to 3650 days); the change is recorded, shortening it deletes older entries at
// once, and the directory's alarm deletes each entry as it passes the period.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Directory } from "../../objects/directory.ts";
import type { AuditEntry } from "../../protocol/audit.ts";
import { freshOrganisation } from "./fresh-organisation.ts";
import { api, directoryOf, expectError, login } from "./helpers.ts";

const DAY = 86_400_000;

async function retention(token: string, query = ""): Promise<number> {
  const res = await api(`/api/v1/audit/retention${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { days: number }).days;
}

function setRetention(token: string, json: unknown, query = ""): Promise<Response> {
  return api(`/api/v1/audit/retention${query}`, { method: "PUT", token, json });
}

/** Entries made long ago, written straight into the log with the times the test chooses. */
async function plant(org: string, ...ages: number[]): Promise<void> {
  await runInDurableObject(directoryOf(org), (_i: Directory, state: DurableObjectState) => {
    for (const age of ages) {
      state.storage.sql.exec(
        "INSERT INTO audit_log (at, actor, address, action, target, summary, changes) VALUES (?, 'stary', NULL, 'login.succeeded', ?, 'Zalogowano', '[]')",
        Date.now() - age,
        `age-${age / DAY}`,
      );
    }
  });
}

/** The targets of the planted entries still in the log. */
async function planted(org: string): Promise<string[]> {
  return runInDurableObject(directoryOf(org), (_i: Directory, state: DurableObjectState) =>
    state.storage.sql
      .exec<{ target: string }>("SELECT target FROM audit_log WHERE actor = 'stary' ORDER BY at")
      .toArray()
      .map((r) => r.target),
  );
}

describe("the audit log's retention", () => {
  it("is a year unless set; shortening it is recorded and deletes older entries, the alarm deletes the rest as they age", async () => {
    const { org, admin, adminName } = await freshOrganisation();
    expect(await retention(admin)).toBe(365);
    await plant(org, 400 * DAY, 100 * DAY, 40 * DAY, 29 * DAY);
    // A year kept: the alarm deletes only what is over a year old.
    expect(await runDurableObjectAlarm(directoryOf(org))).toBe(true);
    expect(await planted(org)).toEqual(["age-100", "age-40", "age-29"]);

    const res = await setRetention(admin, { days: 90 });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ days: 90 });
    expect(await retention(admin)).toBe(90);
    expect(await planted(org)).toEqual(["age-40", "age-29"]);
    const log = (await (await api("/api/v1/audit?action=audit.retention-changed", { token: admin })).json()) as { entries: AuditEntry[] };
    expect(log.entries[0]).toMatchObject({ actor: adminName, action: "audit.retention-changed" });
    expect(log.entries[0]?.changes).toEqual([{ path: "days", before: "365", after: "90" }]);

    // Shortened to 30 days: the 40-day-old entry goes; the alarm is armed for the next one to age.
    expect((await setRetention(admin, { days: 30 })).status).toBe(200);
    expect(await planted(org)).toEqual(["age-29"]);
    const alarm = await runInDurableObject(directoryOf(org), (_i: Directory, state: DurableObjectState) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    // The purge as it will run a day and a half from now (a clock the test sets) deletes the 29-day-old entry.
    const at = Date.now() + 1.5 * DAY;
    const purged = await runInDurableObject(directoryOf(org), (dir: Directory) => dir.purgeDue(at));
    expect(purged.auditEntries).toBe(1);
    expect(await planted(org)).toEqual([]);
    // The changes of retention themselves are younger than any period, and stay.
    const changes = (await (await api("/api/v1/audit?action=audit.retention-changed", { token: admin })).json()) as {
      entries: AuditEntry[];
    };
    expect(changes.entries).toHaveLength(2);
  });

  it("an entry the alarm finds past the retention goes", async () => {
    const { org, admin } = await freshOrganisation();
    expect((await setRetention(admin, { days: 30 })).status).toBe(200);
    await plant(org, 31 * DAY, 20 * DAY);
    expect(await runDurableObjectAlarm(directoryOf(org))).toBe(true);
    expect(await planted(org)).toEqual(["age-20"]);
  });

  it("the operator names the organisation; another organisation's administrator reaches none of it", async () => {
    const { org, operator } = await freshOrganisation();
    expect(await retention(operator, `?org=${org}`)).toBe(365);
    expect((await setRetention(operator, { days: 730 }, `?org=${org}`)).status).toBe(200);
    expect(await retention(operator, `?org=${org}`)).toBe(730);
    const koszalin = await login("koszalin-admin", "demo");
    await expectError(await api(`/api/v1/audit/retention?org=${org}`, { token: koszalin }), 403, "ORGANISATION_FORBIDDEN");
    await expectError(await setRetention(koszalin, { days: 30 }, `?org=${org}`), 403, "ORGANISATION_FORBIDDEN");
    expect(await retention(operator, `?org=${org}`)).toBe(730);
  });
});
