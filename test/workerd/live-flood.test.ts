// A public socket cannot stall an office: an e-ticket socket that floods the site object is closed
// with TOO_MANY_MESSAGES after a handful of frames, while the clerks' commands and the hall screen
// carry on; and an e-ticket token or a client address can hold only so many sockets open, a count
// that outlives the object's hibernation.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PUBLIC_MESSAGES, SOCKETS_PER_ADDRESS, SOCKETS_PER_TICKET } from "../../objects/site/live-limits.ts";
import { CLOSE, type DisplayView, type ServerMessage } from "../../protocol/live.ts";
import { accountFor, act, api, eticketTokenOf, expectError, freshSite, issue, isView, LiveSocket, siteObject } from "./helpers.ts";

/** Resolves with the close code and reason the server sends; fails when none comes in time. */
function closeOf(s: LiveSocket, timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no close within ${timeoutMs} ms`)), timeoutMs);
    s.ws.addEventListener("close", (e) => {
      clearTimeout(timer);
      resolve({ code: e.code, reason: e.reason });
    });
  });
}

const displayOf = (m: ServerMessage) => (isView(m) && m.role === "display" ? (m.view as DisplayView) : null);
const eticketLive = (token: string, address?: string) =>
  LiveSocket.open(`/api/v1/etickets/${token}/live`, address ? { "CF-Connecting-IP": address } : {});
const refusedUpgrade = (token: string, address?: string) =>
  api(`/api/v1/etickets/${token}/live`, { headers: { Upgrade: "websocket", ...(address ? { "CF-Connecting-IP": address } : {}) } });

describe("a flooding e-ticket socket", () => {
  it("is closed with TOO_MANY_MESSAGES after a few frames while a clerk's call-next answers and the hall screen shows the call", async () => {
    const { siteId, admin } = await freshSite();
    const clerk = await accountFor("clerk", [siteId], { deskIds: ["d1"] });
    const [first, flooder, quiet] = [
      await issue(siteId, admin, "rej"),
      await issue(siteId, admin, "rej"),
      await issue(siteId, admin, "pj"),
    ];
    const display = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=display&access_token=${admin}`);
    const flood = await eticketLive(eticketTokenOf(flooder));
    const calm = await eticketLive(eticketTokenOf(quiet));
    for (const s of [display, flood, calm]) await s.waitFor((m) => m.type === "snapshot");
    const closed = closeOf(flood);

    // 2,000 frames at once: asks for a fresh picture, and garbage.
    for (let i = 0; i < 2_000; i++) flood.ws.send(i % 2 ? JSON.stringify({ type: "resync" }) : `{"junk":${i}}`);
    const call = await act(siteId, "d1", "call-next", clerk);

    expect(call.ticket?.number).toBe(first.number);
    await display.waitFor((m) => displayOf(m)?.calls[0]?.ticketId === first.id);
    expect(await closed).toEqual({ code: CLOSE.TOO_MANY_MESSAGES, reason: "too many messages" });
    // It was answered a handful of times at most: its first snapshot, one fresh picture and the error
    // frames of its allowance, never a reply per frame (and nothing after the close).
    expect(flood.messages.filter((m) => m.type === "snapshot").length).toBeLessThanOrEqual(2);
    expect(flood.messages.length).toBeLessThanOrEqual(1 + PUBLIC_MESSAGES.burst);
    // Another citizen's e-ticket stays open.
    expect(calm.ws.readyState).toBe(WebSocket.OPEN);
    // The same citizen may come back: a new socket is a new allowance.
    const back = await eticketLive(eticketTokenOf(flooder));
    await back.waitFor((m) => m.type === "snapshot");
    for (const s of [display, calm, back]) s.close();
  });

  it("leaves staff sockets alone: a console may ask for many fresh pictures", async () => {
    const { siteId, admin } = await freshSite();
    const console1 = await LiveSocket.open(`/api/v1/sites/${siteId}/live?role=clerk:d1&access_token=${admin}`);
    await console1.waitFor((m) => m.type === "snapshot");
    for (let i = 0; i < 20; i++) console1.ws.send(JSON.stringify({ type: "resync" }));
    await console1.waitFor(() => console1.messages.filter((m) => m.type === "snapshot").length === 21);
    expect(console1.ws.readyState).toBe(WebSocket.OPEN);
    console1.close();
  });
});

describe("socket caps", () => {
  it("an e-ticket token holds at most a few sockets open, also after the object hibernates", async () => {
    const { siteId, admin } = await freshSite();
    const token = eticketTokenOf(await issue(siteId, admin, "rej"));
    const open: LiveSocket[] = [];
    for (let i = 0; i < SOCKETS_PER_TICKET; i++) open.push(await eticketLive(token));
    for (const s of open) await s.waitFor((m) => m.type === "snapshot");

    await expectError(await refusedUpgrade(token), 429, "RATE_LIMITED");
    await evictDurableObject(siteObject(siteId));
    await expectError(await refusedUpgrade(token), 429, "RATE_LIMITED");
    // The sockets already open are not touched.
    await issue(siteId, admin, "rej");
    expect(open.every((s) => s.ws.readyState === WebSocket.OPEN)).toBe(true);

    // One closed, one more may open.
    const gone = open.pop()!;
    const closed = closeOf(gone);
    gone.close();
    await closed;
    const again = await eticketLive(token);
    await again.waitFor((m) => m.type === "snapshot");
    for (const s of [...open, again]) s.close();
  });

  it("one client address holds at most so many e-ticket sockets of a site; another address is let in", async () => {
    const { siteId, admin } = await freshSite();
    const tokens: string[] = [];
    for (let i = 0; i <= SOCKETS_PER_ADDRESS / SOCKETS_PER_TICKET; i++) tokens.push(eticketTokenOf(await issue(siteId, admin, "pj")));
    const open: LiveSocket[] = [];
    for (let i = 0; i < SOCKETS_PER_ADDRESS; i++) open.push(await eticketLive(tokens[Math.floor(i / SOCKETS_PER_TICKET)]!, "203.0.113.7"));
    const fresh = tokens[tokens.length - 1]!;

    await expectError(await refusedUpgrade(fresh, "203.0.113.7"), 429, "RATE_LIMITED");
    const other = await eticketLive(fresh, "198.51.100.9");
    await other.waitFor((m) => m.type === "snapshot");
    for (const s of [...open, other]) s.close();
  });
});
