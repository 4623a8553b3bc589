// A site whose storage refuses a write (a full disk): the command answers 503 STORAGE_FAILED and did not
// happen at all (no number used up, memory as before), reads keep answering, and once storage takes
// writes again the next ticket follows on. The failure is a real SQLite error inside the transaction:
// a trigger that aborts every new ticket row, as a full disk aborts the write.
import { describe, expect, it } from "vitest";
import type { IssuedTicket, QueueResponse } from "../../protocol/api.ts";
import { api, expectError, freshSite, siteSql, takeTicket } from "./helpers.ts";

describe("storage that refuses writes", () => {
  it("refuses the command whole with STORAGE_FAILED, keeps reads working, and loses no number", async () => {
    const { siteId, admin } = await freshSite();
    expect(((await (await takeTicket(siteId, admin, "rej")).json()) as IssuedTicket).number).toBe("R001");

    await siteSql(siteId, "CREATE TRIGGER disk_full BEFORE INSERT ON tickets BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    await expectError(await takeTicket(siteId, admin, "rej", "kiosk-7-000001"), 503, "STORAGE_FAILED");

    // Reads answer from memory, and show the queue as it was.
    const queue = await api(`/api/v1/sites/${siteId}/queue`, { token: admin });
    expect(queue.status).toBe(200);
    expect(((await queue.json()) as QueueResponse).tickets.map((t) => t.number)).toEqual(["R001"]);

    // Storage is back: the retried request runs (its refusal was not stored either) and takes the next number.
    await siteSql(siteId, "DROP TRIGGER disk_full");
    const retried = await takeTicket(siteId, admin, "rej", "kiosk-7-000001");
    expect(retried.status).toBe(201);
    expect(((await retried.json()) as IssuedTicket).number).toBe("R002");
    const stored = await siteSql(siteId, "SELECT number FROM tickets ORDER BY number");
    expect(stored.map((r) => r.number)).toEqual(["R001", "R002"]);
  });
});
