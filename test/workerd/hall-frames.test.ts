// What walk-ins in quick succession send the hall (objects/site/live-hub.ts, HALL_COUNTS_MS): the screens
// may get the counts a moment later, several tickets in one frame, but never lose one; a call goes out
// at once, taking the counts still held back with it.
import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../../protocol/live.ts";
import type { DisplayView } from "../../protocol/live-views.ts";
import { act, freshSite, issue, LiveSocket } from "./helpers.ts";

const WALK_INS = 20;
const display = (m: ServerMessage) => (m.type === "snapshot" || m.type === "update" ? (m.view as unknown as DisplayView) : null);
const waitingFor = (m: ServerMessage, matterId: string) => display(m)?.waiting.find((w) => w.matterId === matterId)?.count;

describe("the hall in a storm of walk-ins", () => {
  it("the held-back counts reach the screen: its last frame counts every ticket, in order, none lost", async () => {
    const { siteId, admin } = await freshSite();
    const screen = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await screen.waitFor((m) => m.type === "snapshot");

    for (let i = 0; i < WALK_INS; i++) await issue(siteId, admin, "rej");
    await screen.waitFor((m) => waitingFor(m, "rej") === WALK_INS);

    // Each frame counts more tickets than the one before, and each follows the one before it (prev).
    const updates = screen.messages.filter((m) => m.type === "update");
    const counts = updates.map((m) => waitingFor(m, "rej") ?? -1);
    expect(counts).toEqual([...new Set(counts)].sort((a, b) => a - b));
    for (const [i, m] of updates.entries()) if (i > 0 && m.type === "update") expect(m.prev).toBe((updates[i - 1] as { seq: number }).seq);
    screen.close();
  });

  it("a call right after a burst of walk-ins reaches the screen with the counts still held back", async () => {
    const { siteId, admin } = await freshSite();
    const screen = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    await screen.waitFor((m) => m.type === "snapshot");
    await Promise.all(Array.from({ length: 10 }, () => issue(siteId, admin, "pj")));
    const { ticket } = await act(siteId, "d2", "call-next", admin);

    const called = await screen.waitFor((m) => display(m)?.calls[0]?.ticketId === ticket?.id);
    expect(waitingFor(called, "pj")).toBe(9);
    screen.close();
  });
});
