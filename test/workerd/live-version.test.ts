// Print agents run for months on office PCs and hall screens for days without a reload: a client
// that speaks a protocol version the server does not is let in and closed at once with
// VERSION_UNSUPPORTED and a reason, so it can say "reload" (or the agent can log "update me")
// instead of reconnecting blindly. The current version, and clients older than the version check
// (which send none), are served as before.
import { describe, expect, it } from "vitest";
import { CLOSE, PROTOCOL_VERSION } from "../../protocol/live.ts";
import { eticketTokenOf, freshSite, issue, LiveSocket } from "./helpers.ts";

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

describe("protocol version", () => {
  it("a screen, a console and the agent of an old or unknown version are closed with VERSION_UNSUPPORTED and get no frame", async () => {
    const { siteId, admin } = await freshSite();
    for (const [role, version] of [
      ["display", "0"],
      ["clerk:d1", "0"],
      ["agent", String(PROTOCOL_VERSION + 1)],
    ] as const) {
      const s = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=${role}&access_token=${admin}&protocol=${version}`);
      const closed = await closeOf(s);
      expect(closed.code).toBe(CLOSE.VERSION_UNSUPPORTED);
      expect(closed.reason).toBe(`protocol ${version} unsupported (server speaks ${PROTOCOL_VERSION}): reload or update`);
      expect(s.messages).toEqual([]);
    }
  });

  it("an e-ticket page of another version is closed the same way, whatever it sent", async () => {
    const { siteId, admin } = await freshSite();
    const token = eticketTokenOf(await issue(siteId, admin, "rej"));
    for (const version of ["0", "abc"]) {
      const s = await LiveSocket.open(`/api/v1/etickets/${token}/live?protocol=${version}`);
      expect((await closeOf(s)).code).toBe(CLOSE.VERSION_UNSUPPORTED);
      expect(s.messages).toEqual([]);
    }
  });

  it("the current version, and a client that sends none, get their snapshot and stay open", async () => {
    const { siteId, admin } = await freshSite();
    const token = eticketTokenOf(await issue(siteId, admin, "rej"));
    const sockets = [
      await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}&protocol=${PROTOCOL_VERSION}`),
      await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`),
      await LiveSocket.open(`/api/v1/etickets/${token}/live?protocol=${PROTOCOL_VERSION}`),
    ];
    for (const s of sockets) {
      expect(await s.waitFor((m) => m.type === "snapshot")).toMatchObject({ type: "snapshot", protocol: PROTOCOL_VERSION });
      expect(s.ws.readyState).toBe(WebSocket.OPEN);
      s.close();
    }
  });
});
