// A live stream whose subject is gone is closed with a code that says why, so its screen can
// say so instead of reconnecting forever: a desk removed from the configuration closes its desk
// screens and consoles (DESK_GONE); an e-ticket whose ticket is no longer stored closes with
// TICKET_GONE. Streams of what still exists keep going.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { PublicSite } from "../../protocol/api.ts";
import { CLOSE, type DisplayView, type ServerMessage } from "../../protocol/live.ts";
import { act, api, eticketTokenOf, expectError, freshSite, issue, isView, LiveSocket, siteObject, siteSql } from "./helpers.ts";

/** Resolves with the close code and reason the server sends; fails when none comes in time. */
function closeOf(s: LiveSocket, timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no close within ${timeoutMs} ms`)), timeoutMs);
    s.ws.addEventListener("close", (e) => {
      clearTimeout(timer);
      resolve({ code: e.code, reason: e.reason });
    });
  });
}

const view = (m: ServerMessage) => ("view" in m ? (m.view as unknown as Record<string, unknown>) : {});
const live = (siteId: string, role: string, token: string) =>
  LiveSocket.open(`/api/v1/sites/${siteId}/live?role=${role}&access_token=${token}`);

describe("close codes", () => {
  it("a desk removed from the configuration closes its desk screen and console with DESK_GONE; other streams go on", async () => {
    const { siteId, admin } = await freshSite();
    const [screen2, console2, screen1, display] = [
      await live(siteId, "desk:d2", admin),
      await live(siteId, "clerk:d2", admin),
      await live(siteId, "desk:d1", admin),
      await live(siteId, "display", admin),
    ];
    for (const s of [screen2, console2, screen1, display]) await s.waitFor((m) => m.type === "snapshot");
    const [screen2Closed, console2Closed] = [closeOf(screen2), closeOf(console2)];

    // The manager takes desk 2 out of the office's configuration.
    const [row] = await siteSql(siteId, "SELECT value FROM meta WHERE key = 'config'");
    const config = JSON.parse(String(row!.value)) as { desks: { id: string }[] };
    config.desks = config.desks.filter((d) => d.id !== "d2");
    expect((await api(`/api/v1/sites/${siteId}`, { method: "PUT", token: admin, json: config })).status).toBe(200);

    expect(await screen2Closed).toEqual({ code: CLOSE.DESK_GONE, reason: "desk removed" });
    expect(await console2Closed).toEqual({ code: CLOSE.DESK_GONE, reason: "desk removed" });
    // The hall screen shows desk 1 alone, and desk 1's screen follows its calls.
    await display.waitFor((m) => isView(m) && (view(m) as unknown as DisplayView).desks.map((d) => d.id).join() === "d1");
    await issue(siteId, admin, "rej");
    expect((await act(siteId, "d1", "call-next", admin)).ticket?.number).toBe("R001");
    await screen1.waitFor((m) => isView(m) && view(m).number === "R001");
    expect(screen1.ws.readyState).toBe(WebSocket.OPEN);
    // A desk screen opened again for desk 2 is refused, and the public listing (what a screen asks when it cannot connect) no longer has the desk.
    await expectError(
      await api(`/api/v1/sites/${siteId}/live?role=desk:d2&access_token=${admin}`, { headers: { Upgrade: "websocket" } }),
      404,
      "UNKNOWN_DESK",
    );
    const { sites } = (await (await api("/api/v1/sites")).json()) as { sites: PublicSite[] };
    expect(sites.find((s) => s.id === siteId)?.desks.map((d) => d.id)).toEqual(["d1"]);
    for (const s of [screen1, display]) s.close();
  });

  it("an e-ticket whose ticket is no longer stored closes with TICKET_GONE at the next change that can move a phone; other e-tickets go on", async () => {
    const { siteId, admin } = await freshSite();
    const [gone, kept] = [await issue(siteId, admin, "rej"), await issue(siteId, admin, "rej")];
    const goneSocket = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(gone)}/live`);
    const keptSocket = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(kept)}/live`);
    await goneSocket.waitFor((m) => m.type === "snapshot" && view(m).number === "R001");
    await keptSocket.waitFor((m) => m.type === "snapshot" && view(m).waitingAhead === 1);
    const goneClosed = closeOf(goneSocket);

    // The ticket's row is deleted, and the object comes back from its storage (the sockets hibernate meanwhile).
    await siteSql(siteId, "DELETE FROM tickets WHERE id = ?", gone.id);
    await evictDurableObject(siteObject(siteId));
    const heard = keptSocket.messages.length;
    // A plain walk-in behind everyone moves no phone, after a wake-up too; the call of the kept ticket does.
    await issue(siteId, admin, "rej");
    await act(siteId, "d1", "call-next", admin);

    expect(await goneClosed).toEqual({ code: CLOSE.TICKET_GONE, reason: "ticket gone" });
    // The other ticket is now called, and its page is told so: the first frame it got since the wake-up.
    await keptSocket.waitFor((m) => isView(m) && view(m).status === "called");
    expect(
      keptSocket.messages
        .slice(heard)
        .filter(isView)
        .map((m) => view(m).status),
    ).toEqual(["called"]);
    expect(keptSocket.ws.readyState).toBe(WebSocket.OPEN);
    await expectError(await api(`/api/v1/etickets/${eticketTokenOf(gone)}`), 404, "UNKNOWN_ETICKET");
    keptSocket.close();
  });

  it("asking for a fresh picture of a ticket that is gone closes the socket the same way", async () => {
    const { siteId, admin } = await freshSite();
    const t = await issue(siteId, admin, "pj");
    const s = await LiveSocket.open(`/api/v1/etickets/${eticketTokenOf(t)}/live`);
    await s.waitFor((m) => m.type === "snapshot");
    const closed = closeOf(s);
    await siteSql(siteId, "DELETE FROM tickets WHERE id = ?", t.id);
    await evictDurableObject(siteObject(siteId));
    s.ws.send(JSON.stringify({ type: "resync" }));
    expect(await closed).toEqual({ code: CLOSE.TICKET_GONE, reason: "ticket gone" });
  });
});
