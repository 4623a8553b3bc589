// A refused command is an answer too: its Idempotency-Key replays the refusal for a while, and the key
// cannot later run with another body (a kiosk's key never makes a ticket it was not asked for).
import { describe, expect, it } from "vitest";
import { desk, freshSite, siteSql, takeTicket } from "./helpers.ts";

const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const tickets = async (siteId: string) => (await siteSql(siteId, "SELECT number FROM tickets ORDER BY number")).map((r) => r.number);

describe("a refused request under its Idempotency-Key", () => {
  it("gets the same refusal on a retry, and the key cannot be used for another request", async () => {
    const { siteId, admin } = await freshSite();
    // Desk 1 alone serves "rej": while it is paused, a ticket for "rej" is refused.
    expect((await desk(siteId, "d1", "pause", admin, { reason: "break" })).status).toBe(200);
    const refused = await takeTicket(siteId, admin, "rej", "kiosk-9-000001");
    expect(refused.status).toBe(409);
    expect(await codeOf(refused)).toBe("MATTER_UNAVAILABLE");

    // The desk opens again; the retry of the same request gets its first answer, not a ticket.
    expect((await desk(siteId, "d1", "resume", admin)).status).toBe(200);
    const retried = await takeTicket(siteId, admin, "rej", "kiosk-9-000001");
    expect(retried.status).toBe(409);
    expect(await codeOf(retried)).toBe("MATTER_UNAVAILABLE");

    // The same key with another body is refused as reused, and makes nothing.
    const other = await takeTicket(siteId, admin, "pj", "kiosk-9-000001");
    expect(other.status).toBe(422);
    expect(await codeOf(other)).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await tickets(siteId)).toEqual([]);

    // A new tap (a new key) is served.
    expect((await takeTicket(siteId, admin, "rej", "kiosk-9-000002")).status).toBe(201);
    expect(await tickets(siteId)).toEqual(["R001"]);
  });
});
